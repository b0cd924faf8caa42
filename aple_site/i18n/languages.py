"""The visitor's language, and numbers written in it (Khmer readers get Khmer digits)."""

from django.conf import settings
from django.utils.translation import get_language, get_supported_language_variant


def active_language():
    try:
        return get_supported_language_variant(get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")


def locale_digits(value):
    """`value` as text, with Khmer digits when the visitor reads Khmer (years, dates, counts)."""
    text = str(value)
    return text.translate(KHMER_DIGITS) if active_language() == "km" else text
