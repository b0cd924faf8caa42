"""Dated listings shared by news and case stories: newest first, filtered by year without JavaScript, paged."""

import datetime

from django.core.paginator import Paginator
from django.utils import formats

from aple_site.i18n.languages import locale_digits

PER_PAGE = 10


def display_date(date):
    """A date as the visitor's language writes it, with its digits (e.g. 14 March 2026, ១៤ មីនា ២០២៦)."""
    return locale_digits(formats.date_format(date, "DATE_FORMAT"))


class DatedMixin:
    """For a page with a `date` field shown in lists: the date as visitors read it, and for <time datetime>."""

    @property
    def display_date(self):
        return display_date(self.date)

    @property
    def iso_date(self):
        return self.date.isoformat()

    def result_date(self):
        return self.display_date


def dated_listing(request, items, date_field="date"):
    """The context of a listing of `items` (a queryset): its years, the year chosen in ?year= (ignored unless
    it is one of them) and the page of items in ?page=. Three queries, however many items there are: the years,
    the count and the page."""
    years = sorted({d.year for d in items.dates(date_field, "year")}, reverse=True)
    asked = request.GET.get("year", "")
    chosen = int(asked) if asked.isdigit() and int(asked) in years else None
    if chosen:
        items = items.filter(
            **{f"{date_field}__gte": datetime.date(chosen, 1, 1), f"{date_field}__lt": datetime.date(chosen + 1, 1, 1)}
        )
    return {
        "years": [(str(year), locale_digits(year)) for year in years],
        "chosen_year": str(chosen or ""),
        "unknown_year": bool(asked) and chosen is None,
        "page_of_items": Paginator(items, PER_PAGE).get_page(request.GET.get("page")),
    }
