"""Bad input never gives a 500, and each gets the answer it should: malformed paths a styled 404, hostile query
strings the page itself (filters and page numbers fall back), bad form posts a 400 or a safe redirect, and
other methods than GET a 405. Thrown at every public URL."""

from django.test import Client
from django.utils.html import escape

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db

QUERY_STRINGS = [
    "page=abc",
    "page=-1",
    "page=0",
    "page=99999999999999999999999",
    "page=1e309",
    "page=%00",
    "page[]=1&&&==",
    "category=%00",
    "office=%ff%fe%fd",
    "q=%ff%fe",
    "q=" + "x" * 10_000,
    "category=' OR '1'='1' --",
    "office=1;DROP TABLE wagtailcore_page",
    "category=<script>alert(1)</script>",
    "office[]=a&office[]=b",
    "category=ខ្មែរ&office=😀",
    "%%%=%%%&&&==",
    "a" * 3000,
]
OTHER_URLS = {
    "/en/search/": "<h1>Search</h1>",
    "/en/cookies/preferences/": "<h1>Cookie settings</h1>",
    "/cookies/status/": '"acceptedCookieGroups"',
    "/robots.txt": "User-agent: *",
    "/sitemap.xml": "<urlset",
    "/healthz/": '"status": "ok"',
}
# path: the redirects followed on the way to the styled 404 (an address without a language prefix is first
# sent to the English one).
BAD_PATHS = {
    "/%00/": [],
    "/en/history/%ff%fe/": [],
    "/en/" + "a/" * 300: [],
    "/../../etc/passwd": [],
    "/en/history/<script>/": [],
    "/en/where-we-work/😀/": [],
    "/en/our-work/strategy-2016-2020/%E0%A4%A/": [],
    "/static/../settings.py": [],
    "/cookies/status/extra/": [("/en/cookies/status/extra/", 302)],
}


def live_pages():
    return list(Page.objects.live().filter(depth__gte=2).specific())


def one_live_page_of_each_type():
    """A query string is read by the page's type (its filters, its paging), the same code for every page of
    that type: one page of each type in each language covers them all at a third of the cost."""
    chosen = {}
    for page in live_pages():
        chosen.setdefault((type(page), page.locale_id), page)
    return list(chosen.values())


@pytest.mark.parametrize("query", QUERY_STRINGS)
def test_hostile_query_strings_get_the_page_itself(query):
    client = Client()
    for page in one_live_page_of_each_type():
        response = client.get(f"{page.url}?{query}")
        assert response.status_code == 200, (page.url, query[:40])
        html = response.content.decode()
        assert f">{escape(page.title)}</h1>" in html, (page.url, query[:40])
        assert "<script>alert(1)</script>" not in html
    for url, expected in OTHER_URLS.items():
        response = client.get(f"{url}?{query}")
        assert response.status_code == 200, (url, query[:40])
        assert expected in response.content.decode(), (url, query[:40])


@pytest.mark.parametrize("path, redirects", BAD_PATHS.items())
def test_malformed_paths_give_the_styled_404(path, redirects):
    response = Client().get(path, follow=True)
    assert response.redirect_chain == redirects
    assert response.status_code == 404
    html = response.content.decode()
    assert "we cannot find that page" in html and "Traceback" not in html


# (endpoint, data, status, redirect): a form that cannot be read is a 400 with the form, a body too large to be a
# consent decision a 413; django-cookie-consent's
# endpoints ignore fields they do not know; an unsafe "next" is never followed.
BAD_POSTS = [
    ("/en/cookies/preferences/", {}, 400, None),
    ("/en/cookies/preferences/", {"action": "x" * 5000}, 413, None),  # no consent decision is that long
    ("/en/cookies/preferences/", {"action": "save", "group-external-media": "\x00"}, 400, None),
    ("/en/cookies/preferences/", {"cookie_groups": ["analytics", "analytics", "nope"]}, 400, None),
    ("/en/cookies/preferences/", {"next": "javascript:alert(1)", "action": "accept_all"}, 302, "?saved=1"),
    ("/cookies/accept/", {}, 302, "/cookies/preferences/"),
    ("/cookies/accept/", {"action": "x" * 5000}, 413, None),
    ("/cookies/accept/", {"cookie_groups": ["analytics", "analytics", "nope"]}, 400, None),
    ("/cookies/accept/", {"cookie_groups": "analytics", "next": "javascript:alert(1)"}, 302, "/cookies/preferences/"),
    ("/cookies/decline/", {"cookie_groups": ["nope"]}, 400, None),
    (
        "/cookies/decline/",
        {"cookie_groups": "analytics", "next": "https://evil.example/"},
        302,
        "/cookies/preferences/",
    ),
]


@pytest.mark.parametrize("endpoint, data, status, redirect", BAD_POSTS)
def test_bad_form_posts_get_a_400_or_a_safe_redirect(endpoint, data, status, redirect):
    response = Client().post(endpoint, data)
    assert response.status_code == status
    assert response.get("Location") == redirect
    if status in (400, 413):
        assert "cookie_consent" not in response.cookies  # nothing was recorded


def test_other_methods_than_get_are_refused_on_every_page():
    client, browser_like = Client(), Client(enforce_csrf_checks=True)
    for page in live_pages():
        # The page with a form (Report abuse) takes posts as well: a bad one is a 400 with the form's errors.
        takes_posts = "POST" in page.specific_class.allowed_http_methods
        allowed = "GET, HEAD, OPTIONS, POST" if takes_posts else "GET, HEAD, OPTIONS"
        for method in ("post", "put", "delete", "patch"):
            response = getattr(client, method)(page.url, {"a": "b"})
            if method == "post" and takes_posts:
                assert response.status_code == 400, page.url
                continue
            assert response.status_code == 405, (page.url, method)
            assert response["Allow"] == allowed
        # A browser's post without the form's CSRF token is refused before that, with the styled 403.
        refused = browser_like.post(page.url, {"a": "b"})
        assert refused.status_code == 403 and "error-page" in refused.content.decode()  # styled, in the page language
        assert client.head(page.url).status_code == 200
        assert client.options(page.url)["Allow"] == allowed


def test_bad_host_header_is_a_400(settings):
    settings.ALLOWED_HOSTS = ["aple.example.org"]
    response = Client(HTTP_HOST="evil.example").get("/en/")
    assert response.status_code == 400
    assert b"could not understand" in response.content
