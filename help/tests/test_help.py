"""The 'Get help' section: its page types and tree, and what makes its pages safe pages (no-store, no referrer,
no analytics, a quick exit that is a plain link without JavaScript)."""

from django.test import override_settings

from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from aple_site.models import HomePage, SiteSettings
from help.factories import ContactPageFactory, HelpIndexPageFactory, HelpPageFactory, ReportAbusePageFactory
from help.models import ContactPage, HelpIndexPage, HelpPage, ReportAbusePage
from tests.base import SiteTestCase


class HelpTreeTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = HelpIndexPageFactory(parent=cls.home)
        cls.report = ReportAbusePageFactory(parent=cls.index)
        cls.seek = HelpPageFactory(parent=cls.index, title="Seek help", slug="seek-help")
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.hotline_phone, settings.emergency_phone = "092 311 511", "1288"
        settings.save()

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(HelpIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(HelpIndexPage, {ReportAbusePage, HelpPage, ContactPage})
        self.assertAllowedParentPageTypes(ReportAbusePage, {HelpIndexPage})
        self.assertAllowedParentPageTypes(HelpPage, {HelpIndexPage})
        self.assertAllowedSubpageTypes(ReportAbusePage, set())
        self.assertAllowedSubpageTypes(HelpPage, set())
        self.assertFalse(HelpIndexPage.can_create_at(self.home))  # one per site
        self.assertFalse(ReportAbusePage.can_create_at(self.index))  # one per section
        self.assertAllowedParentPageTypes(ContactPage, {HelpIndexPage})
        self.assertAllowedSubpageTypes(ContactPage, set())

    def test_pages_render_edit_and_preview(self):
        for page, fields in (
            (self.index, {"intro": "Worried?"}),
            (self.report, {"intro": "Report.", "body": streamfield([]), "reply_time": ""}),
            (self.seek, {"intro": "Help.", "body": streamfield([])}),
        ):
            with self.subTest(type(page).__name__):
                data = nested_form_data({"title": page.title, "slug": page.slug, **fields})
                self.assertPageIsRenderable(page)
                self.assertPageIsEditable(page, data)
                self.assertPageIsPreviewable(page, post_data=data)

    def test_an_editor_can_add_a_help_page(self):
        self.login_as_superuser()
        data = nested_form_data(
            {"title": "Help for parents", "slug": "parents", "intro": "For parents.", "body": streamfield([])}
        )
        self.assertCanCreate(self.index, HelpPage, data)

    def test_help_pages_are_safe_pages(self):
        for page in (self.index, self.report, self.seek):
            with self.subTest(page.title):
                response = self.client.get(page.url)
                self.assertEqual(response["Cache-Control"], "no-store")
                # Nothing sent to other sites (same-origin on the page with the form: see ReportAbusePage).
                expected = "same-origin" if page.pk == self.report.pk else "no-referrer"
                self.assertEqual(response["Referrer-Policy"], expected)
                html = response.content.decode()
                exit_link = html.split("data-quick-exit")[0].rsplit("<a", 1)[1]
                self.assertIn('href="https://www.google.com/search?q=weather+phnom+penh"', exit_link)
                self.assertIn('rel="noreferrer"', exit_link)
                self.assertIn("Call now", html)
                self.assertIn('href="tel:1288"', html)
        self.assertNotIn("data-quick-exit", self.client.get("/en/").content.decode())  # only on help pages

    @override_settings(
        PAGE_CACHE=True, ANALYTICS_SCRIPT_URL="https://stats.example.org/matomo.js", ANALYTICS_SITE_ID="1"
    )
    def test_help_pages_load_no_analytics_and_are_never_cached(self):
        consented = {"cookie_consent": "analytics=2024-01-01|external-media=-1"}
        for cookie, value in consented.items():
            self.client.cookies[cookie] = value
        html = self.client.get(self.report.url)
        self.assertNotIn("stats.example.org", html.content.decode())
        self.assertNotIn("stats.example.org", html["Content-Security-Policy"])
        self.assertIn("stats.example.org", self.client.get("/en/").content.decode())  # elsewhere it would load
        self.assertNotEqual(self.client.get(self.report.url).get("X-Page-Cache"), "hit")

    def test_report_page_promises_a_reply_time_only_when_staff_set_one(self):
        self.assertNotContains(self.client.get(self.report.url), "reads every report")
        self.report.reply_time = "within one working day"
        self.report.save_revision().publish()
        self.assertContains(self.client.get(self.report.url), "APLE's team reads every report within one working day.")

    def test_every_page_links_to_the_report_page_beside_the_hotline(self):
        bar = self.client.get("/en/").content.decode().split('class="help-bar"')[1].split("</div>")[0]
        self.assertIn(f'href="{self.report.url}"', bar)
        self.assertIn(">Report abuse</a>", bar)


class FindingHelpTests(SiteTestCase):
    """Someone who types what they are looking for into the search box finds the way to help."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = HelpIndexPageFactory(parent=cls.home)
        ReportAbusePageFactory(parent=cls.index, intro="Call APLE's 24/7 hotline, day and night.")
        ContactPageFactory(parent=cls.index)

    def test_search_finds_the_report_and_contact_pages(self):
        for query, title in (("hotline", "Report abuse"), ("report abuse", "Report abuse"), ("contact", "Contact")):
            with self.subTest(query):
                html = self.client.get("/en/search/", {"q": query}).content.decode()
                self.assertIn(f">{title}</a>", html.replace("<mark>", "").replace("</mark>", ""))
