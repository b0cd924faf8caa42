"""Amounts of money as readers of each language write them (CLDR data through Babel), e.g. "$25", "25$" on
Khmer pages with Khmer digits ("២៥$"), "KHR 100,000" and "១០០,០០០៛"."""

from decimal import Decimal

from babel import Locale
from babel.numbers import format_currency, get_currency_symbol

from aple_site.i18n.languages import active_language, locale_digits


def format_amount(amount, currency):
    """`amount` (a Decimal) in `currency` (an ISO code), in the visitor's language; whole amounts lose '.00'."""
    language = active_language()
    pattern = Locale.parse(language).currency_formats["standard"].pattern
    amount = Decimal(amount)
    if amount == amount.to_integral_value():
        pattern = pattern.replace(".00", "")
    text = format_currency(amount, currency, locale=language, format=pattern, currency_digits=False)
    symbol = get_currency_symbol(currency, locale=language)
    if symbol.isalpha() and text.startswith(symbol):
        text = f"{symbol}\u00a0{text[len(symbol) :]}"  # "KHR 100,000", not "KHR100,000"
    return locale_digits(text)
