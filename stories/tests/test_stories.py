"""Case stories: the safeguarding record a story cannot be published without, its withdrawal when consent expires,
images that know about consent, and the two-step 'Story approval' workflow. On the seeded site (groups, workflows
and the stories sections in both languages come from load_initial_data)."""

import datetime
from unittest import mock

from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, Page, WorkflowState
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from aple_site.factories import ImageFactory
from aple_site.models import HomePage
from stories.factories import StoryPageFactory
from stories.models import NO_PUBLISHING_WITHOUT_CONSENT, StoryIndexPage, StoryPage
from tests.base import in_khmer

EMPTY_STORIES = (
    "There are no stories here yet. Stories will appear on this page when they are published, each with the consent "
    "of the family."
)
TODAY = timezone.localdate


def person(name, group):
    user = User.objects.create_user(name, password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def story_form(**fields):
    today = TODAY()
    data = {
        "title": "A family supported through a court case",
        "slug": "a-family-supported",
        "date": "2026-02-01",
        "summary": "How APLE stood by a family.",
        "body": streamfield([("paragraph", rich_text("<p>The story.</p>"))]),
        "pseudonym_notice": "on",
        "consent_obtained_on": (today - datetime.timedelta(days=10)).isoformat(),
        "consent_given_by": "the child's mother",
        "consent_record_location": "Phnom Penh office, safeguarding file",
        "consent_expires_on": (today + datetime.timedelta(days=700)).isoformat(),
    }
    data.update(fields)
    return nested_form_data({key: value for key, value in data.items() if value is not None})


class StoryTestCase(WagtailPageTestCase):
    def setUp(self):
        self.index = StoryIndexPage.objects.get(locale__language_code="en")
        self.khmer_index = StoryIndexPage.objects.get(locale__language_code="km")

    def add(self, **fields):
        return StoryPageFactory(parent=self.index, **fields)

    def act(self, user, story, action):
        """A workflow action (approve, reject) on the story's current task, as the admin's buttons post it."""
        self.client.force_login(user)
        task_state = WorkflowState.objects.for_instance(story).get(status="in_progress").current_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=(story.pk, action, task_state.pk))
        return self.client.post(url, {"comment": ""})

    def through_the_workflow(self):
        """A story an editor wrote and submitted, a moderator approved, then the Safeguarding group."""
        self.editor, self.moderator = person("editor", "Editors"), person("moderator", "Moderators")
        self.safeguarding = person("safeguarding", "Safeguarding")
        self.assertEqual(self.create_in_admin(self.editor, **{"action-submit": "submit"}).status_code, 302)
        story = StoryPage.objects.child_of(self.index).get(slug="a-family-supported")
        self.act(self.moderator, story, "approve")
        self.act(self.safeguarding, story, "approve")
        story.refresh_from_db()
        return story

    def create_in_admin(self, user, **fields):
        self.client.force_login(user)
        url = reverse("wagtailadmin_pages:add", args=("stories", "storypage", self.index.pk))
        return self.client.post(url, story_form(**fields))


class StoryTreeTests(StoryTestCase):
    def test_tree(self):
        self.assertAllowedParentPageTypes(StoryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(StoryIndexPage, {StoryPage})
        self.assertAllowedParentPageTypes(StoryPage, {StoryIndexPage})
        self.assertAllowedSubpageTypes(StoryPage, set())

    def test_pages_render_edit_and_preview(self):
        story = self.add()
        for page, data in (
            (self.index, nested_form_data({"title": "Case stories", "slug": "stories", "intro": "S."})),
            (story, story_form(title=story.title, slug=story.slug)),
        ):
            with self.subTest(page=page.title):
                self.assertPageIsRenderable(page)
                self.assertPageIsEditable(page, data)
                self.assertPageIsPreviewable(page, post_data=data)
        self.client.force_login(User.objects.create_superuser("super", password="a-long-test-password"))
        self.assertCanCreate(self.index, StoryPage, story_form(slug="another"), publish=False)


class ConsentRecordTests(StoryTestCase):
    def test_a_draft_may_wait_for_its_consent_record_but_cannot_be_submitted_without_it(self):
        editor = person("editor", "Editors")
        blank = dict.fromkeys(
            ("consent_obtained_on", "consent_given_by", "consent_record_location", "consent_expires_on"), ""
        )
        response = self.create_in_admin(editor, **blank)
        self.assertEqual(response.status_code, 302)  # a draft
        story = StoryPage.objects.child_of(self.index).get(slug="a-family-supported")
        self.assertFalse(story.live)
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=(story.pk,)), {**story_form(**blank), "action-submit": "submit"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, NO_PUBLISHING_WITHOUT_CONSENT)
        self.assertContains(response, "This field is required.")
        self.assertFalse(WorkflowState.objects.for_instance(story).exists())

    def test_publishing_a_story_without_consent_details_fails_with_a_clear_form_error(self):
        story = self.through_the_workflow()
        # Once approved, a Safeguarding member may publish changes: never without the consent record.
        self.client.force_login(self.safeguarding)
        edit = reverse("wagtailadmin_pages:edit", args=(story.pk,))
        self.assertContains(self.client.get(edit), 'name="action-publish"')
        response = self.client.post(
            edit, {**story_form(consent_given_by="", consent_expires_on=""), "action-publish": "publish"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, NO_PUBLISHING_WITHOUT_CONSENT)
        self.assertEqual(StoryPage.objects.get(pk=story.pk).consent_given_by, "the child's mother")
        story.consent_given_by = ""
        with self.assertRaises(ValidationError):  # nor from code
            story.save_revision().publish()
        story.refresh_from_db()
        story.pseudonym_notice = False  # a draft may lack it, but publishing it from code fails
        revision = story.save_revision()
        with self.assertRaisesMessage(ValidationError, NO_PUBLISHING_WITHOUT_CONSENT):
            revision.publish()

    def test_the_pseudonym_notice_must_be_confirmed(self):
        response = self.create_in_admin(
            person("editor", "Editors"), pseudonym_notice=None, **{"action-submit": "submit"}
        )
        self.assertContains(response, "Confirm that the name used is not the child&#x27;s real name")

    def test_consent_runs_for_at_most_five_years_after_it_was_obtained(self):
        obtained = TODAY() - datetime.timedelta(days=1)
        for expires, message in (
            (obtained.replace(year=obtained.year + 6), "at most 5 years"),
            (obtained - datetime.timedelta(days=1), "must expire after the day it was obtained"),
        ):
            with self.subTest(expires=expires):
                response = self.create_in_admin(
                    person(f"editor-{expires}", "Editors"),
                    consent_obtained_on=obtained.isoformat(),
                    consent_expires_on=expires.isoformat(),
                )
                self.assertContains(response, message)

    def test_an_expired_consent_cannot_be_submitted(self):
        response = self.create_in_admin(
            person("editor", "Editors"),
            consent_obtained_on=(TODAY() - datetime.timedelta(days=400)).isoformat(),
            consent_expires_on=(TODAY() - datetime.timedelta(days=1)).isoformat(),
            **{"action-submit": "submit"},
        )
        self.assertContains(response, "This consent has expired")

    def test_the_consent_record_is_never_shown_to_visitors(self):
        story = self.add(consent_given_by="the child's grandmother", consent_record_location="Cabinet 7, room 2")
        html = self.client.get(story.url).content.decode()
        self.assertIn("Names and details in this story have been changed to protect the child.", html)
        for private in ("grandmother", "Cabinet 7"):
            self.assertNotIn(private, html)
            self.assertNotContains(self.client.get("/en/search/", {"q": private}), story.title)

    def test_the_story_expires_with_its_consent_in_every_language(self):
        story = self.add()
        self.assertEqual(timezone.localtime(story.expire_at).date(), story.consent_expires_on)
        self.assertEqual(timezone.localtime(story.expire_at).time(), datetime.time.min)
        khmer = story.copy_for_translation(Locale.objects.get(language_code="km"))
        khmer.consent_expires_on = TODAY() + datetime.timedelta(days=2000)  # a translator cannot extend it
        khmer.save_revision().publish()
        khmer.refresh_from_db()
        self.assertEqual(khmer.consent_expires_on, story.consent_expires_on)
        self.assertEqual(khmer.expire_at, story.expire_at)
        # Renewing the consent on the English page renews it for the translation too.
        renewed = TODAY() + datetime.timedelta(days=900)
        story.consent_obtained_on, story.consent_expires_on = TODAY(), renewed
        story.save_revision().publish()
        khmer.refresh_from_db()
        self.assertEqual(khmer.consent_expires_on, renewed)
        self.assertEqual(timezone.localtime(khmer.expire_at).date(), renewed)


class ConsentExpiryTests(StoryTestCase):
    def expire(self, *stories):
        """As if the consent's last day had passed: it expired yesterday."""
        yesterday = TODAY() - datetime.timedelta(days=1)
        ends = timezone.make_aware(datetime.datetime.combine(yesterday, datetime.time.min))
        StoryPage.objects.filter(pk__in=[s.pk for s in stories]).update(
            consent_obtained_on=yesterday - datetime.timedelta(days=300), consent_expires_on=yesterday, expire_at=ends
        )

    def test_a_story_whose_consent_expired_yesterday_is_unpublished_by_publish_scheduled(self):
        story = self.add(title="A story of 2026")
        khmer = story.copy_for_translation(Locale.objects.get(language_code="km"))
        khmer.save_revision().publish()
        other = self.add(title="A story with consent")
        self.expire(story, khmer)
        call_command("publish_scheduled")
        for page in (story, khmer):
            page.refresh_from_db()
            self.assertFalse(page.live)
            self.assertTrue(page.expired)
            self.assertEqual(self.client.get(page.url or f"/en/stories/{page.slug}/").status_code, 404)
        self.assertTrue(StoryPage.objects.get(pk=other.pk).live)

    def test_search_and_the_sitemap_drop_an_expired_story_before_publish_scheduled_runs(self):
        story = self.add(title="A story whose consent ended")
        self.assertContains(self.client.get("/en/search/", {"q": "consent ended"}), f'href="{story.url}"')
        self.expire(story)  # the consent ended at midnight; the hourly publish_scheduled has not run yet
        self.assertTrue(StoryPage.objects.get(pk=story.pk).live)
        self.assertEqual(self.client.get(story.url).status_code, 404)
        self.assertNotContains(self.client.get("/en/search/", {"q": "consent ended"}), f'href="{story.url}"')
        self.assertNotContains(self.client.get("/sitemap.xml"), story.url)

    @override_settings(PAGE_CACHE=True)  # as in production: pages are kept until the content changes
    def test_an_expired_story_is_gone_before_publish_scheduled_runs(self):
        # The consent ends tomorrow: today the story is seen (and whatever the site keeps until content changes
        # holds it); from the first minute of tomorrow it is gone, before the hourly publish_scheduled has run and
        # with no change to any content.
        tomorrow = TODAY() + datetime.timedelta(days=1)
        story = self.add(title="Consent ran out", consent_expires_on=tomorrow)
        url = story.url
        for _ in range(2):  # (the second request is answered from what the first kept)
            self.assertEqual(self.client.get(url).status_code, 200)
            self.assertContains(self.client.get(self.index.url), "Consent ran out")
            self.assertContains(self.client.get("/sitemap.xml"), url)
        with mock.patch("django.utils.timezone.localdate", return_value=tomorrow):  # midnight has passed
            self.assertEqual(self.client.get(url).status_code, 404)
            self.assertNotContains(self.client.get(self.index.url), "Consent ran out")
            self.assertNotContains(self.client.get("/sitemap.xml"), url)


class StoryImageTests(StoryTestCase):
    def figure(self, image, consent):
        value = {"image": {"image": image.pk, "alt_text": "A photo", "decorative": False}, "caption": ""}
        if consent is not None:
            value["consent"] = consent
        return streamfield([("figure", value)])

    def test_each_image_says_whether_consent_covers_it(self):
        editor = person("editor", "Editors")
        child = ImageFactory(shows_identifiable_child="unknown")
        cases = [
            (self.figure(child, None), "Say whether this image shows no identifiable child"),
            (self.figure(child, "no_identifiable_child"), "says it shows, or may show, an identifiable child"),
        ]
        for number, (body, message) in enumerate(cases):
            with self.subTest(message=message):
                response = self.create_in_admin(editor, slug=f"story-{number}", body=body)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, message)
        response = self.create_in_admin(editor, slug="covered", body=self.figure(child, "consent_covers"))
        self.assertEqual(response.status_code, 302)

    def test_a_story_s_card_and_share_image_shows_no_identifiable_child(self):
        story = self.add()
        story.listing_image = ImageFactory(shows_identifiable_child="yes")
        with self.assertRaisesMessage(ValidationError, "may show an identifiable child"):
            story.save_revision()

    def test_an_image_that_may_show_a_child_is_never_served_at_full_size(self):
        child = ImageFactory(shows_identifiable_child="unknown", file__width=2400, file__height=1600)
        checked = ImageFactory(shows_identifiable_child="no", file__width=2400, file__height=1600)
        self.assertEqual(checked.get_rendition("width-1600").width, 1600)
        self.assertEqual(checked.get_rendition("original").width, 2400)
        for spec in ("original", "width-1600", "fill-2000x1000", "max-3000x3000|format-webp"):
            with self.subTest(spec=spec):
                rendition = child.get_rendition(spec)
                self.assertLessEqual(max(rendition.width, rendition.height), 800)
        renditions = child.get_renditions("width-1200", "original")
        self.assertEqual(list(renditions), ["width-1200", "original"])
        self.assertTrue(all(max(r.width, r.height) <= 800 for r in renditions.values()))


class TakenDownImageTests(StoryTestCase):
    def story_showing(self, image, **fields):
        value = {"image": image, "caption": "", "consent": "consent_covers"}
        story = self.add(body=[("figure", value)], **fields)
        self.assertEqual(self.client.get(story.url).status_code, 200)  # renders (and so creates) its renditions
        return story

    def test_an_expired_story_takes_the_copies_of_its_child_s_image_down_with_it(self):
        child = ImageFactory(shows_identifiable_child="yes", file__width=1200, file__height=900)
        story = self.story_showing(child)
        child.get_rendition("max-165x165")  # the admin library's thumbnail
        renditions = list(child.renditions.all())
        self.assertTrue(renditions)
        storage = renditions[0].file.storage
        names = [rendition.file.name for rendition in renditions]
        ConsentExpiryTests.expire(self, story)
        with self.captureOnCommitCallbacks(execute=True):  # Wagtail deletes the files once the change is committed
            call_command("publish_scheduled")
        self.assertFalse(child.renditions.exists())
        self.assertFalse(any(storage.exists(name) for name in names))
        # Shown again (the admin's library makes its thumbnail), it never comes back at an address from before.
        child.refresh_from_db()
        thumbnail = child.get_rendition("max-165x165")
        self.assertNotIn(thumbnail.file.name, names)
        self.assertFalse(any(thumbnail.url == rendition.url for rendition in renditions))

    def test_an_image_another_live_page_shows_keeps_its_copies(self):
        child = ImageFactory(shows_identifiable_child="yes")
        story, other = self.story_showing(child), self.story_showing(child, slug="another-story")
        story.unpublish()
        self.assertTrue(child.renditions.exists())
        other.delete()
        self.assertFalse(child.renditions.exists())


class StoryWorkflowTests(StoryTestCase):
    def test_a_story_is_published_by_a_moderator_then_the_safeguarding_group(self):
        editor, moderator = person("editor", "Editors"), person("moderator", "Moderators")
        safeguarding = person("safeguarding", "Safeguarding")
        response = self.create_in_admin(editor, **{"action-submit": "submit"})
        self.assertEqual(response.status_code, 302)
        story = StoryPage.objects.child_of(self.index).get(slug="a-family-supported")
        state = WorkflowState.objects.for_instance(story).get()
        self.assertEqual(state.workflow.name, "Story approval")
        # A moderator cannot publish it directly: no Publish button, and a forced publish saves a draft.
        self.client.force_login(moderator)
        edit = reverse("wagtailadmin_pages:edit", args=(story.pk,))
        self.assertNotContains(self.client.get(edit), 'name="action-publish"')
        self.client.post(edit, {**story_form(), "action-publish": "publish"})
        self.assertFalse(StoryPage.objects.get(pk=story.pk).live)
        self.act(moderator, story, "approve")
        story.refresh_from_db()
        self.assertFalse(story.live)
        self.assertEqual(story.current_workflow_task.name, "Safeguarding approval")
        self.act(safeguarding, story, "approve")
        story.refresh_from_db()
        self.assertTrue(story.live)
        self.assertEqual(self.client.get(story.url).status_code, 200)

    def test_a_change_after_the_approval_needs_an_approval_of_its_own(self):
        story = self.through_the_workflow()
        self.assertTrue(story.permissions_for_user(self.safeguarding).can_publish())
        self.client.force_login(self.editor)
        edit = reverse("wagtailadmin_pages:edit", args=(story.pk,))
        self.client.post(edit, story_form(summary="A changed summary."))  # a draft
        story.refresh_from_db()
        self.assertFalse(story.permissions_for_user(self.safeguarding).can_publish())
        self.client.force_login(self.safeguarding)
        self.client.post(edit, {**story_form(summary="A changed summary."), "action-publish": "publish"})
        self.assertEqual(StoryPage.objects.get(pk=story.pk).summary, "How APLE stood by a family.")

    def test_a_story_cannot_be_published_as_it_is_created(self):
        superuser = User.objects.create_superuser("super", password="a-long-test-password")
        self.create_in_admin(superuser, **{"action-publish": "publish"})
        self.assertFalse(StoryPage.objects.child_of(self.index).get(slug="a-family-supported").live)

    def test_news_keeps_the_one_step_workflow(self):
        news_index = Page.objects.get(slug="news", locale__language_code="en")
        self.assertEqual(news_index.get_workflow().name, "Moderators approval")
        self.assertEqual(self.index.get_workflow().name, "Story approval")
        self.assertEqual(self.khmer_index.get_workflow().name, "Story approval")
        self.assertEqual(
            [task.name for task in self.index.get_workflow().tasks.all()],
            ["Moderators approval", "Safeguarding approval"],
        )


class EmptyStoriesTests(TestCase):
    def test_both_languages_start_empty_say_so_and_stay_out_of_the_menu(self):
        for index in StoryIndexPage.objects.select_related("locale"):
            language = index.locale.language_code
            with self.subTest(language=language):
                text = EMPTY_STORIES if language == "en" else in_khmer(EMPTY_STORIES)
                self.assertContains(self.client.get(index.url), text)
                home = self.client.get(f"/{language}/").content.decode()
                self.assertNotIn(f'href="{index.url}"', home[: home.index("</header>")])
