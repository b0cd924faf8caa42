"""The home page, standard pages, navigation, footer and error pages."""

import json

from django.test import RequestFactory, override_settings

from wagtail.models import Page, Site
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from aple_site.factories import CookiePolicyPageFactory, PrivacyNoticePageFactory, StandardPageFactory
from aple_site.models import CookiePolicyPage, HomePage, HomePagePathway, PrivacyNoticePage, SiteSettings, StandardPage
from giving.models import WaysToGivePage
from help.models import HelpIndexPage
from history.factories import HistoryIndexPageFactory
from history.models import HistoryIndexPage, MoUIndexPage, PartnerIndexPage
from news.models import NewsIndexPage
from offices.factories import OfficeIndexPageFactory, OfficePageFactory
from offices.models import OfficeIndexPage
from programs.models import ProgramIndexPage
from publications.models import PublicationIndexPage, TransparencyPage
from stories.models import StoryIndexPage
from tests.base import SiteTestCase


class HomePageTreeTests(SiteTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                CookiePolicyPage,
                PrivacyNoticePage,
                HistoryIndexPage,
                PartnerIndexPage,
                MoUIndexPage,
                OfficeIndexPage,
                HelpIndexPage,
                ProgramIndexPage,
                PublicationIndexPage,
                TransparencyPage,
                NewsIndexPage,
                StoryIndexPage,
                WaysToGivePage,
            },
        )

    def test_there_is_only_one_home_page(self):
        self.assertFalse(HomePage.can_create_at(self.root))

    def test_home_page_renders_and_is_editable(self):
        self.assertPageIsRenderable(self.home)
        self.assertPageIsEditable(self.home)

    def test_standard_page_tree(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_editor_can_create_a_standard_page_with_blocks(self):
        self.login_as_superuser()
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Child safeguarding policy",
                    "slug": "safeguarding",
                    "intro": "How we keep children safe.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Our commitments", "level": "h2"}),
                            ("paragraph", rich_text("<p>We never publish a child's name.</p>")),
                        ]
                    ),
                }
            ),
        )

    def test_standard_page_renders_and_is_editable(self):
        page = StandardPageFactory(parent=self.home)
        self.assertPageIsRenderable(page)
        self.assertPageIsEditable(
            page,
            nested_form_data({"title": page.title, "slug": page.slug, "intro": "Changed.", "body": streamfield([])}),
        )


class HomePageContentTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.history = HistoryIndexPageFactory(parent=cls.home, show_in_menus=True)
        cls.home.pathways = [HomePagePathway(page=cls.history, text="How APLE grew.")]
        cls.home.save()

    def test_shows_mission_what_we_do_and_pathways(self):
        response = self.client.get("/en/")
        self.assertContains(response, "<h1", count=1)
        self.assertContains(response, self.home.mission)
        self.assertContains(response, "We help the police")
        self.assertContains(response, 'href="/en/history/"')
        self.assertContains(response, "How APLE grew.")

    def test_donate_call_to_action_follows_the_site_setting(self):
        self.home.donate_heading = "Support our work"
        self.home.save_revision().publish()
        self.assertNotContains(self.client.get("/en/"), "Donate to APLE")
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.donate_url = "https://donate.example.org/aple"
        settings.save()
        response = self.client.get("/en/")
        self.assertContains(response, 'href="https://donate.example.org/aple"')
        self.assertContains(response, "Support our work")

    def test_main_navigation_comes_from_the_page_tree(self):
        hidden = StandardPageFactory(parent=self.home, title="Hidden page", show_in_menus=False)
        response = self.client.get("/en/")
        nav = response.content.decode().split('aria-label="Main"')[1].split("</nav>")[0]
        self.assertIn("Our history", nav)
        self.assertNotIn(hidden.title, nav)
        self.assertNotIn('href="/en/"', nav)  # the logo leads home
        self.assertIn('<a class="brand" href="/en/">', response.content.decode())

    def test_meta_description_and_title_come_from_promote_fields(self):
        self.home.seo_title = "APLE Cambodia"
        self.home.search_description = "A Cambodian child-protection organisation."
        self.home.save_revision().publish()
        html = self.client.get("/en/").content.decode()
        self.assertIn("<title>APLE Cambodia</title>", html)
        self.assertIn('<meta name="description" content="A Cambodian child-protection organisation.">', html)

    def test_every_page_starts_with_the_hotline_when_it_is_set(self):
        self.assertNotContains(self.client.get("/en/"), 'href="tel:')  # no number while none is set
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.hotline_phone = "092 311 511"
        settings.save()
        html = self.client.get("/en/").content.decode()
        bar = html.split('class="help-bar"')[1].split("</div>")[0]
        self.assertIn('href="tel:+85592311511"', bar)
        self.assertIn("092 311 511", bar)
        # Before the header (and so before the cookie banner, which goes in front of the header).
        self.assertLess(html.index('class="help-bar"'), html.index('class="site-header"'))

    def test_footer_lists_the_help_numbers_and_offices_that_can_be_reached(self):
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.hotline_phone = "092 311 511"
        settings.emergency_phone = "1288"
        settings.save()
        offices = OfficeIndexPageFactory(parent=self.home)
        OfficePageFactory(parent=offices, title="Siem Reap", slug="siem-reap", phone="+855 63 000 000", email="")
        OfficePageFactory(parent=offices, title="Kep", slug="kep", phone="", email="")
        footer = self.client.get("/en/").content.decode().split("<footer")[1]
        self.assertIn('href="tel:+85592311511"', footer)
        self.assertIn('href="tel:1288"', footer)
        self.assertIn('href="tel:+85563000000"', footer)
        self.assertIn(">Siem Reap</a>", footer)
        self.assertNotIn(">Kep</a>", footer)  # no contact details: not listed

    def test_organisation_json_ld_has_the_hotline_as_a_contact_point(self):
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.hotline_phone = "092 311 511"
        settings.contact_email = "info@example.org"
        settings.save()
        html = self.client.get("/en/").content.decode()
        data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
        self.assertEqual(data["email"], "info@example.org")
        self.assertEqual(data["telephone"], "+85592311511")
        self.assertEqual(data["contactPoint"][0]["telephone"], "+85592311511")
        self.assertEqual(data["contactPoint"][0]["@type"], "ContactPoint")

    def test_footer_shows_contact_details_from_settings(self):
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.contact_email = "info@example.org"
        settings.footer_text = "APLE protects children."
        settings.social_links = [("link", {"name": "Facebook", "url": "https://facebook.example/aple"})]
        settings.save()
        response = self.client.get("/en/")
        self.assertContains(response, 'href="mailto:info@example.org"')
        self.assertContains(response, "APLE protects children.")
        self.assertContains(response, 'href="https://facebook.example/aple"')
        self.assertContains(response, 'href="#top"')


class StandardPageTests(SiteTestCase):
    def test_breadcrumbs_lead_back_home(self):
        parent = StandardPageFactory(parent=self.home, title="About APLE", slug="about")
        child = StandardPageFactory(parent=parent, title="Our board", slug="board")
        html = self.client.get(child.url).content.decode()
        crumbs = html.split('aria-label="Breadcrumb"')[1].split("</nav>")[0]
        self.assertLess(crumbs.index(">Home<"), crumbs.index(">About APLE<"))
        self.assertIn('aria-current="page">Our board<', crumbs)

    def test_body_blocks_render(self):
        page = StandardPageFactory(
            parent=self.home,
            body=[
                ("heading", {"text": "Our commitments", "level": "h2"}),
                ("quote", {"quote": "Every child deserves safety.", "attribution": "APLE"}),
            ],
        )
        response = self.client.get(page.url)
        self.assertContains(response, "<h2>Our commitments</h2>", html=True)
        self.assertContains(response, "Every child deserves safety.")


class CookiePolicyPageTests(SiteTestCase):
    def test_cookie_policy_page_tree(self):
        self.assertAllowedParentPageTypes(CookiePolicyPage, {HomePage})
        self.assertAllowedSubpageTypes(CookiePolicyPage, set())

    def test_cookie_policy_page_renders_and_is_editable(self):
        page = CookiePolicyPageFactory(parent=self.home)
        self.assertPageIsRenderable(page)
        self.assertPageIsEditable(
            page,
            nested_form_data({"title": page.title, "slug": page.slug, "intro": page.intro, "body": streamfield([])}),
        )

    def test_editor_can_create_the_cookie_policy_once(self):
        self.login_as_superuser()
        data = nested_form_data(
            {"title": "Cookies", "slug": "cookies-policy", "intro": "Plain words.", "body": streamfield([])}
        )
        self.assertCanCreate(self.home, CookiePolicyPage, data)
        self.assertFalse(CookiePolicyPage.can_create_at(self.home))


class PrivacyNoticePageTests(SiteTestCase):
    def test_privacy_notice_tree(self):
        self.assertAllowedParentPageTypes(PrivacyNoticePage, {HomePage})
        self.assertAllowedSubpageTypes(PrivacyNoticePage, set())

    def test_privacy_notice_renders_edits_previews_and_is_made_once(self):
        page = PrivacyNoticePageFactory(parent=self.home)
        data = nested_form_data({"title": page.title, "slug": page.slug, "intro": page.intro, "body": streamfield([])})
        self.assertPageIsRenderable(page)
        self.assertPageIsEditable(page, data)
        self.assertPageIsPreviewable(page, post_data=data)
        self.assertFalse(PrivacyNoticePage.can_create_at(self.home))


class ErrorPageTests(SiteTestCase):
    def test_unknown_url_gives_the_styled_404(self):
        for path in ["/en/no-such-page/", "/en/history/nope/deeper/", "/%E2%80%8B/", "/..%2f..%2fetc/passwd"]:
            response = self.client.get(path)
            self.assertEqual(response.status_code, 404, path)
            self.assertContains(response, "we cannot find that page", status_code=404)
            self.assertNotContains(response, "Traceback", status_code=404)

    def test_404_offers_the_search_and_what_it_says_it_lists(self):
        html = self.client.get("/en/no-such-page/").content.decode()
        self.assertIn('role="search"', html)
        self.assertIn("Or start again from the home page", html)  # no sections in the menu yet: one page
        section = self.home.add_child(instance=StandardPage(title="About APLE", slug="about", show_in_menus=True))
        section.save_revision().publish()
        html = self.client.get("/en/no-such-page/").content.decode()
        self.assertIn("Or start again from one of these pages", html)
        listed = html.split('class="link-list"')[1].split("</ul>")[0]
        self.assertIn(f'href="{section.url}"', listed)
        self.assertIn('href="/en/"', listed)

    @override_settings(DEBUG=False)
    def test_500_page_renders_without_the_database(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from aple_site.web.errors import server_error

        with CaptureQueriesContext(connection) as queries:
            response = server_error(RequestFactory().get("/en/broken/"))
        self.assertEqual(response.status_code, 500)
        self.assertIn(b"something went wrong on our side", response.content)
        self.assertEqual(len(queries), 0)

    @override_settings(DEBUG=False)
    def test_500_page_gives_the_numbers_to_call_in_both_languages(self):
        from django.utils import translation

        from aple_site.web.errors import server_error

        for language, phrase in (("en", "call the police"), ("km", "ប៉ូលិស")):
            with translation.override(language):
                html = server_error(RequestFactory().get(f"/{language}/broken/")).content.decode()
            self.assertIn('href="tel:1288"', html)
            self.assertIn('href="tel:+85592311511"', html)
            self.assertIn(phrase, html, language)
