"""The results page: every public page of the visitor's language (Wagtail search: PostgreSQL full-text search on
PostgreSQL, SQLite's FTS5 on SQLite), editors' picks for the query first, ten results to a page, each with what
it is, its date and the query's words highlighted. Nothing typed here is stored or logged."""

import logging
import re

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from wagtail.models import Page

from ..addresses import cache_scope
from ..caching.version import cached, versioned_key
from ..i18n.khmer import KHMER_RUN
from ..i18n.languages import active_language
from ..i18n.pages import locale_id_of
from ..web.expiry import not_past_expiry
from .query import build_query, synonyms
from .terms import latin_words, stem_term

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


def named_after(query):
    """A test of whether a page's title holds every word of `query` (in any form; or what the query means, when
    it is a search synonym) and every Khmer run in it."""
    words = tuple(dict.fromkeys(latin_words(KHMER_RUN.sub(" ", query))))
    known = synonyms()
    alternatives = [words] + ([known[words]] if words in known else [])
    wanted = [{stem_term(word) for word in alternative} for alternative in alternatives]
    runs = KHMER_RUN.findall(query)

    def test(title):
        title_stems = {stem_term(word) for word in latin_words(title)}
        return any(stems <= title_stems for stems in wanted) and all(run in title for run in runs)

    return test


def result_cards(request, ids):
    """{page id: what a result shows of it (title, address, summary, type, date)}, cached until content changes.

    A result needs its page's specific fields, and fetching specific pages costs a query per page type: a page of
    ten results of eight types made fourteen queries. Cached, a page that was shown once costs none."""
    prefix = versioned_key(f"search-card:{cache_scope(request)}:{active_language()}")
    keys = {pk: f"{prefix}:{pk}" for pk in ids}
    found = cache.get_many(list(keys.values()))
    cards = {pk: found[key] for pk, key in keys.items() if key in found}
    missing = [pk for pk in ids if pk not in cards]
    if missing:
        fresh = {}
        for page in Page.objects.filter(pk__in=missing).specific():
            cards[page.pk] = fresh[keys[page.pk]] = {
                "title": page.title,
                "url": page.get_url(request),
                "summary": page.get_meta_description() or "",
                "label": str(getattr(page, "result_label", "")),
                "date": str(page.result_date()) if hasattr(page, "result_date") else "",
            }
        cache.set_many(fresh, settings.CACHE_SECONDS)
    return cards


def _result_pages(request, pages_here, page_of_results, picked_ids=()):
    """(the editors' picks, the page of results without them) as result cards, in their order. A pick that is
    private, a draft or in the other language is left out (it must be one of `pages_here`)."""
    ids = [page.pk for page in page_of_results]
    if picked_ids:
        shown = set(pages_here.filter(pk__in=picked_ids).values_list("pk", flat=True))
        picked_ids = [pk for pk in picked_ids if pk in shown]
    cards = result_cards(request, [*picked_ids, *ids])
    picked = [cards[pk] for pk in picked_ids if pk in cards]
    rest = [cards[pk] for pk in ids if pk in cards and pk not in picked_ids]
    return picked, rest, len(set(picked_ids) - set(ids))


def editors_picks(query):
    """The ids of the pages editors promoted for this query (Wagtail's search promotions), best first.

    Wagtail's `Query.get()` would create a row for every query typed, and its hits would keep a history: this
    only reads the queries editors entered, and records nothing."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.search.utils import normalise_query_string

    def build():
        picks = {}
        for query_string, page_id in (
            SearchPromotion.objects.filter(page__isnull=False)
            .order_by("query__query_string", "sort_order")
            .values_list("query__query_string", "page_id")
        ):
            picks.setdefault(query_string, []).append(page_id)
        return picks

    return cached("search-picks", build).get(normalise_query_string(query), [])


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
    here = locale_id_of(active_language())
    search_for = build_query(query, here) if query else None
    pages_here = not_past_expiry(Page.objects.live().public().filter(depth__gte=2, locale=here))
    if search_for is not None and search_for.query is not None:
        results = pages_here.search(search_for.query)
    # Editors' picks lead the first page of results.
    picked_ids = editors_picks(query) if query and request.GET.get("page", "1") == "1" else []
    try:
        page_of_results = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        picked, pages, picks_beyond_results = _result_pages(request, pages_here, page_of_results, picked_ids)
    except (DatabaseError, RecursionError):  # a query the engine cannot run: no results rather than an error
        # Never the query itself: people may type a child's name here, and nothing they search for is kept.
        logger.warning("A search query of %d characters could not be run", len(query))
        page_of_results, picked, pages, picks_beyond_results = Paginator([], RESULTS_PER_PAGE).get_page(1), [], [], 0
    # Within a page of results, pages named after what was searched come first (the engines' ranks count how often
    # words occur, and a long page that mentions a place often can outrank the place's own page).
    named = named_after(query)
    pages.sort(key=lambda card: not named(card["title"]))
    # A pick that is also a result on this page is counted once.
    result_count = page_of_results.paginator.count + min(picks_beyond_results, len(picked))
    hits = [
        {
            **card,
            "title": highlight(card["title"], query),
            "summary": highlight(card["summary"], query),
        }
        for card in [*picked, *pages]
    ]
    for hit in hits[: len(picked)]:
        hit["picked"] = True
    context = {
        "query": query,
        "hits": hits,
        "page_of_results": page_of_results,
        "result_count": result_count,
        "corrections": sorted(search_for.corrections.values()) if search_for else [],
        "truncated": len(raw) > MAX_QUERY_LENGTH,
    }
    return render(request, "aple_site/search.html", context)
