"""The edge, through the shipped nginx configuration with its shipped lifetimes: a take-down is gone from every
address that showed it within 5 s; nginx's own answers (static files, uploads, its 4xx and 5xx pages) are the
site's pages and carry the security headers; nginx and gunicorn agree on how long a request line may be."""

import time

from django.conf import settings
from django.core.cache import caches

from wagtail.models import Locale

import pytest

from aple_site.factories import ImageFactory
from news.factories import NewsPageFactory
from news.models import NewsIndexPage
from tests import servers

pytestmark = pytest.mark.faults

SECURITY_HEADERS = (
    "strict-transport-security",
    "content-security-policy",
    "x-frame-options",
    "x-content-type-options",
)


@pytest.fixture
def shipped(proxy, committed_db, settings):
    """nginx in front of the app with the page cache on and the shipped page lifetime (PAGE_MAX_AGE's default)."""
    settings.PAGE_CACHE = True
    caches["default"].clear()
    return proxy


def get(port, path, **kwargs):
    return servers.request(port, path, **kwargs)


def seconds_until_gone(port, paths, text, limit=10):
    """For each path, the seconds from now until it answers 404 or no longer holds `text` (polled every 0.2 s)."""
    start, gone = time.monotonic(), {}
    while len(gone) < len(paths) and time.monotonic() - start < limit:
        for path in paths:
            status, _, body = get(port, path)
            if path not in gone and (status == 404 or text not in body):
                gone[path] = round(time.monotonic() - start, 1)
        time.sleep(0.2)
    return {path: gone.get(path) for path in paths}


def test_a_news_item_taken_down_is_gone_everywhere_within_five_seconds(shipped):
    assert settings.PAGE_MAX_AGE <= 3  # the shipped lifetime, not a test's
    english = NewsIndexPage.objects.get(locale__language_code="en")
    item = NewsPageFactory(parent=english, title="A withdrawn news item", slug="withdrawn-item")
    khmer = item.copy_for_translation(Locale.objects.get(language_code="km"))
    khmer.save_revision().publish()
    paths = [item.url, english.url, f"{english.url}feed/", "/sitemap.xml", khmer.url]
    texts = {item.url: b"A withdrawn news item"}
    for path in paths:  # every address nginx keeps a copy of
        for _ in range(2):
            get(shipped, path)
        status, headers, body = get(shipped, path)
        assert headers.get("x-proxy-cache") == "HIT", path
        assert b"withdrawn-item" in body or texts.get(path, b"") in body, path
    item.unpublish()  # and its Khmer copy with it (aple_site/i18n/takedown.py)
    gone = seconds_until_gone(shipped, paths, b"withdrawn-item")
    print("take-down seconds per address through nginx:", gone)
    assert all(seconds is not None and seconds <= 5 for seconds in gone.values()), gone
    assert get(shipped, item.url)[0] == 404 and get(shipped, khmer.url)[0] == 404


def test_pages_and_media_may_be_kept_only_seconds_by_browsers_and_proxies(shipped):
    _, headers, _ = get(shipped, "/en/about/")
    assert sorted(headers["cache-control"].split(", ")) == [f"max-age={settings.PAGE_MAX_AGE}", "public"]
    photo = ImageFactory(shows_identifiable_child="no").get_rendition("width-100")
    status, headers, _ = get(shipped, photo.url)
    assert status == 200 and headers["cache-control"] == "max-age=3"  # a withdrawn image is deleted at once
    _, headers, _ = get(shipped, "/static/css/site.css")
    assert "immutable" in headers["cache-control"]  # named after its content


def test_nginx_s_own_answers_are_the_site_s_pages_with_security_headers(shipped):
    flood = "&".join(["cookie_groups=analytics"] * 1999)
    answers = {
        "static file": get(shipped, "/static/css/site.css"),
        "413": get(shipped, "/cookies/accept/", method="POST", body=flood, source="127.0.0.9"),
        "414": get(shipped, "/en/" + "a" * 9000 + "/"),
        "hidden upload": get(shipped, "/media/original_images/x.jpg"),
    }
    assert answers["413"][0] == 413 and answers["414"][0] == 414
    for name, (status, headers, body) in answers.items():
        assert all(header in headers for header in SECURITY_HEADERS), (name, headers)
        assert headers["x-frame-options"] == "DENY" and "default-src 'none'" in headers["content-security-policy"]
        if status in (413, 414):
            assert b"Request not accepted" in body and b"/static/css/site.css" in body
            assert b"<center>nginx</center>" not in body


def test_the_app_s_pages_carry_one_csp_fresh_or_from_nginx_s_copy(shipped):
    for _ in range(3):
        status, headers, _ = get(shipped, "/en/about/")
        assert status == 200
        assert "default-src 'none'" not in headers["content-security-policy"]  # the app's own policy, alone
        assert ", " not in headers["x-frame-options"]


def test_a_request_line_gunicorn_would_refuse_never_gets_past_nginx(committed_db):
    # 4 to 8 KB: nginx passes it on, and gunicorn (gunicorn.conf.py) takes it too; beyond, nginx answers 414.
    with servers.gunicorn() as app_port, servers.nginx_in_front_of(app_port) as port:
        for length in (4500, 7000, 8100):
            status, _, body = get(port, "/healthz/?padding=" + "a" * length)
            assert status in (200, 503) and b"Request Line is too large" not in body, (length, status)
        assert get(port, "/healthz/?padding=" + "a" * 9000)[0] == 414


def test_when_the_app_is_down_nginx_shows_the_numbers_to_call(tmp_path):
    with servers.nginx_in_front_of(servers.closed_port()) as port:
        status, headers, body = get(port, "/en/")
    assert status == 502
    assert b"briefly unavailable" in body
    hotline = settings.ERROR_PAGE_HOTLINE_PHONE.encode()
    police = settings.ERROR_PAGE_POLICE_PHONE.encode()
    assert hotline in body and police in body  # the same numbers as the app's own 500 page
