"""Absolute URLs come from the site's configured address (Settings → Sites), never from the Host a client sent;
and a client that varies the port adds nothing to the caches."""

import re

from django.core.cache import cache
from django.test import Client, override_settings

from wagtail.models import Site

import pytest

from aple_site.factories import ImageFactory
from news.factories import NewsPageFactory
from news.models import NewsIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_item():
    photo = ImageFactory(shows_identifiable_child="no", file__width=1300, file__height=700)
    news = NewsIndexPage.objects.get(locale__language_code="en")
    return NewsPageFactory(parent=news, title="Police training", listing_image=photo, image=photo)


def absolute_urls(html):
    return re.findall(r'(?:content|href)="(https?://[^"]+)"', html)


def test_share_image_hreflang_and_canonical_use_the_configured_address(news_item):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "aple.example.org", 443
    site.save()
    html = Client().get(news_item.url, HTTP_HOST="aple.example.org:1337").content.decode()
    urls = absolute_urls(html)
    assert any("og:image" in line for line in html.splitlines())
    assert urls and all(url.startswith("https://aple.example.org/") for url in urls), urls
    robots = Client().get("/robots.txt", HTTP_HOST="aple.example.org:1337").content.decode()
    assert "Sitemap: https://aple.example.org/sitemap.xml" in robots


@override_settings(PAGE_CACHE=True)
def test_a_new_port_is_neither_a_new_render_nor_new_cache_keys(news_item):
    cache.clear()
    pages = [news_item.url, "/en/", "/km/", "/en/search/?q=police", "/sitemap.xml"]
    for path in pages:
        Client().get(path, HTTP_HOST="localhost")
        Client().get(path, HTTP_HOST="localhost")
    keys = len(cache._cache)  # the local-memory cache of the tests
    for port in range(1330, 1350):
        for path in pages:
            response = Client().get(path, HTTP_HOST=f"localhost:{port}")
            assert f":{port}" not in response.content.decode(), (path, port)
            if "X-Page-Cache" in response:
                assert response["X-Page-Cache"] == "hit", (path, port)
    assert len(cache._cache) == keys
