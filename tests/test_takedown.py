"""A take-down reaches every translation: unpublishing, deleting, making private or expiring a page, in either
language and by any path (the admin's buttons, its bulk actions, publish_scheduled), takes the other language's
copy down too — its page, the listing, search and the sitemap. On the seeded site, in the real admin views."""

import datetime

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from stories.factories import StoryPageFactory
from stories.models import StoryIndexPage

KHMER_TITLE = "គ្រួសារមួយដែលបានទទួលជំនួយ"


@override_settings(PAGE_CACHE=True)  # as in production: what the site keeps must go too
class TakedownTests(WagtailPageTestCase):
    def setUp(self):
        self.moderator = User.objects.create_user("moderator", password="a-long-test-password", is_staff=True)
        self.moderator.groups.add(Group.objects.get(name="Moderators"))
        self.client.force_login(self.moderator)
        index = StoryIndexPage.objects.get(locale__language_code="en")
        self.story = StoryPageFactory(parent=index, title="A family helped", slug="a-family-helped")
        self.khmer = self.story.copy_for_translation(Locale.objects.get(language_code="km"))
        self.khmer.title = KHMER_TITLE
        self.khmer.save_revision().publish()
        self.khmer.refresh_from_db()
        self.assert_visible(self.khmer, True)

    def assert_visible(self, page, visible):
        """The page itself, its language's story listing, search and the sitemap, as a visitor sees them."""
        url = page.url
        status = self.client_as_visitor().get(url).status_code
        listing = self.client_as_visitor().get(page.get_parent().url).content.decode()
        search = self.client_as_visitor().get(f"/{page.locale.language_code}/search/", {"q": page.title})
        sitemap = self.client_as_visitor().get("/sitemap.xml").content.decode()
        seen = {
            "page": status == 200,
            "listing": page.title in listing,
            "search": f'href="{url}"' in search.content.decode(),  # (the query itself is echoed back)
            "sitemap": url in sitemap,
        }
        self.assertEqual(seen, dict.fromkeys(seen, visible), url)

    def client_as_visitor(self):
        return self.client_class()

    def test_unpublishing_the_english_story_in_the_admin_unpublishes_the_khmer_one(self):
        confirm = self.client.get(reverse("wagtailadmin_pages:unpublish", args=(self.story.pk,)))
        self.assertContains(confirm, "This will also unpublish one translation of the page.")
        response = self.client.post(reverse("wagtailadmin_pages:unpublish", args=(self.story.pk,)))
        self.assertEqual(response.status_code, 302)
        self.assert_visible(self.khmer, False)
        self.assertFalse(Page.objects.get(pk=self.story.pk).live)

    def test_unpublishing_the_khmer_copy_takes_the_english_one_down_too(self):
        self.client.post(reverse("wagtailadmin_pages:unpublish", args=(self.khmer.pk,)))
        self.assert_visible(self.story, False)

    def test_bulk_unpublishing_takes_the_translations_down(self):
        url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "unpublish"))
        response = self.client.post(f"{url}?id={self.story.pk}", {"include_descendants": ""})
        self.assertEqual(response.status_code, 302)
        self.assert_visible(self.khmer, False)

    def test_deleting_the_english_story_deletes_the_khmer_one(self):
        superuser = User.objects.create_superuser("super", password="a-long-test-password")
        self.client.force_login(superuser)
        confirm = self.client.get(reverse("wagtailadmin_pages:delete", args=(self.story.pk,)))
        self.assertContains(confirm, "will also delete 1 translation")
        response = self.client.post(reverse("wagtailadmin_pages:delete", args=(self.story.pk,)))
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Page.objects.filter(pk__in=(self.story.pk, self.khmer.pk)).exists())

    def test_deleting_in_code_takes_the_translation_down(self):
        Page.objects.get(pk=self.story.pk).delete()
        self.assert_visible(self.khmer, False)

    def test_an_expired_page_takes_its_translation_with_it(self):
        yesterday = timezone.now() - datetime.timedelta(days=1)
        Page.objects.filter(pk=self.story.pk).update(expire_at=yesterday)
        call_command("publish_scheduled")
        self.assert_visible(self.khmer, False)
        self.khmer.refresh_from_db()
        self.assertTrue(self.khmer.expired)

    def test_making_an_english_page_private_makes_its_khmer_copy_private(self):
        # (A story's privacy follows its review workflow, as its publishing does: a page about APLE here.)
        self.client.force_login(User.objects.create_superuser("super", password="a-long-test-password"))
        about = Page.objects.get(locale__language_code="en", slug="about")
        khmer = Page.objects.translation_of(about, inclusive=False).get()
        url = reverse("wagtailadmin_pages:set_privacy", args=(about.pk,))
        self.assertIn("translations (English or Khmer) get the same privacy", self.client.get(url).json()["html"])
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, {"restriction_type": "login", "password": "", "groups": []})
        self.assertEqual(response.status_code, 200, response.get("Location"))
        self.assertEqual(PageViewRestriction.objects.get(page=khmer).restriction_type, "login")
        self.assertEqual(self.client_as_visitor().get(khmer.url).status_code, 302)  # to the login page
        with self.captureOnCommitCallbacks(execute=True):  # and public again, in both languages
            self.client.post(url, {"restriction_type": "none", "password": "", "groups": []})
        self.assertFalse(PageViewRestriction.objects.filter(page__in=(about, khmer)).exists())
        self.assertEqual(self.client_as_visitor().get(khmer.url).status_code, 200)

    def test_every_page_type_takes_its_translation_down(self):
        # One seeded page of each type that exists in both languages, unpublished in English.
        seen = set()
        for english in Page.objects.live().filter(locale__language_code="en", depth__gt=2).specific():
            if type(english) in seen or english.get_children().exists():
                continue
            khmer = Page.objects.translation_of(english, inclusive=False).live().first()
            if khmer is None:
                continue
            seen.add(type(english))
            with self.subTest(page_type=type(english).__name__):
                english.unpublish()
                khmer.refresh_from_db()
                self.assertFalse(khmer.live)
                self.assertEqual(self.client_as_visitor().get(khmer.url).status_code, 404)
        self.assertGreaterEqual(len(seen), 12)
