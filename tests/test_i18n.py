"""Khmer and English as equals: every seeded page in both, the right `lang`, a language switcher that leads
to the same page, symmetric hreflang pairs, relations in the visitor's language, Khmer search, Khmer
digits, and a complete Khmer catalogue of the interface's strings."""

import re
import shutil
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import TestCase, override_settings

from wagtail.models import Locale, Page

import polib
import pytest

from aple_site.models import StandardPage
from history.models import PartnerPage, TimelineEventPage

pytestmark = pytest.mark.django_db
LOCALE_DIR = Path(settings.BASE_DIR) / "locale"


def html_of(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.content.decode()


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


def live_pages(language):
    return Page.objects.live().filter(depth__gte=2, locale__language_code=language).specific()


class SeededSiteTests(TestCase):
    """The seed content in both languages (each test runs in a transaction)."""

    def test_every_seeded_page_exists_in_khmer_with_khmer_text(self):
        english, khmer = live_pages("en"), live_pages("km")
        assert english.count() == khmer.count() > 30
        for page in khmer:
            assert re.search(r"[\u1780-\u17ff]", page.title), page.url_path  # written in Khmer, not copied

    def test_both_languages_render_with_the_right_lang(self):
        for language in ("en", "km"):
            for page in live_pages(language):
                assert f'<html lang="{language}"' in html_of(self.client, page.url), page.url

    def test_hreflang_pairs_are_symmetric_and_default_to_english(self):
        for page in live_pages("en"):
            english = alternates(html_of(self.client, page.url))
            assert set(english) == {"en", "km", "x-default"}, page.url
            khmer = alternates(html_of(self.client, english["km"]))
            assert khmer == english, page.url  # each version names the same pair
            assert english["x-default"] == english["en"] == page.full_url

    def test_switcher_leads_to_the_same_page_in_the_other_language(self):
        partner = PartnerPage.objects.get(slug="mlop-tapang", locale__language_code="en")
        html = html_of(self.client, partner.url)
        switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
        assert 'href="/km/partners/mlop-tapang/" hreflang="km" lang="km">ខ្មែរ</a>' in switcher
        back = (
            html_of(self.client, "/km/partners/mlop-tapang/").split('class="language-switcher"')[1].split("</nav>")[0]
        )
        assert 'href="/en/partners/mlop-tapang/" hreflang="en" lang="en">English</a>' in back

    def test_switcher_says_so_when_a_page_is_not_translated(self):
        home = Page.objects.get(depth=2, locale__language_code="en")
        news = home.add_child(instance=StandardPage(title="Annual report 2026", slug="annual-report"))
        news.save_revision().publish()
        html = html_of(self.client, news.url)
        switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
        assert 'href="/km/" hreflang="km"' in switcher
        assert "ទំព័រនេះមិនទាន់បានបកប្រែ" in switcher  # said in Khmer, to the reader who wants Khmer
        assert "hreflang" not in html.split("</head>")[0].split("<title>")[1]  # no alternates for one language

    def test_relations_resolve_to_the_page_in_the_visitors_language(self):
        html = html_of(self.client, "/km/partners/mlop-tapang/")
        assert 'href="/km/history/social-support-begins/"' in html
        assert "ការគាំទ្រផ្នែកសង្គមកិច្ចសម្រាប់អ្នករស់រានមានជីវិតចាប់ផ្ដើម" in html  # the Khmer event title
        assert 'href="/en/history/' not in html
        event = html_of(self.client, "/km/history/social-support-begins/")
        assert 'href="/km/partners/mlop-tapang/"' in event and 'href="/km/where-we-work/sihanoukville/"' in event
        home = html_of(self.client, "/km/")
        assert 'href="/km/history/"' in home and 'href="/en/history/"' not in home

    def test_khmer_words_inside_khmer_text_are_found(self):
        # "តុលាការ" (court) sits inside longer Khmer phrases with no spaces around it.
        html = html_of(self.client, "/km/search/", data={"q": "តុលាការ"})
        assert "ការគាំទ្រនៅ<mark>តុលាការ</mark>" in html  # the Court support program's Khmer title
        assert "/en/" not in html.split('class="search-results"')[1].split("</ol>")[0]  # Khmer pages only
        assert "គ្មានលទ្ធផល" in html_of(self.client, "/km/search/", data={"q": "កាហ្វេ"})  # "coffee": not on the site

    def test_khmer_pages_use_khmer_digits_and_month_names(self):
        # Dates are entered on the English page and shared with its translation (aple_site/i18n/shared.py).
        event = TimelineEventPage.objects.get(slug="founded-in-phnom-penh", locale__language_code="en")
        event.month, event.date_precision = 3, "month"
        event.save_revision().publish()
        timeline = html_of(self.client, "/km/history/")
        assert ">២០០៣</a>" in timeline
        assert re.search(
            r'<time datetime="2003-03">ខែ[\u1780-\u17ff]+ ឆ្នាំ២០០៣</time>', timeline
        )  # month name: Django's
        assert ">2003</a>" in html_of(self.client, "/en/history/")

    def test_cookie_banner_preferences_and_policy_in_khmer(self):
        home = html_of(self.client, "/km/")
        assert "ជម្រើសឯកជនភាពរបស់អ្នក" in home and "យល់ព្រមទាំងអស់" in home  # banner title and button
        preferences = html_of(self.client, "/km/cookies/preferences/")
        assert "ការកំណត់ខូគី" in preferences and "មេឌៀខាងក្រៅ" in preferences
        policy = html_of(self.client, "/km/cookie-policy/")
        assert "ចាំបាច់បំផុត" in policy and "១ ឆ្នាំ" in policy

    def test_sitemap_lists_both_languages_with_alternates(self):
        body = self.client.get("/sitemap.xml").content.decode()
        assert "<loc>http://localhost/km/history/</loc>" in body
        for entry in ("en", "km"):
            links = body.split(f"<loc>http://localhost/{entry}/history/</loc>")[1].split("</url>")[0]
            # The same three alternates as the pages' <head>: each language, and English as x-default.
            assert '<xhtml:link rel="alternate" hreflang="km" href="http://localhost/km/history/"/>' in links
            assert '<xhtml:link rel="alternate" hreflang="en" href="http://localhost/en/history/"/>' in links
            assert '<xhtml:link rel="alternate" hreflang="x-default" href="http://localhost/en/history/"/>' in links

    def test_each_language_is_cached_separately(self):
        with override_settings(PAGE_CACHE=True):
            assert '<html lang="en"' in html_of(self.client, "/en/about/")
            assert '<html lang="km"' in html_of(self.client, "/km/about/")
            assert self.client.get("/km/about/")["X-Page-Cache"] == "hit"
            assert '<html lang="en"' in html_of(self.client, "/en/about/")

    def test_map_coordinates_are_not_localised(self):
        """Khmer writes decimals with a comma; SVG needs dots, or the offices vanish from the Khmer map."""
        html = html_of(self.client, "/km/where-we-work/")
        markers = re.findall(r'<circle cx="([^"]+)" cy="([^"]+)" r="7"', html)
        assert len(markers) == 3
        assert all(re.fullmatch(r"\d+(\.\d+)?", value) for marker in markers for value in marker), markers

    def test_an_editor_translates_a_page_in_the_admin(self):
        from django.contrib.auth.models import Group, User
        from django.urls import reverse

        editor = User.objects.create_user("editor", password="a-long-test-password")
        editor.groups.add(Group.objects.get(name="Editors"))
        self.client.force_login(editor)
        home = Page.objects.get(depth=2, locale__language_code="en")
        report = home.add_child(instance=StandardPage(title="Annual report 2026", slug="annual-report"))
        report.save_revision().publish()
        url = reverse("simple_translation:submit_page_translation", args=[report.pk])
        assert self.client.get(url).status_code == 200
        khmer = Locale.objects.get(language_code="km")
        self.client.post(url, {"locales": [khmer.pk]})
        translation = report.get_translation(khmer)
        assert translation.get_parent().locale == khmer  # placed in the Khmer tree, under the Khmer home page
        assert not translation.live  # a draft, to be written in Khmer and submitted for moderation


def test_the_bare_root_follows_the_browser_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="km-KH,km;q=0.9,en;q=0.5")["Location"] == "/km/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR")["Location"] == "/en/"  # default: English


def test_catalogue_is_complete():
    catalogue = polib.pofile(str(LOCALE_DIR / "km" / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in catalogue if not entry.translated()]
    assert untranslated == []
    assert catalogue.fuzzy_entries() == []


def test_every_template_and_code_string_is_in_the_catalogue(tmp_path, monkeypatch):
    """makemessages run now finds no string that the committed catalogue lacks.

    It runs in a scratch folder (the code linked in, a copy of the catalogue), because makemessages also
    writes into any `locale/` folder under the working directory: the committed catalogue stays untouched."""
    root = Path(settings.BASE_DIR)
    shutil.copytree(LOCALE_DIR, tmp_path / "locale")
    for source in ("aple_site", "history", "offices", "programs", "templates"):
        (tmp_path / source).symlink_to(root / source)
    committed_bytes = (LOCALE_DIR / "km" / "LC_MESSAGES" / "django.po").read_bytes()
    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
        call_command("makemessages", locale=["km"], symlinks=True, verbosity=0)
    fresh = {entry.msgid for entry in polib.pofile(str(tmp_path / "locale" / "km" / "LC_MESSAGES" / "django.po"))}
    committed = {entry.msgid for entry in polib.pofile(str(LOCALE_DIR / "km" / "LC_MESSAGES" / "django.po"))}
    assert fresh - committed == set(), "run `make messages` and translate the new strings"
    assert (LOCALE_DIR / "km" / "LC_MESSAGES" / "django.po").read_bytes() == committed_bytes
