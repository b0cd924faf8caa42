"""What APLE's staff do in the Wagtail admin, in real Chromium: preview a page in the editor's side panel, send it
through moderation, translate it, and keep facts the same in both languages."""

from django.contrib.auth.models import Group, User

from wagtail.models import Locale, Page

from history.models import TimelineEventPage
from tests.browser.test_content_pages import log_in


def staff(name, group):
    user = User.objects.create_user(name, password="a-long-test-password")
    user.groups.add(Group.objects.get(name=group))
    return user


def section(slug, language="en"):
    return Page.objects.get(slug=slug, locale__language_code=language).specific


def open_preview_panel(editor):
    """Open the editor's preview side panel and return its frame.

    Wagtail remembers an open side panel in the browser's storage and reopens it a moment after the next editor
    page loads, when a click would close it again. So the editor's browser forgets it before every page's own
    scripts run, and the panel opens on this click only."""
    if not getattr(editor, "forgets_side_panels", False):
        editor.context.add_init_script("localStorage.removeItem('wagtail:side-panel-open')")
        editor.forgets_side_panels = True
    toggle = editor.page.locator('[data-side-panel-toggle="preview"]')
    toggle.click()
    for _ in range(100):
        if toggle.get_attribute("aria-expanded") == "true":
            break
        editor.page.wait_for_timeout(50)
    else:
        raise AssertionError("The preview panel did not open")
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


def test_a_translator_translates_an_event_and_finds_its_relations_pointing_at_khmer_pages(visitor_factory):
    from offices.models import OfficePage

    staff("translator", "Editors")
    office = OfficePage.objects.get(slug="siem-reap", locale__language_code="en")
    khmer_office = office.get_translation(Locale.objects.get(language_code="km"))
    event = TimelineEventPage(title="A new office opens its doors", slug="new-office-doors", year=2012)
    event.category, event.summary = "office", "The team moves in."
    section("history").add_child(instance=event)
    event.offices.set([office])
    event.save_revision().publish()

    translator = visitor_factory()
    log_in(translator, "translator")
    translator.go(f"/admin/pages/{event.pk}/edit/")
    page = translator.page
    page.get_by_role("button", name="Actions", exact=True).click()
    page.get_by_role("link", name="Translate").click()
    page.wait_for_load_state()
    page.get_by_label("ខ្មែរ").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Submit").click()
    translator.settle()
    translation = event.get_translation(Locale.objects.get(language_code="km"))
    assert f"/admin/pages/{translation.pk}/edit/" in page.url  # straight into the Khmer draft
    concerns = page.locator("#panel-child-content-what_this_event_concerns-section").inner_text()
    assert khmer_office.title in concerns and office.title not in concerns
    assert "change it on the English page" in concerns
    assert page.locator('input[name="offices"]').count() == 0  # read-only: the English page decides


def test_an_office_phone_changed_on_the_english_page_shows_on_the_khmer_page(visitor_factory):
    from offices.models import OfficePage

    staff("moderator", "Moderators")
    office = OfficePage.objects.get(slug="siem-reap", locale__language_code="en")
    khmer_office = office.get_translation(Locale.objects.get(language_code="km"))

    moderator = visitor_factory()
    log_in(moderator, "moderator")
    moderator.go(f"/admin/pages/{office.pk}/edit/")
    moderator.page.fill("#id_phone", "+855 63 964 000")
    moderator.page.get_by_role("button", name="More actions").click()
    with moderator.page.expect_navigation():
        moderator.page.get_by_role("button", name="Publish", exact=True).click()

    visitor = visitor_factory()
    visitor.go(khmer_office.url)
    assert "+855 63 964 000" in visitor.page.get_by_role("main").inner_text()


def test_every_page_type_previews_in_the_editors_panel(visitor_factory):
    """One page of each type, opened in the editor: the preview panel draws it (its main heading), in English and
    for a Khmer page too."""
    from wagtail.models import get_page_models

    from news.factories import NewsPageFactory
    from programs.factories import ProjectPageFactory
    from publications.factories import PublicationPageFactory
    from stories.factories import StoryPageFactory

    english = Locale.objects.get(language_code="en")
    ProjectPageFactory(parent=Page.objects.filter(locale=english, slug="court-support").get(), title="Court visits")
    PublicationPageFactory(parent=section("publications"), title="Annual report 2025")
    NewsPageFactory(parent=section("news"), title="A training for police officers")
    StoryPageFactory(parent=section("stories"), title="A family finds its way")
    staff("moderator", "Moderators")
    moderator = visitor_factory()
    log_in(moderator, "moderator")
    site_types = [
        model for model in get_page_models() if model is not Page and not model.__module__.startswith("tests.")
    ]
    pages = {model: model.objects.filter(locale=english).first() for model in site_types}
    assert [model for model, page in pages.items() if page is None] == []
    for page in [*pages.values(), Page.objects.get(slug="where-we-work", locale__language_code="km")]:
        moderator.go(f"/admin/pages/{page.pk}/edit/")
        heading = open_preview_panel(moderator).get_by_role("heading", level=1)
        heading.wait_for(timeout=15_000)
        assert heading.inner_text().strip(), page


def test_the_proposed_slug_keeps_the_dash_of_the_title(visitor_factory):
    staff("moderator", "Moderators")
    editor = visitor_factory()
    log_in(editor, "moderator")
    editor.go(f"/admin/pages/add/programs/strategypage/{section('our-work').pk}/")
    editor.page.locator("#id_title").press_sequentially("Strategy 2031–2035")
    editor.page.locator("#id_title").blur()
    editor.page.get_by_role("tab", name="Promote").click()
    slug = editor.page.locator("#id_slug")
    for _ in range(20):  # Wagtail updates the slug a moment after typing stops
        if slug.input_value():
            break
        editor.page.wait_for_timeout(100)
    assert slug.input_value() == "strategy-2031-2035"
