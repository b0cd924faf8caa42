"""What APLE's staff do in the Wagtail admin, in real Chromium: preview a page in the editor's side panel, send it
through moderation, translate it, and keep facts the same in both languages."""

from django.contrib.auth.models import Group, User

from wagtail.models import Page

from history.models import TimelineEventPage
from tests.browser.test_content_pages import log_in


def staff(name, group):
    user = User.objects.create_user(name, password="a-long-test-password")
    user.groups.add(Group.objects.get(name=group))
    return user


def section(slug, language="en"):
    return Page.objects.get(slug=slug, locale__language_code=language).specific


def open_preview_panel(editor):
    """Open the editor's preview side panel and return its frame."""
    editor.page.locator('[data-side-panel-toggle="preview"]').click()
    return editor.page.frame_locator("#w-preview-iframe")


def test_an_editor_previews_a_new_event_in_the_panel_and_a_moderator_publishes_it(visitor_factory):
    staff("editor", "Editors")
    staff("moderator", "Moderators")
    history = section("history")

    editor = visitor_factory()
    log_in(editor, "editor")
    editor.go(f"/admin/pages/add/history/timelineeventpage/{history.pk}/")
    form = editor.page
    form.fill("#id_title", "APLE opens a drop-in centre")
    form.fill("#id_year", "2011")
    form.select_option("#id_category", "program")
    form.fill("#id_summary", "A place where children can come for help.")
    frame = open_preview_panel(editor)
    # The frame draws the page as visitors will see it (a broken-page icon when a header forbids the framing).
    frame.get_by_role("heading", level=1, name="APLE opens a drop-in centre").wait_for(timeout=15_000)
    assert "A place where children can come for help." in frame.locator("main").inner_text()

    form.wait_for_timeout(1500)  # Wagtail's autosave may be creating the page: let it finish, as a person would
    editor.settle()
    form.get_by_role("button", name="More actions").click()
    form.get_by_role("button", name="Submit to Moderators approval").click()
    form.wait_for_url("**/admin/pages/**")
    event = TimelineEventPage.objects.get(title="APLE opens a drop-in centre")
    assert not event.live

    moderator = visitor_factory()
    log_in(moderator, "moderator")
    moderator.go(f"/admin/pages/{event.pk}/edit/")
    # The moderator sees the submitted page in the panel too, before approving it.
    heading = open_preview_panel(moderator).get_by_role("heading", level=1, name="APLE opens a drop-in centre")
    heading.wait_for(timeout=15_000)
    moderator.page.get_by_role("button", name="More actions").click()
    with moderator.page.expect_navigation():
        moderator.page.get_by_role("button", name="Approve and Publish", exact=True).click()
    event.refresh_from_db()
    assert event.live

    visitor = visitor_factory()
    visitor.go(event.url)
    assert visitor.page.get_by_role("heading", level=1).inner_text() == "APLE opens a drop-in centre"
    # Public pages still refuse to be framed by anyone.
    response = visitor.page.request.get(visitor.base_url + event.url)
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
