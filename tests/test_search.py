"""Site search: every public page type, highlighted summaries, pagination, and odd input."""

import pytest

from history.models import HistoryIndexPage
from tests.factories import TimelineEventPageFactory

pytestmark = pytest.mark.django_db


def titles(response):
    html = response.content.decode()
    return [part.split("</a>")[0].split(">", 1)[1] for part in html.split('class="search-result__title"><a href=')[1:]]


def test_finds_pages_of_every_section_with_highlights(client):
    response = client.get("/en/search/", {"q": "Sihanoukville"})
    found = titles(response)
    assert "<mark>Sihanoukville</mark>" in found  # the office
    assert "An office opens in <mark>Sihanoukville</mark>" in found  # the timeline event
    assert "results for “Sihanoukville”" in response.content.decode()
    programs = titles(client.get("/en/search/", {"q": "hotlines"}))
    assert "Community engagement" in programs


def test_drafts_are_not_found(client):
    history = HistoryIndexPage.objects.get(locale__language_code="en")
    event = TimelineEventPageFactory(parent=history, title="Secret draft milestone", summary="Zanzibarian plans.")
    event.unpublish()
    assert titles(client.get("/en/search/", {"q": "Zanzibarian"})) == []


def test_results_are_paginated(client):
    history = HistoryIndexPage.objects.get(locale__language_code="en")
    for n in range(23):
        TimelineEventPageFactory(parent=history, title=f"Quokka milestone {n}", summary="A quokka event.")
    first = client.get("/en/search/", {"q": "quokka"})
    assert len(titles(first)) == 10
    assert "23 results" in first.content.decode()
    third = client.get("/en/search/", {"q": "quokka", "page": 3})
    assert len(titles(third)) == 3
    for bad_page in ["0", "-2", "abc", "99999999999"]:
        assert client.get("/en/search/", {"q": "quokka", "page": bad_page}).status_code == 200


def test_empty_huge_and_odd_queries(client):
    assert "Type a word or two" in client.get("/en/search/").content.decode()
    huge = client.get("/en/search/", {"q": "court " * 2000})
    assert huge.status_code == 200
    assert "only its first 200 characters" in huge.content.decode()
    for odd in ['"', "'", "*", "NEAR(a b)", "a AND", "OR", "-", "()", "\x00", "😀", "<script>alert(1)</script>", "%%"]:
        response = client.get("/en/search/", {"q": odd})
        assert response.status_code == 200, odd
        assert "<script>alert(1)</script>" not in response.content.decode()


def test_long_khmer_queries_are_answered(client):
    # 170+ Khmer characters made about 170 terms, which broke PostgreSQL's query building (RecursionError).
    phrase = "អង្គការអាភ្លេការពារកុមារនៅកម្ពុជាតាមរយៈការងារសង្គមនិងតុលាការ"
    for length in (170, 199):
        query = (phrase * 4)[:length]
        response = client.get("/km/search/", {"q": query})
        assert response.status_code == 200, length
    # A long query made of a real page's words still finds it.
    assert "តុលាការ" in client.get("/km/search/", {"q": "តុលាការ " * 30}).content.decode()


def test_search_form_is_in_every_header(client):
    html = client.get("/en/history/").content.decode()
    header = html.split("<header")[1].split("</header>")[0]
    assert 'role="search"' in header and 'action="/en/search/"' in header


def test_words_with_punctuation_are_highlighted():
    from aple_site.web.search import highlight

    assert str(highlight("A gift of US$25 pays for it.", "US$25")) == "A gift of <mark>US$25</mark> pays for it."
    assert (
        str(highlight("See aplecambodia.org today", "aplecambodia.org")) == "See <mark>aplecambodia.org</mark> today"
    )
    assert (
        str(highlight("Why? Because #children", "why? #children"))
        == "<mark>Why?</mark> Because <mark>#children</mark>"
    )
    assert str(highlight("Tom & Jerry <b>", "&")) == "Tom &amp; Jerry &lt;b&gt;"  # one-character words are not marked
    assert str(highlight("Tom & Jerry <b>", "<b>")) == "Tom &amp; Jerry <mark>&lt;b&gt;</mark>"


def results(response):
    """(title, the line under it) for each result, as a visitor reads them."""
    import re

    html = response.content.decode()
    found = re.findall(
        r'search-result__title"><a href="[^"]*">(.*?)</a></h2>\s*(?:<p class="search-result__meta">(.*?)</p>)?', html
    )
    return [(re.sub(r"</?mark>", "", title), meta) for title, meta in found]


def test_each_result_says_what_it_is_and_when():
    from django.test import Client

    found = dict(results(Client().get("/en/search/", {"q": "strategy 2016"})))
    # The strategy and the timeline event of its start read apart.
    assert found["Strategy 2016–2020"] == "Strategy · 2016–2020"
    assert found["The 2016–2020 strategy"] == "Timeline event · 2016"
    office = dict(results(Client().get("/en/search/", {"q": "Sihanoukville"})))
    assert office["Sihanoukville"] == "Office"
    khmer = dict(results(Client().get("/km/search/", {"q": "សីហនុ"})))
    assert khmer["ក្រុងព្រះសីហនុ"] == "ការិយាល័យ"  # Office
    assert khmer["ការិយាល័យមួយបើកនៅក្រុងព្រះសីហនុ"] == "ព្រឹត្តិការណ៍ក្នុងប្រវត្តិ · ២០០៥"  # Timeline event · 2005


def test_a_search_that_finds_nothing_gives_the_hotline_the_report_form_and_the_sections(client):
    html = client.get("/en/search/", {"q": "zyxwvut"}).content.decode()
    assert "No results for “zyxwvut”" in html
    assert 'href="tel:+85592311511"' in html  # the 24/7 hotline
    assert 'href="/en/get-help/report-abuse/"' in html
    assert "Or start from a section of the site" in html
    assert 'href="/en/where-we-work/"' in html
    khmer = client.get("/km/search/", {"q": "zyxwvut"}).content.decode()
    assert "ឬចាប់ផ្តើមពីផ្នែកមួយនៃគេហទំព័រ" in khmer and 'href="tel:+85592311511"' in khmer


def test_no_search_query_is_ever_logged(client, caplog, monkeypatch):
    from django.db import DatabaseError

    from aple_site.web import search

    def broken(*args, **kwargs):
        raise DatabaseError("the engine cannot run this")

    monkeypatch.setattr(search, "_result_pages", broken)
    with caplog.at_level("DEBUG"):
        assert client.get("/en/search/", {"q": "Sokha Chan"}).status_code == 200
    assert caplog.records  # the failure is logged...
    assert "Sokha" not in caplog.text  # ...without what was typed
