"""The cookie banner and consent gating in real Chromium."""

from django.test import Client

import pytest
from cookie_consent.models import Cookie, CookieGroup
from playwright.sync_api import expect

from aple_site.models import StandardPage
from tests.browser.conftest import DESKTOP, PHONE, wait_until

ANALYTICS_URL = "https://stats.example.org/matomo.js"
# Stands in for Matomo: records that it ran and sets a cookie the way Matomo does.
FAKE_MATOMO = "window.__analyticsRan = true; document.cookie = '_pk_id.1.abcd=visitor; path=/';"
NECESSARY = {"csrftoken", "cookie_consent", "sessionid"}


@pytest.fixture
def analytics(settings):
    settings.ANALYTICS_SCRIPT_URL = ANALYTICS_URL
    settings.ANALYTICS_SITE_ID = "1"


@pytest.fixture
def make_visitor(visitor_factory, analytics):
    """A visitor whose browser answers the (fake) third parties itself, so nothing leaves this machine."""

    def make(**kwargs):
        visitor = visitor_factory(**kwargs)
        visitor.context.route(
            "https://stats.example.org/**", lambda r: r.fulfill(body=FAKE_MATOMO, content_type="text/javascript")
        )
        visitor.context.route(
            "https://www.openstreetmap.org/**", lambda r: r.fulfill(body="<p>map</p>", content_type="text/html")
        )
        return visitor

    return make


@pytest.fixture
def page_with_map():
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    about.body = [
        (
            "external_media",
            {
                "title": "Map of Phnom Penh",
                "embed_url": "https://www.openstreetmap.org/export/embed.html?bbox=104.8,11.5,105.0,11.6",
                "link_url": "https://www.openstreetmap.org/#map=13/11.55/104.92",
            },
        )
    ]
    about.save_revision().publish()
    return "/en/about/"


def banner(visitor):
    return visitor.page.get_by_role("region", name="Your privacy choices")


def banner_drawn(visitor):
    """The banner once consent.js has drawn it: after the status request, the cookie bar module loads and renders,
    which on a busy machine can come more than the settle's quiet period after the last request."""
    banner(visitor).wait_for(timeout=10_000)
    return banner(visitor)


def analytics_requests(visitor):
    return [url for url in visitor.requests if url.startswith("https://stats.example.org")]


def test_first_visit_shows_banner_sets_only_necessary_cookies_and_stays_on_site(make_visitor):
    visitor = make_visitor()
    visitor.go("/en/")
    assert banner_drawn(visitor).is_visible()
    assert set(visitor.cookie_names()) <= NECESSARY
    assert visitor.third_party_requests() == []


def test_reject_all(make_visitor):
    visitor = make_visitor()
    visitor.go("/en/")
    visitor.page.get_by_role("button", name="Reject all").click()
    assert banner(visitor).count() == 0
    assert visitor.page.evaluate("document.activeElement.id") == "main"
    visitor.page.wait_for_timeout(300)  # the choice is saved in the background
    visitor.go("/en/")
    assert banner(visitor).count() == 0
    assert analytics_requests(visitor) == []
    assert set(visitor.cookie_names()) <= NECESSARY


def test_accept_all_loads_analytics(make_visitor):
    visitor = make_visitor()
    visitor.go("/en/")
    # The choice is stored by the answer to its POST: wait for it before leaving, as a person's next click would.
    with visitor.page.expect_response(lambda response: "/cookies/accept" in response.url):
        visitor.page.get_by_role("button", name="Accept all").click()
    wait_until(visitor.page, "window.__analyticsRan === true")
    visitor.go("/en/history/")
    assert banner(visitor).count() == 0
    wait_until(visitor.page, "window.__analyticsRan === true")
    assert len(analytics_requests(visitor)) == 2


def test_choose_allows_only_the_chosen_group(make_visitor, page_with_map):
    visitor = make_visitor()
    visitor.go(page_with_map)
    assert visitor.page.locator("iframe").count() == 0
    assert visitor.page.get_by_role("link", name="Open it on the provider’s website").is_visible()
    visitor.page.get_by_role("button", name="Choose").click()
    visitor.page.get_by_role("switch", name="External media").check()
    visitor.page.get_by_role("button", name="Save my choices").click()
    visitor.page.locator("iframe[title='Map of Phnom Penh']").wait_for()
    visitor.go(page_with_map)
    visitor.page.locator("iframe[title='Map of Phnom Penh']").wait_for()
    assert banner(visitor).count() == 0
    assert analytics_requests(visitor) == []
    assert not visitor.page.evaluate("window.__analyticsRan === true")


def test_placeholder_button_allows_external_media(make_visitor, page_with_map):
    visitor = make_visitor()
    visitor.go(page_with_map)
    visitor.page.get_by_role("button", name="Allow external media").click()
    visitor.page.locator("iframe[title='Map of Phnom Penh']").wait_for()
    assert analytics_requests(visitor) == []


def test_without_javascript_the_map_offers_a_link_and_no_dead_button(make_visitor, page_with_map):
    visitor = make_visitor(javascript=False)
    visitor.go(page_with_map)
    assert visitor.page.get_by_role("button", name="Allow external media").count() == 0  # not shown: it needs JS
    assert visitor.page.get_by_role("link", name="Change your cookie settings").is_visible()
    assert visitor.page.get_by_role("link", name="Open it on the provider’s website").is_visible()


def test_cookie_settings_falls_back_to_the_preferences_page_when_the_status_request_fails(make_visitor):
    visitor = make_visitor()
    visitor.go("/en/")
    visitor.page.route("**/cookies/status/", lambda route: route.fulfill(status=500, body="Server Error"))
    with visitor.page.expect_navigation():
        visitor.page.get_by_role("contentinfo").get_by_role("link", name="Cookie settings").click()
    assert visitor.page.url.endswith("/en/cookies/preferences/")
    assert visitor.page.get_by_role("heading", level=1).inner_text() == "Cookie settings"


def test_withdraw_through_the_footer_link(make_visitor):
    visitor = make_visitor()
    visitor.go("/en/")
    visitor.page.get_by_role("button", name="Accept all").click()
    wait_until(visitor.page, "document.cookie.includes('_pk_id.1.abcd')")
    visitor.page.get_by_role("link", name="Cookie settings").click()
    statistics = visitor.page.get_by_role("switch", name="Statistics")
    # The banner reopens once the page has asked for the visitor's choices, and sets its switches from the
    # answer: read at once, the switch could still be unset (a failure seen once in CI).
    expect(statistics).to_be_checked()
    statistics.uncheck()
    with visitor.page.expect_navigation():  # withdrawing reloads the page so the script stops
        visitor.page.get_by_role("button", name="Save my choices").click()
    visitor.settle()
    requests_before = len(analytics_requests(visitor))
    visitor.go("/en/")
    assert "_pk_id.1.abcd" not in visitor.cookie_names()
    assert len(analytics_requests(visitor)) == requests_before
    assert banner(visitor).count() == 0


def test_no_javascript_choices_work_as_plain_forms(make_visitor, browser, site_url):
    visitor = make_visitor(javascript=False)
    visitor.go("/en/")
    assert banner(visitor).count() == 0  # the banner needs JavaScript; nothing optional runs without it
    visitor.page.get_by_role("link", name="Cookie settings").click()
    visitor.page.get_by_role("button", name="Reject all").click()
    assert visitor.page.get_by_role("status").inner_text() == "Your choices are saved."
    assert visitor.page.get_by_role("radio", name="Off").first.is_checked()
    visitor.page.get_by_role("group", name="Statistics").get_by_role("radio", name="On").check()
    visitor.page.get_by_role("button", name="Save my choices").click()
    cookies = visitor.context.cookies()
    # The same cookies in a browser with JavaScript: every group is decided, so no banner; analytics runs.
    js_visitor = make_visitor()
    js_visitor.context.add_cookies(cookies)
    js_visitor.go("/en/")
    wait_until(js_visitor.page, "window.__analyticsRan === true")
    assert banner(js_visitor).count() == 0


def test_banner_returns_when_a_group_gains_a_cookie(make_visitor):
    visitor = make_visitor()
    visitor.go("/en/")
    visitor.page.get_by_role("button", name="Accept all").click()
    visitor.page.wait_for_timeout(300)
    visitor.go("/en/")
    assert banner(visitor).count() == 0
    Cookie.objects.create(
        cookiegroup=CookieGroup.objects.get(varname="analytics"), name="_pk_ref", description="Referrer."
    )
    visitor.go("/en/")
    assert banner_drawn(visitor).is_visible()


def test_gated_snippet_on_a_cached_page_behaves_per_visitor(make_visitor, page_with_map):
    cached_html = Client().get(page_with_map).content  # one copy of the page, served to both visitors
    accepted, undecided = make_visitor(), make_visitor()
    accepted.go("/en/")
    accepted.page.get_by_role("button", name="Accept all").click()
    accepted.page.wait_for_timeout(300)
    for visitor in (accepted, undecided):
        visitor.page.route(
            f"**{page_with_map}", lambda route: route.fulfill(body=cached_html, content_type="text/html")
        )
        visitor.go(page_with_map)
    accepted.page.locator("iframe[title='Map of Phnom Penh']").wait_for()
    assert undecided.page.locator("iframe").count() == 0
    assert not [u for u in undecided.requests if "openstreetmap" in u]


def test_keyboard_can_choose_without_a_trap(make_visitor):
    visitor = make_visitor()
    page = visitor.page
    visitor.go("/en/")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # the help bar: "Report abuse"
    page.keyboard.press("Tab")  # the help bar: the hotline
    page.keyboard.press("Tab")  # the help bar: the other language
    page.keyboard.press("Tab")  # the banner's policy link
    assert page.evaluate("document.activeElement.closest('[data-cookie-banner]') !== null")
    for _ in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Choose"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "cc-analytics"
    page.keyboard.press("Space")
    assert page.get_by_role("switch", name="Statistics").is_checked()
    # The other switch, "Save my choices", Accept all, Reject all, Choose: then out of the banner.
    for _ in range(6):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.site-header') !== null")  # no focus trap


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_banner_open_has_no_axe_violations(make_visitor, viewport):
    visitor = make_visitor(viewport=viewport)
    visitor.go("/en/")
    assert visitor.axe_violations() == []
    visitor.page.get_by_role("button", name="Choose").click()
    assert visitor.axe_violations() == []


@pytest.mark.parametrize("path", ["/en/cookie-policy/", "/en/cookies/preferences/"])
def test_consent_pages_have_no_axe_violations(make_visitor, path):
    visitor = make_visitor(viewport=PHONE)
    visitor.go(path)
    assert visitor.axe_violations() == []


def test_banner_leaves_the_page_title_visible_on_a_phone(make_visitor):
    """A sheet over the bottom third of the screen at most: the page's title and the hotline stay in view."""
    visitor = make_visitor(viewport=PHONE)
    visitor.go("/en/")
    box = banner(visitor).bounding_box()
    title = visitor.page.locator("h1").bounding_box()
    assert box["y"] + box["height"] == PHONE["height"]  # on the bottom edge of the screen
    assert box["height"] <= 0.35 * PHONE["height"]
    assert title["y"] + title["height"] <= box["y"]
    assert visitor.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
