"""The editors' dashboard and reports: translations to write or update, pages due for review, images without
alt text, pages awaiting the user's moderation, and the site's content checks (aple_site/editing/)."""

import datetime

from django.contrib.auth.models import Group, User
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, Page

from aple_site.factories import ImageFactory
from aple_site.models import StandardPage
from offices.models import OfficePage


class DashboardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = User.objects.create_user("editor", password="a-long-test-password")
        cls.editor.groups.add(Group.objects.get(name="Editors"))

    def setUp(self):
        self.client.force_login(self.editor)
        self.home = Page.objects.get(depth=2, locale__language_code="en")

    def dashboard(self):
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def panel(self, panel_id):
        """The HTML of one dashboard panel ('' when it is not shown)."""
        html = self.dashboard()
        start = html.find(f'id="{panel_id}')
        return html[start : html.find("</section>", start)] if start >= 0 else ""

    def test_english_pages_without_a_translation_and_outdated_translations_are_listed_with_links(self):
        page = self.home.add_child(instance=StandardPage(title="Volunteering with APLE", slug="volunteering"))
        page.save_revision().publish()
        office = OfficePage.objects.get(slug="siem-reap", locale__language_code="en")
        khmer_office = office.get_translation(Locale.objects.get(language_code="km"))
        office.save_revision().publish()  # the English page changes after its translation was published

        for html in (self.panel("translations"), self.client.get(reverse("translation_status")).content.decode()):
            self.assertIn("Volunteering with APLE", html)
            self.assertIn(reverse("simple_translation:submit_page_translation", args=[page.pk]), html)
            self.assertIn(reverse("wagtailadmin_pages:edit", args=[office.pk]), html)
            self.assertIn(reverse("wagtailadmin_pages:edit", args=[khmer_office.pk]), html)

        khmer_office.specific.save_revision().publish()  # the translator catches up
        report = self.client.get(reverse("translation_status")).content.decode()
        self.assertNotIn(reverse("wagtailadmin_pages:edit", args=[khmer_office.pk]), report)

    def test_the_seeded_site_is_fully_translated(self):
        report = self.client.get(reverse("translation_status")).content.decode()
        self.assertNotIn("Not translated yet", report)

    def test_pages_due_for_review_are_listed_from_thirty_days_before(self):
        today = timezone.localdate()
        soon = OfficePage.objects.get(slug="siem-reap", locale__language_code="en")
        soon.review_by = today + datetime.timedelta(days=10)
        soon.save_revision().publish()
        later = OfficePage.objects.get(slug="phnom-penh", locale__language_code="en")
        later.review_by = today + datetime.timedelta(days=90)
        later.save_revision().publish()
        html = self.panel("pages-to-review")
        self.assertTrue(reverse("wagtailadmin_pages:edit", args=[soon.pk]) in html)
        self.assertFalse(reverse("wagtailadmin_pages:edit", args=[later.pk]) in html)
        # Visitors never see the date.
        self.assertNotIn((today + datetime.timedelta(days=10)).isoformat(), self.client.get(soon.url).content.decode())

    def test_images_whose_alt_text_is_a_file_name_are_listed(self):
        bad = ImageFactory(title="Office front", description="IMG_2041.jpg")
        good = ImageFactory(title="Team meeting", description="Three social workers around a table.")
        html = self.panel("images-without-alt-text")
        self.assertTrue(reverse("wagtailimages:edit", args=[bad.pk]) in html)
        self.assertFalse(reverse("wagtailimages:edit", args=[good.pk]) in html)

    def test_a_moderator_sees_the_pages_awaiting_their_review(self):
        page = self.home.add_child(instance=StandardPage(title="Annual report 2026", slug="annual-report", live=False))
        page.save_revision(user=self.editor)
        page.get_workflow().start(page, self.editor)  # the editor submits it for moderation
        moderator = User.objects.create_user("moderator", password="a-long-test-password")
        moderator.groups.add(Group.objects.get(name="Moderators"))
        self.client.force_login(moderator)
        html = self.dashboard()
        self.assertTrue("Awaiting your review" in html and "Annual report 2026" in html)

    def test_the_content_checks_follow_the_sites_rules(self):
        office = OfficePage.objects.get(slug="siem-reap", locale__language_code="en")
        html = self.client.get(reverse("wagtailadmin_pages:edit", args=[office.pk])).content.decode()
        self.assertTrue('"image-alt"' in html)  # axe's rule, added to Wagtail's set
        self.assertTrue("Image without alt text" in html)
