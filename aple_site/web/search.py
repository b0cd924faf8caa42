"""Site search over every public page type (Wagtail search: PostgreSQL full-text search when the database is
PostgreSQL, the database fallback otherwise), paginated, with the query's words highlighted."""

import logging
import re

from django.core.paginator import Paginator
from django.db import DatabaseError
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from wagtail.models import Page

from ..i18n.khmer import khmer_query
from ..i18n.languages import active_language
from ..i18n.pages import locale_id_of

logger = logging.getLogger(__name__)
MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def highlight(text, query):
    """`text` escaped, with every word of `query` wrapped in <mark>."""
    words = [word for word in query.split() if len(word) > 1]
    escaped = escape(text)
    if not words:
        return mark_safe(escaped)
    # Each word is matched as it appears in the escaped text (escape(), then re.escape() once: escaping the
    # pattern twice made words with ".", "?", "$" or "#" never match).
    pattern = re.compile(
        "(" + "|".join(re.escape(escape(word)) for word in sorted(words, key=len, reverse=True)) + ")", re.I
    )
    return mark_safe(pattern.sub(r"<mark>\1</mark>", escaped))


def _result_pages(page_of_results):
    """The specific pages for one page of results, in result order, in a fixed number of queries."""
    ids = [page.pk for page in page_of_results]
    by_id = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return [by_id[pk] for pk in ids if pk in by_id]


# Control characters, and characters full-text engines read as query syntax (quotes, wildcards,
# grouping): searched as spaces.
QUERY_SYNTAX = re.compile(r"[\x00-\x1f\x7f\"'*():^{}\[\]<>~|&!\\+-]")


def clean_query(raw):
    return " ".join(QUERY_SYNTAX.sub(" ", raw).split())[:MAX_QUERY_LENGTH]


@require_GET
def search(request):
    raw = request.GET.get("q", "")
    query = clean_query(raw)
    results = Page.objects.none()
    if query:
        # Pages in the visitor's language. A Khmer query must match all of its character sequences.
        terms, has_khmer = khmer_query(query)
        pages = Page.objects.live().public().filter(depth__gte=2, locale=locale_id_of(active_language()))
        results = pages.search(terms, operator="and" if has_khmer else None)
    try:
        page_of_results = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        pages = _result_pages(page_of_results)
    except (DatabaseError, RecursionError):  # a query the engine cannot run: no results rather than an error
        # Never the query itself: people may type a child's name here, and nothing they search for is kept.
        logger.warning("A search query of %d characters could not be run", len(query))
        page_of_results, pages = Paginator([], RESULTS_PER_PAGE).get_page(1), []
    hits = [
        {
            "page": page,
            "title": highlight(page.title, query),
            "summary": highlight(page.get_meta_description() or "", query),
            "label": getattr(page, "result_label", ""),
            "date": page.result_date() if hasattr(page, "result_date") else "",
        }
        for page in pages
    ]
    context = {
        "query": query,
        "hits": hits,
        "page_of_results": page_of_results,
        "truncated": len(raw) > MAX_QUERY_LENGTH,
    }
    return render(request, "aple_site/search.html", context)
