"""History, offices and programs in real Chromium: accessibility of every page type, the timeline on a
desktop and a phone, maps that wait for consent, and a donor's path to a program."""

import re

from django.contrib.auth.models import Group, User

from wagtail.models import Locale, Page, Site

import pytest

from aple_site.models import SiteSettings
from giving.models import GiftExample, GivingSettings, WaysToGivePage
from history.models import MoUPage, PartnerPage, TimelineEventPage
from history.models.events import EVENTS_PER_PAGE
from offices.models import OfficePage
from programs.factories import ProjectPageFactory
from programs.models import ProgramPage, StrategyPage
from publications.factories import PublicationPageFactory
from tests.browser.conftest import DESKTOP, PHONE, wait_until


def set_donate_address(url="https://give.example.org/aple"):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.donate_url = url
    settings.save()


def make_the_seeded_strategy_current():
    """The seeded 2016–2020 strategy has ended: for the donor's path, staff mark it current (as they may)."""
    strategy = english(StrategyPage, slug="strategy-2016-2020")
    strategy.status = "current"
    strategy.save_revision().publish()


def english(model, **lookup):
    return model.objects.get(locale__language_code="en", **lookup)


def every_page_type(language="en"):
    """A page of every type in `language` (the seeded Khmer translations for "km")."""
    program = english(ProgramPage, slug="court-support")
    project = ProjectPageFactory(parent=program, title="A project", summary="What it does.")
    publication = PublicationPageFactory(parent=english(Page, slug="publications"), title="Impact report 2025")
    give = english(WaysToGivePage, slug="ways-to-give")
    give.gift_examples = [GiftExample(amount=25, currency="USD", pays_for="an example, for the test")]
    give.save_revision().publish()
    giving = GivingSettings.for_site(Site.objects.get(is_default_site=True))
    giving.donation_links = [("link", {"provider": "GlobalGiving", "url": "https://give.example.org/aple"})]
    giving.account_name, giving.account_number = "APLE", "000 111 222"
    giving.save()
    pages = [
        english(Page, depth=2),
        english(Page, slug="about"),
        english(Page, slug="cookie-policy"),
        english(Page, slug="privacy"),
        english(Page, slug="history"),
        english(TimelineEventPage, slug="social-support-begins"),
        english(Page, slug="partners"),
        english(PartnerPage, slug="mlop-tapang"),
        english(Page, slug="agreements"),
        english(MoUPage, slug="mou-mosvy"),
        english(Page, slug="where-we-work"),
        english(OfficePage, slug="sihanoukville"),
        english(Page, slug="our-work"),
        program.get_parent(),
        program,
        english(Page, slug="transparency"),
        english(Page, slug="publications"),
        give,
    ]
    if language == "en":
        return [page.url for page in pages] + [project.url, publication.url, "/en/search/?q=Siem+Reap"]
    khmer = Locale.objects.get(language_code=language)
    publication.copy_for_translation(khmer).save_revision().publish()
    pages.append(publication)
    return [page.get_translation(khmer).url for page in pages] + ["/km/search/?q=សៀមរាប"]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_timeline_reads_well_and_jumps_to_a_year(visitor_factory, viewport):
    visitor = visitor_factory(viewport=viewport)
    page = visitor.page
    visitor.go("/en/history/")
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert page.locator(".timeline > li").count() == 6  # the years of the first 7 events: 2003 to 2010
    page.get_by_role("navigation", name="Jump to a year").get_by_role("link", name="2009").click()
    assert page.url.endswith("#year-2009")
    # Smooth scrolling takes a moment; the year's heading ends up at the top of the screen.
    wait_until(page, "Math.abs(document.getElementById('year-2009').getBoundingClientRect().top) < 40")
    # A year on the next page of the timeline: the jump goes there.
    page.get_by_role("navigation", name="Jump to a year").get_by_role("link", name="2016").click()
    page.wait_for_url("**/en/history/?page=2#year-2016")
    wait_until(page, "Math.abs(document.getElementById('year-2016').getBoundingClientRect().top) < 40")
    assert (
        page.get_by_role("navigation", name="Pages of the timeline")
        .get_by_role("link", name="2014–2016")
        .get_attribute("aria-current")
        == "page"
    )


def test_timeline_filter_by_keyboard(visitor):
    page = visitor.page
    visitor.go("/en/history/")
    page.get_by_role("link", name="New office").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/history/?category=office")
    titles = page.locator(".timeline__title").all_inner_texts()
    assert titles == ["An office opens in Sihanoukville", "A third office opens in Siem Reap"]


def test_timeline_prints_as_a_chronology(visitor):
    page = visitor.page
    visitor.go("/en/history/")
    page.emulate_media(media="print")
    assert not page.get_by_role("navigation", name="Jump to a year").is_visible()
    assert not page.get_by_role("navigation", name="Pages of the timeline").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert page.locator(".timeline__event").first.is_visible()
    # A page of the timeline says on paper which years it holds, and where the whole history is.
    note = page.get_by_text("These are the events of 2003–2010.")
    assert note.is_visible() and note.inner_text().endswith("/en/history/?page=all")
    page.emulate_media(media="screen")
    assert not note.is_visible()
    page.get_by_role("link", name="The whole history on one page (to print it)").click()
    page.wait_for_url("**/en/history/?page=all")
    page.emulate_media(media="print")
    seeded = TimelineEventPage.objects.live().filter(locale__language_code="en").count()
    assert seeded > EVENTS_PER_PAGE
    assert page.locator(".timeline__event:visible").count() == seeded
    assert not page.get_by_text("These are the events of").is_visible()


def test_a_program_prints_as_a_one_page_summary_without_the_call_to_action(visitor):
    set_donate_address()
    make_the_seeded_strategy_current()
    page = visitor.page
    visitor.go("/en/our-work/strategy-2016-2020/community-engagement/")
    donate = page.get_by_role("region", name="Support this program")
    banner = page.get_by_role("region", name="Your privacy choices")
    banner.wait_for()  # a first visit: the banner is open
    assert donate.is_visible()
    page.emulate_media(media="print")
    assert not donate.is_visible()
    assert not banner.is_visible()
    for furniture in ("Main", "Breadcrumb", "Language"):
        assert not page.get_by_role("navigation", name=furniture).is_visible(), furniture
    assert not page.get_by_role("search").is_visible()  # the header's search
    assert not page.get_by_role("link", name="Donate", exact=True).is_visible()  # the header's button
    assert not page.get_by_role("contentinfo").is_visible()  # the footer
    assert page.get_by_role("heading", level=1, name="Community engagement").is_visible()
    assert page.locator(".lead").is_visible()
    pages = re.findall(rb"/Type\s*/Page\b(?!s)", page.pdf(format="A4"))
    assert len(pages) == 1


@pytest.mark.parametrize("path", ["/en/where-we-work/", "/en/where-we-work/siem-reap/"])
def test_offices_make_no_third_party_request_before_consent(visitor, path):
    visitor.go(path)
    assert visitor.third_party_requests() == []
    assert visitor.page.locator("iframe").count() == 0


def test_office_street_map_loads_after_consent(visitor):
    visitor.context.route(
        "https://www.openstreetmap.org/**", lambda r: r.fulfill(body="<p>map</p>", content_type="text/html")
    )
    visitor.go("/en/where-we-work/siem-reap/")
    assert visitor.page.get_by_role("link", name="Open the map on OpenStreetMap").is_visible()
    visitor.page.get_by_role("button", name="Allow external media").click()
    visitor.page.locator("iframe[title='Street map of Siem Reap']").wait_for()


def test_overview_map_links_each_office(visitor):
    visitor.go("/en/where-we-work/")
    visitor.page.locator("svg a", has_text="Sihanoukville").click()
    assert visitor.page.url.endswith("/en/where-we-work/sihanoukville/")


def test_a_donor_goes_from_home_to_a_program_and_its_call_to_action(visitor):
    set_donate_address()
    make_the_seeded_strategy_current()
    giving = GivingSettings.for_site(Site.objects.get(is_default_site=True))
    giving.donation_links = [("link", {"provider": "GlobalGiving", "url": "https://give.example.org/aple"})]
    giving.save()
    page = visitor.page
    visitor.go("/en/")
    page.get_by_role("main").get_by_role("link", name="Our work").click()
    page.get_by_role("link", name="Community engagement").click()
    assert "anonymously" in page.locator(".lead").inner_text()
    page.get_by_role("region", name="Support this program").get_by_role("link", name="Ways to give").click()
    page.wait_for_url("**/en/ways-to-give/")
    give = page.get_by_role("link", name="Give once with GlobalGiving")
    assert give.get_attribute("href") == "https://give.example.org/aple"
    assert visitor.third_party_requests() == []


def test_a_donor_on_a_program_of_an_ended_strategy_is_told_so_and_not_asked_for_money(visitor):
    set_donate_address()
    visitor.go("/en/our-work/strategy-2016-2020/community-engagement/")
    page = visitor.page
    notice = page.get_by_role("note")
    assert "This strategy ran from 2016 to 2020 and has ended." in notice.inner_text()
    assert page.get_by_role("region", name="Support this program").count() == 0


def test_an_editor_submits_an_event_and_a_moderator_publishes_it(visitor_factory):
    for name in ("Editors", "Moderators"):
        user = User.objects.create_user(name.lower()[:-1], password="a-long-test-password")
        user.groups.add(Group.objects.get(name=name))
    editor = visitor_factory()
    log_in(editor, "editor")
    history = english(Page, slug="history")
    editor.go(f"/admin/pages/add/history/timelineeventpage/{history.pk}/")
    form = editor.page
    form.fill("#id_title", "Child protection award")
    form.fill("#id_year", "2018")
    form.select_option("#id_category", "recognition")
    form.fill("#id_summary", "APLE receives an award.")
    form.get_by_role("button", name="More actions").click()
    form.get_by_role("button", name="Submit to Moderators approval").click()
    form.wait_for_url("**/admin/pages/**")
    event = TimelineEventPage.objects.get(title="Child protection award")
    assert not event.live
    # (?page=all: the whole timeline, as the new event goes on its last page)
    assert "Child protection award" not in editor.go("/en/history/?page=all").text()

    moderator = visitor_factory()
    log_in(moderator, "moderator")
    moderator.go(f"/admin/pages/{event.pk}/edit/")
    moderator.page.get_by_role("button", name="More actions").click()
    with moderator.page.expect_navigation():
        moderator.page.get_by_role("button", name="Approve and Publish", exact=True).click()
    event.refresh_from_db()
    assert event.live
    assert "Child protection award" in moderator.go("/en/history/?page=all").text()


def log_in(visitor, username):
    visitor.go("/admin/login/")
    visitor.page.fill("#id_username", username)
    visitor.page.fill("#id_password", "a-long-test-password")
    visitor.page.get_by_role("button", name="Sign in").click()
    visitor.page.wait_for_url("**/admin/")
