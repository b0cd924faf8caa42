"""Facts that are the same in every language are entered once, on the English page; pickers of other pages list the
page's own language; translating a page points its relations at the translations (aple_site/i18n/)."""

import re

from django.contrib.auth.models import Group, User
from django.test import TestCase
from django.urls import reverse

from wagtail.models import Locale, Page

from aple_site.i18n.forms import SharedFieldPanel
from aple_site.i18n.shared import shared_page_relations
from history.models import PartnerPage, TimelineEventPage
from offices.models import OfficePage


def in_language(page, language):
    return page.get_translation(Locale.objects.get(language_code=language)).specific


def english(model, slug):
    return model.objects.get(slug=slug, locale__language_code="en")


def edit_form_html(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def checkbox_labels(html, name):
    """The labels of the tick boxes of field `name` in an admin form."""
    block = html.split(f'id="id_{name}"', 1)[1].split("</div>\n", 1)[0] if f'id="id_{name}"' in html else ""
    return re.findall(rf'<input type="checkbox" name="{name}"[^>]*>\s*([^<]+?)\s*</label>', block)


class SharedFactsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.superuser = User.objects.create_superuser("admin", "a@example.org", "a-long-test-password")

    def setUp(self):
        self.client.force_login(self.superuser)

    def test_an_office_phone_changed_in_english_shows_on_the_khmer_page_after_publishing(self):
        office = english(OfficePage, "siem-reap")
        khmer = in_language(office, "km")
        office.phone, office.email = "+855 63 000 000", "siemreap@example.org"
        office.save_revision()  # a draft changes nothing yet
        self.assertNotIn("63 000 000", self.client.get(khmer.url).content.decode())
        office.get_latest_revision().publish()
        khmer_html = self.client.get(khmer.url).content.decode()
        self.assertIn("+855 63 000 000", khmer_html)
        self.assertIn("siemreap@example.org", khmer_html)

    def test_a_translator_sees_the_shared_facts_read_only_and_cannot_change_them(self):
        office = english(OfficePage, "siem-reap")
        office.phone = "+855 63 000 000"
        office.save_revision().publish()
        khmer = in_language(office, "km")
        html = edit_form_html(self.client, khmer)
        self.assertNotIn('name="phone"', html)  # not a field of the Khmer form
        self.assertIn("+855 63 000 000", html)  # but shown, with where to change it
        self.assertIn("change it on the English page", html)
        self.assertIn('name="reason_opened"', html)  # the Khmer text stays the translator's

        # Even a crafted post (or an old draft) cannot change the fact on the Khmer page.
        khmer.phone = "+855 11 111 111"
        khmer.save_revision().publish()
        khmer.refresh_from_db()
        self.assertEqual(khmer.phone, "+855 63 000 000")

    def test_the_english_page_edits_the_shared_facts(self):
        html = edit_form_html(self.client, english(OfficePage, "siem-reap"))
        self.assertIn('name="phone"', html)
        self.assertNotIn("change it on the English page", html)

    def test_dates_categories_images_and_relations_follow_the_english_event(self):
        event = english(TimelineEventPage, "founded-in-phnom-penh")
        office = english(OfficePage, "siem-reap")
        event.month, event.date_precision, event.category = 5, "month", "governance"
        event.offices.set([office])
        event.save_revision().publish()
        khmer = in_language(event, "km")
        self.assertEqual((khmer.month, khmer.date_precision, khmer.category), (5, "month", "governance"))
        # The relation points at the Khmer office, not the English one.
        self.assertEqual(list(khmer.offices.all()), [in_language(office, "km")])

    def test_office_cards_give_the_same_facts_in_both_languages(self):
        html = {lang: self.client.get(f"/{lang}/where-we-work/").content.decode() for lang in ("en", "km")}
        self.assertEqual(html["en"].count("Preah Sihanouk ·"), 1)  # Sihanoukville's province: its name differs
        self.assertIn("ខេត្តព្រះសីហនុ ·", html["km"])
        self.assertNotIn("ខេត្តសៀមរាប ·", html["km"])  # "Siem Reap, Siem Reap" is not shown in English either
        self.assertNotIn("រាជធានីភ្នំពេញ ·", html["km"])

    def test_every_shared_field_is_shown_with_a_shared_field_panel(self):
        """Otherwise a translator would see the field vanish from the form, with no word on where it went."""

        from wagtail.models import get_page_models

        def shared_panels(panel):
            found = {panel.field_name} if isinstance(panel, SharedFieldPanel) else set()
            for child in getattr(panel, "children", ()):
                found |= shared_panels(child)
            return found

        page_fields = {field.name for field in Page._meta.get_fields()}  # e.g. expire_at, in Wagtail's dialog
        for model in get_page_models():
            if not hasattr(model, "shared_fields"):
                continue
            names = shared_panels(model.get_edit_handler())
            own_fields = {name for name in model.shared_fields if name not in page_fields}  # not Wagtail's
            editable = {name for name in own_fields if model._meta.get_field(name).editable}
            self.assertEqual(editable - names, set(), model)
            self.assertEqual(names - set(model.shared_fields), set(), model)


class PickerTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.superuser = User.objects.create_superuser("admin", "a@example.org", "a-long-test-password")

    def setUp(self):
        self.client.force_login(self.superuser)

    def test_pickers_list_the_pages_of_the_pages_language_with_programs_named_by_strategy(self):
        history = Page.objects.get(slug="history", locale__language_code="en")
        html = self.client.get(reverse("wagtailadmin_pages:add", args=["history", "timelineeventpage", history.pk]))
        html = html.content.decode()
        offices = checkbox_labels(html, "offices")
        self.assertIn("Siem Reap", " ".join(offices))
        self.assertFalse([label for label in offices if re.search("[\u1780-\u17ff]", label)], offices)
        programs = checkbox_labels(html, "programs")
        self.assertTrue(programs and all(re.search(r"\(Strategy \d{4}", label) for label in programs), programs)

    def test_a_news_item_picks_events_named_with_their_year(self):
        news = Page.objects.get(slug="news", locale__language_code="en")
        html = self.client.get(reverse("wagtailadmin_pages:add", args=["news", "newspage", news.pk])).content.decode()
        events = checkbox_labels(html, "events")
        self.assertIn("APLE is founded in Phnom Penh (2003)", events)

    def test_a_page_written_in_khmer_first_picks_khmer_pages(self):
        history = Page.objects.get(slug="history", locale__language_code="km")
        html = self.client.get(reverse("wagtailadmin_pages:add", args=["history", "timelineeventpage", history.pk]))
        offices = checkbox_labels(html.content.decode(), "offices")
        self.assertTrue(offices and all(re.search("[\u1780-\u17ff]", label) for label in offices), offices)


class TranslatingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        translator = User.objects.create_user("translator", password="a-long-test-password")
        translator.groups.add(Group.objects.get(name="Editors"))
        cls.translator = translator

    def test_translating_an_event_points_its_relations_at_the_khmer_pages(self):
        history = Page.objects.get(slug="history", locale__language_code="en")
        office, partner = english(OfficePage, "siem-reap"), PartnerPage.objects.filter(locale__language_code="en")[0]
        event = TimelineEventPage(
            title="A new agreement", slug="a-new-agreement", year=2012, category="partnership", summary="Signed."
        )
        history.add_child(instance=event)
        event.offices.set([office])
        event.partners.set([partner])
        event.save_revision().publish()

        self.client.force_login(self.translator)
        khmer = Locale.objects.get(language_code="km")
        url = reverse("simple_translation:submit_page_translation", args=[event.pk])
        self.client.post(url, {"locales": [khmer.pk]})
        translation = event.get_translation(khmer).specific
        self.assertEqual(list(translation.offices.all()), [in_language(office, "km")])
        self.assertEqual(list(translation.partners.all()), [in_language(partner, "km")])
        # The translator's editor shows them, read-only.
        html = edit_form_html(self.client, translation)
        self.assertIn(in_language(office, "km").title, html)
        self.assertNotIn('name="offices"', html)

    def test_a_new_translation_takes_over_the_links_to_its_english_page(self):
        """A Khmer event linked to the English office (it had no Khmer version yet) links to the new Khmer one."""
        office = english(OfficePage, "siem-reap")
        khmer_office = in_language(office, "km")
        events = TimelineEventPage.objects.filter(locale__language_code="km", offices=khmer_office)
        self.assertTrue(events.exists())
        khmer_event = events.first()
        khmer_office.delete()
        khmer_event.refresh_from_db()
        self.assertFalse(khmer_event.offices.exists())
        TimelineEventPage.offices.through.objects.create(timelineeventpage=khmer_event, officepage=office)

        self.client.force_login(User.objects.create_superuser("admin", "a@example.org", "a-long-test-password"))
        url = reverse("simple_translation:submit_page_translation", args=[office.pk])
        self.client.post(url, {"locales": [Locale.objects.get(language_code="km").pk]})
        new_khmer_office = office.get_translation(Locale.objects.get(language_code="km"))
        self.assertEqual([page.pk for page in khmer_event.offices.all()], [new_khmer_office.pk])


def test_shared_relations_are_found():
    found = {(model.__name__, field.name) for model, field in shared_page_relations()}
    assert ("TimelineEventPage", "offices") in found and ("MoUPage", "counterpart") in found


class EditorTrapsTests(TestCase):
    """Names, labels and options an editor could trip over (issue: 'no traps')."""

    @classmethod
    def setUpTestData(cls):
        cls.superuser = User.objects.create_superuser("admin", "a@example.org", "a-long-test-password")

    def setUp(self):
        self.client.force_login(self.superuser)

    def test_an_automatic_slug_keeps_the_dash_of_the_title(self):
        from wagtail.test.utils.form_data import nested_form_data, rich_text

        our_work = Page.objects.get(slug="our-work", locale__language_code="en")
        data = nested_form_data(
            {
                "title": "Strategy 2031–2035",
                "slug": "strategy-20312035",  # what Wagtail's editor proposes from the title
                "start_year": 2031,
                "end_year": 2035,
                "status": "archived",
                "intro": "",
                "overview": rich_text("<p>What it sets out to do.</p>"),
            }
        )
        url = reverse("wagtailadmin_pages:add", args=("programs", "strategypage", our_work.pk))
        self.assertEqual(self.client.post(url, data).status_code, 302)
        self.assertTrue(Page.objects.filter(slug="strategy-2031-2035").exists())

        data["slug"] = "plan-b"  # a slug the editor chose is kept
        data["title"] = "Strategy 2036–2040"
        data["start_year"], data["end_year"] = 2036, 2040
        self.client.post(url, data)
        self.assertTrue(Page.objects.filter(slug="plan-b").exists())

    def test_show_in_menus_is_offered_only_where_the_main_menu_shows_pages(self):
        event = english(TimelineEventPage, "founded-in-phnom-penh")
        self.assertNotIn('name="show_in_menus"', edit_form_html(self.client, event))
        self.assertNotIn('name="show_in_menus"', edit_form_html(self.client, english(OfficePage, "siem-reap")))
        history = Page.objects.get(slug="history", locale__language_code="en")
        html = edit_form_html(self.client, history)
        self.assertIn('name="show_in_menus"', html)
        self.assertIn("main menu at the top of every page", html)

    def test_page_types_have_plain_names(self):
        home = Page.objects.get(depth=2, locale__language_code="en")
        # The page tree lists the home page's sections with their types' names.
        html = self.client.get(reverse("wagtailadmin_explore", args=[home.pk])).content.decode()
        for developer_term in ("index page", "Index page", "Mou", "Standard page"):
            self.assertNotIn(developer_term, html)
        self.assertIn("Where we work (the list of offices)", html)

    def test_a_seeded_cookie_groups_variable_name_cannot_be_changed(self):
        from cookie_consent.models import CookieGroup

        group = CookieGroup.objects.get(varname="external-media")
        url = reverse("wagtailsnippets_cookie_consent_cookiegroup:edit", args=[group.pk])
        html = self.client.get(url).content.decode()
        self.assertIn("would stop visitors", html)
        data = {"varname": "maps", "name": "External media", "description": group.description, "ordering": 3}
        data["is_deletable"] = "on"
        self.assertEqual(self.client.post(url, data).status_code, 302)
        group.refresh_from_db()
        self.assertEqual(group.varname, "external-media")

    def test_the_top_of_the_page_tree_explains_the_two_home_pages(self):
        html = self.client.get(reverse("wagtailadmin_explore_root")).content.decode()
        self.assertIn("one home page per language", html)
        self.assertNotIn("add new sites", html)

    def test_settings_labels_are_plain(self):
        url = reverse("wagtailsettings:edit", args=["aple_site", "sitesettings"])
        html = self.client.get(url, follow=True).content.decode()
        self.assertNotIn("Donate url", html)
        self.assertIn("Donate page address", html)


class TextsPerLanguageTests(TestCase):
    """Texts outside pages (site settings, cookie groups) are written per language."""

    def test_the_footer_text_is_written_per_language(self):
        from tests.base import set_site_settings

        set_site_settings(footer_text="APLE protects children.", footer_text_km="អាភ្លេការពារកុមារ។")
        self.assertIn("APLE protects children.", self.client.get("/en/").content.decode())
        khmer = self.client.get("/km/").content.decode()
        self.assertIn("អាភ្លេការពារកុមារ។", khmer)
        self.assertNotIn("APLE protects children.", khmer)

    def test_the_seeded_khmer_footer_is_editable_text(self):
        from wagtail.models import Site

        from aple_site.models import SiteSettings

        footer_km = SiteSettings.for_site(Site.objects.get(is_default_site=True)).footer_text_km
        self.assertTrue(re.search("[\u1780-\u17ff]", footer_km))
        self.assertIn(footer_km, self.client.get("/km/").content.decode())

    def test_a_cookie_groups_khmer_description_is_written_by_editors(self):
        from aple_site.consent.models import CookieGroupText

        text = CookieGroupText.objects.get(group__varname="external-media", language="km")
        self.assertIn(text.description, self.client.get("/km/cookies/preferences/").content.decode())
        text.description = "ផែនទី និងវីដេអូពីគេហទំព័រផ្សេង។"
        text.save()
        for url in ("/km/cookies/preferences/", "/km/"):
            self.assertIn("ផែនទី និងវីដេអូពីគេហទំព័រផ្សេង។", self.client.get(url).content.decode(), url)
        self.assertNotIn("ផែនទី និងវីដេអូពីគេហទំព័រផ្សេង។", self.client.get("/en/cookies/preferences/").content.decode())
