"""Numbers for the visitor's language: Khmer readers get Khmer digits."""

from django import template

from ..i18n.languages import locale_digits as to_locale_digits
from ..i18n.texts import in_language as text_in_language

register = template.Library()


@register.filter
def locale_digits(value):
    """{{ year|locale_digits }} → 2005, or ២០០៥ on Khmer pages."""
    return to_locale_digits(value)


@register.filter
def in_language(obj, name):
    """{{ site_settings|in_language:"footer_text" }}: the text written for the visitor's language (i18n/texts.py)."""
    return text_in_language(obj, name)
