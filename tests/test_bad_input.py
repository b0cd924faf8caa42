"""Bad input never gives a 500: malformed paths, hostile query strings, bad pagination and filter values,
and bad form posts, thrown at every public URL."""

from django.test import Client

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db

QUERY_STRINGS = [
    "page=abc",
    "page=-1",
    "page=0",
    "page=99999999999999999999999",
    "page=1e309",
    "category=%00",
    "office=%ff%fe%fd",
    "q=" + "x" * 10_000,
    "category=' OR '1'='1' --",
    "office=1;DROP TABLE wagtailcore_page",
    "category=<script>alert(1)</script>",
    "office[]=a&office[]=b",
    "category=ខ្មែរ&office=😀",
    "%%%=%%%&&&==",
    "a" * 3000,
]
BAD_PATHS = [
    "/%00/",
    "/en/history/%ff%fe/",
    "/en/" + "a/" * 300,
    "/../../etc/passwd",
    "/en/history/<script>/",
    "/en/where-we-work/😀/",
    "/en/our-work/strategy-2016-2020/%E0%A4%A/",
    "/static/../settings.py",
    "/cookies/status/extra/",
]
BAD_POSTS = [
    {},
    {"action": "x" * 5000},
    {"action": "save", "group-analytics": "\x00"},
    {"cookie_groups": ["analytics", "analytics", "nope"]},
    {"next": "javascript:alert(1)", "action": "accept_all"},
]


@pytest.fixture
def public_urls():
    pages = [page.url for page in Page.objects.live().filter(depth__gte=2)]
    return pages + [
        "/en/search/",
        "/en/cookies/preferences/",
        "/cookies/status/",
        "/robots.txt",
        "/sitemap.xml",
        "/healthz/",
    ]


def test_hostile_query_strings_on_every_public_url(public_urls):
    client = Client()
    for url in public_urls:
        for query in QUERY_STRINGS:
            response = client.get(f"{url}?{query}")
            assert response.status_code < 500, (url, query[:40], response.status_code)
            if url.endswith("/") and response.status_code == 200 and "text/html" in response["Content-Type"]:
                assert b"<script>alert(1)</script>" not in response.content


def test_malformed_paths_give_a_styled_404(public_urls):
    client = Client()
    for path in BAD_PATHS:
        # An address without a language prefix is first redirected to the English one.
        response = client.get(path, follow=True)
        assert response.status_code in (400, 404), (path, response.status_code)
        assert b"Traceback" not in response.content


@pytest.mark.parametrize("endpoint", ["/en/cookies/preferences/", "/cookies/accept/", "/cookies/decline/"])
def test_bad_form_posts_get_a_4xx(public_urls, endpoint):
    client = Client()
    for data in BAD_POSTS:
        response = client.post(endpoint, data)
        # 400 for an invalid form; 302 when the only bad part (an unsafe "next") is ignored.
        assert response.status_code in (302, 400), (endpoint, data, response.status_code)


def test_posts_to_pages_and_odd_methods_are_refused_cleanly(public_urls):
    client = Client()
    for url in public_urls[:10]:
        for method in ("post", "put", "delete", "patch"):
            response = getattr(client, method)(url, {"a": "b"})
            assert response.status_code < 500, (url, method, response.status_code)


def test_bad_host_header_is_a_400(public_urls, settings):
    settings.ALLOWED_HOSTS = ["aple.example.org"]
    response = Client(HTTP_HOST="evil.example").get("/en/")
    assert response.status_code == 400
    assert b"could not understand" in response.content
