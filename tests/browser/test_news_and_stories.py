"""News and case stories in real Chromium: a story goes from an editor, through a moderator and the Safeguarding
group, to a visitor; news and stories pages pass axe in both languages, on a desktop and a phone."""

import datetime

from django.contrib.auth.models import Group, User
from django.utils import timezone

from wagtail.models import Page

import pytest

from aple_site.factories import ImageFactory
from news.factories import NewsPageFactory
from stories.factories import StoryPageFactory
from stories.models import StoryPage
from tests.browser.conftest import PHONE
from tests.browser.test_content_pages import log_in


def section(slug, language):
    return Page.objects.get(slug=slug, locale__language_code=language).specific


def test_a_story_goes_from_an_editor_through_a_moderator_and_safeguarding_to_a_visitor(visitor_factory):
    for name, group in (("editor", "Editors"), ("moderator", "Moderators"), ("safeguarding", "Safeguarding")):
        User.objects.create_user(name, password="a-long-test-password").groups.add(Group.objects.get(name=group))
    stories = section("stories", "en")

    editor = visitor_factory()
    log_in(editor, "editor")
    editor.go(f"/admin/pages/add/stories/storypage/{stories.pk}/")
    form = editor.page
    form.fill("#id_title", "A family supported through a court case")
    form.fill("#id_summary", "How APLE stood by a family.")
    assert form.is_checked("#id_pseudonym_notice")  # on by default
    form.get_by_role("button", name="More actions").click()
    form.get_by_role("button", name="Submit to Story approval").click()
    form.wait_for_load_state()
    assert "cannot be submitted or published without its consent record" in form.locator("main").inner_text()
    today = timezone.localdate()
    form.fill("#id_consent_obtained_on", (today - datetime.timedelta(days=3)).isoformat())
    form.fill("#id_consent_expires_on", (today + datetime.timedelta(days=700)).isoformat())
    form.fill("#id_consent_given_by", "the child's mother")
    form.fill("#id_consent_record_location", "Phnom Penh office, safeguarding file")
    # Wagtail's autosave may now save the draft (creating the page): let it finish, as a person pausing would, so
    # that the submit goes to the page it created. (A submit racing it makes Wagtail create the page twice.)
    form.wait_for_timeout(1500)
    editor.settle()
    form.get_by_role("button", name="More actions").click()
    form.get_by_role("button", name="Submit to Story approval").click()
    form.wait_for_url("**/admin/pages/**")
    story = StoryPage.objects.get(title="A family supported through a court case")
    assert not story.live

    moderator = visitor_factory()
    log_in(moderator, "moderator")
    moderator.go(f"/admin/pages/{story.pk}/edit/")
    moderator.page.get_by_role("button", name="More actions").click()
    assert moderator.page.get_by_role("button", name="Publish", exact=True).count() == 0
    with moderator.page.expect_navigation():
        moderator.page.get_by_role("button", name="Approve", exact=True).click()
    story.refresh_from_db()
    assert not story.live

    safeguarding = visitor_factory()
    log_in(safeguarding, "safeguarding")
    safeguarding.go(f"/admin/pages/{story.pk}/edit/")
    safeguarding.page.get_by_role("button", name="More actions").click()
    with safeguarding.page.expect_navigation():
        safeguarding.page.get_by_role("button", name="Approve and Publish", exact=True).click()
    story.refresh_from_db()
    assert story.live

    visitor = visitor_factory()
    visitor.go("/en/")
    visitor.page.get_by_role("navigation", name="Main").get_by_role("link", name="Case stories").click()
    visitor.settle()
    visitor.page.get_by_role("link", name="A family supported through a court case").click()
    visitor.settle()
    main = visitor.page.get_by_role("main").inner_text()
    assert "Names and details in this story have been changed to protect the child." in main
    assert "Phnom Penh office, safeguarding file" not in visitor.page.content()
    assert visitor.third_party_requests() == []


@pytest.mark.parametrize("language", ["en", "km"])
def test_news_and_stories_pages_pass_axe_in_both_languages(visitor_factory, language):
    news, stories = section("news", language), section("stories", language)
    visitor = visitor_factory()
    for url in (news.url, stories.url):  # empty, as they start
        visitor.go(url)
        assert visitor.axe_violations() == [], url
    photo = ImageFactory(description="Staff at a training session", file__width=1200, file__height=800)
    item = NewsPageFactory(
        parent=news, title="Training for judges" if language == "en" else "វគ្គបណ្តុះបណ្តាលចៅក្រម", image=photo
    )
    NewsPageFactory(parent=news, date=datetime.date(2025, 6, 1))
    child = ImageFactory(description="A mother and her daughter at home", shows_identifiable_child="yes")
    story = StoryPageFactory(
        parent=stories, body=[("figure", {"image": child, "caption": "", "consent": "consent_covers"})]
    )
    for viewport in (None, PHONE):
        visitor = visitor_factory(**({"viewport": viewport} if viewport else {}))
        for url in (item.url, story.url, news.url, stories.url, f"/{language}/"):
            visitor.go(url)
            assert visitor.axe_violations() == [], (url, viewport)
        assert visitor.third_party_requests() == []
    visitor.go(news.url)
    feed = visitor.page.locator("head link[type='application/atom+xml']")
    assert feed.get_attribute("href") == news.url + "feed/"
