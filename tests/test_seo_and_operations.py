"""Search engines and operators: robots.txt, sitemap, structured data, unique titles, the health check."""

import json
from unittest import mock

from django.db import DatabaseError

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db


def ld_blocks(html):
    return [json.loads(part.split("</script>")[0]) for part in html.split('<script type="application/ld+json">')[1:]]


def test_robots_txt_never_names_the_admin_path(client, settings):
    # robots.txt is public: naming a secret ADMIN_PATH there would tell everyone where the admin is.
    settings.WAGTAIL_ADMIN_PATH = "cms-7f3a"
    body = client.get("/robots.txt").content.decode()
    assert "cms-7f3a" not in body
    assert "admin" not in body
    assert "Disallow: /cookies/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_every_live_page_and_no_draft(client):
    about = Page.objects.get(slug="about", locale__language_code="en")
    about.unpublish()
    body = client.get("/sitemap.xml").content.decode()
    for page in Page.objects.live().filter(depth__gte=2):
        assert f"<loc>{page.full_url}</loc>" in body
    assert "/en/about/</loc>" not in body


def test_home_page_describes_the_organisation(client):
    organisation = next(b for b in ld_blocks(client.get("/en/").content.decode()) if b["@type"] == "NGO")
    assert organisation["name"] == "Action Pour Les Enfants"
    assert organisation["foundingDate"] == "2003"
    # The contact details come from APLE's public pages (seeded settings, confirmed by staff before launch).
    assert organisation["email"] == "info@aplecambodia.org"
    assert organisation["contactPoint"][0]["telephone"] == "+85592311511"
    assert "sameAs" not in organisation  # no social profile is known: none is invented


def test_breadcrumbs_as_structured_data(client):
    html = client.get("/en/history/founded-in-phnom-penh/").content.decode()
    trail = next(b for b in ld_blocks(html) if b["@type"] == "BreadcrumbList")["itemListElement"]
    assert [item["name"] for item in trail] == ["Home", "Our history", "APLE is founded in Phnom Penh"]
    assert [item["position"] for item in trail] == [1, 2, 3]


def test_titles_and_descriptions_are_unique(client):
    titles, descriptions = {}, {}
    for page in Page.objects.live().filter(depth__gte=2).specific():
        html = client.get(page.url).content.decode()
        title = html.split("<title>")[1].split("</title>")[0]
        assert '<meta name="description"' in html, f"{page.url} has no meta description"
        description = html.split('<meta name="description" content="')[1].split('"')[0]
        assert title not in titles, f"{page.url} repeats the title of {titles.get(title)}"
        assert description not in descriptions, (
            f"{page.url} repeats the description of {descriptions.get(description)}"
        )
        titles[title], descriptions[description] = page.url, page.url
        assert f'<link rel="canonical" href="{page.full_url}">' in html


def test_health_check_reports_the_database(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=DatabaseError("down")):
        response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"
