"""The home page in real Chromium: accessibility, keyboard use, phone layout, no third parties."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_home_page_has_no_axe_violations(visitor_factory, viewport):
    visitor = visitor_factory(viewport=viewport)
    assert visitor.go("/en/").status == 200
    assert visitor.axe_violations() == []


def test_home_page_makes_no_third_party_request(visitor):
    visitor.go("/en/")
    assert visitor.third_party_requests() == []


def test_phone_layout_does_not_scroll_sideways(phone_visitor):
    phone_visitor.go("/en/")
    width = phone_visitor.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]


def test_keyboard_reaches_skip_link_then_navigation(visitor):
    page = visitor.page
    visitor.go("/en/")
    page.get_by_role("button", name="Reject all").click()  # a returning visitor: no banner in the way
    page.wait_for_timeout(300)
    visitor.go("/en/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert skip.bounding_box()["y"] >= 0  # visible once focused
    focused = []
    for _ in range(11):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.innerText.replace(/\\s+/g, ' ').trim()"))
    # Help first: "Report abuse" and the hotline, before anything else on every page; then the other language.
    assert focused[:3] == ["Report abuse", "24/7 hotline to report child abuse 092 311 511", "ខ្មែរ"]
    assert focused[3].endswith("APLE, Action Pour Les Enfants: home page")  # the logo link home
    assert focused[4:] == [
        "About APLE",
        "Our history",
        "Where we work",
        "Our work",
        "Our partners",
        "Get help",
        "Search the site",  # the search button, which opens the search form
    ]


def test_skip_link_moves_focus_to_main_content(visitor):
    page = visitor.page
    visitor.go("/en/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_focus_is_always_visible(visitor):
    page = visitor.page
    visitor.go("/en/")
    for _ in range(10):
        page.keyboard.press("Tab")
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", page.evaluate("document.activeElement.outerHTML")


def test_pathway_cards_lead_to_their_sections(visitor):
    visitor.go("/en/")
    visitor.page.get_by_role("link", name="Our history").last.click()
    assert visitor.page.url.endswith("/en/history/")
    assert visitor.page.locator("h1").inner_text() == "Our history"


def test_back_to_top_works_without_javascript(visitor_factory):
    visitor = visitor_factory(viewport=PHONE, javascript=False)
    page = visitor.page
    visitor.go("/en/")
    page.locator(".back-to-top").scroll_into_view_if_needed()
    assert page.evaluate("window.scrollY") > 0
    page.locator(".back-to-top").click()
    assert page.url.endswith("#top")
    for _ in range(50):  # smooth scrolling takes a moment; wait_for_function needs JavaScript
        if page.evaluate("window.scrollY") == 0:
            break
        page.wait_for_timeout(100)
    assert page.evaluate("window.scrollY") == 0
