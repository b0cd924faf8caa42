"""Numbers for the visitor's language: Khmer readers get Khmer digits."""

from django import template

from .languages import locale_digits as to_locale_digits

register = template.Library()


@register.filter
def locale_digits(value):
    """{{ year|locale_digits }} → 2005, or ២០០៥ on Khmer pages."""
    return to_locale_digits(value)
