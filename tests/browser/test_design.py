"""The design as a visitor meets it, in real Chromium: a first visit to every page type moves nothing (the
cookie banner and the Khmer font included), fits the screen, has no accessibility violations and starts its
outline at the page's <h1>; the header is one row on a desktop and one collapsed bar on a phone, with and
without JavaScript, in both languages."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, wait_until
from tests.browser.test_content_pages import every_page_type, set_donate_address

SMALL_PHONE = {"width": 320, "height": 568}
# Beyond a page of each type: the help pages, the 404 page and a search that finds nothing.
OTHER_PAGES = ["get-help/", "get-help/report-abuse/", "get-help/contact/", "no-such-page/", "search/?q=zyxwvut"]
# Sums the layout shifts that no input caused, from the first paint on (the buffered entries included).
# What moved is kept too, so that a failure says which element shifted and when.
MEASURE_LAYOUT_SHIFT = """
    window.__layoutShift = 0;
    window.__shifted = [];
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
            if (entry.hadRecentInput) continue;
            window.__layoutShift += entry.value;
            for (const source of entry.sources || []) {
                const node = source.node;
                window.__shifted.push(`${Math.round(entry.startTime)} ms: ${node ? node.nodeName + (node.className ? "." + node.className : "") : "?"}`);
            }
        }
    }).observe({type: "layout-shift", buffered: true});
"""


# A slow phone or laptop, as a multiple of this machine's time. Chromium paints while it still reads the page: on
# a slow device a first paint can come when the header or the text is half read, so whatever the rest of the page
# would move shows as a layout shift here. (It did, now and then: the desktop menu growing as its links were read,
# and on phones a panel that the text read after it pushed down.)
SLOW_DEVICE = 6


def paths(language):
    return every_page_type(language) + [f"/{language}/{path}" for path in OTHER_PAGES]


def slow_down(cdp, rate):
    """Run the page's main thread `rate` times slower than this machine (Chromium's CPU throttling)."""
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})


@pytest.mark.parametrize("language", ["en", "km"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_first_visit_to_every_page_type_is_steady_fits_and_is_accessible(visitor_factory, viewport, language):
    # A first visit to each page, as the site sees it: no cookies (so no consent: the banner shows) and nothing in
    # the browser's HTTP cache, both wiped before every page. One tab serves them all, which is less than half the
    # time of a new browser profile per page.
    visitor = visitor_factory(viewport)
    visitor.context.add_init_script(MEASURE_LAYOUT_SHIFT)
    page = visitor.page
    cdp = visitor.context.new_cdp_session(page)
    found = {}
    for path in paths(language):
        visitor.context.clear_cookies()
        cdp.send("Network.clearBrowserCache")
        slow_down(cdp, SLOW_DEVICE)
        visitor.go(path)
        banner = page.locator("[data-cookie-banner]")
        if "/get-help/" in path:  # help pages never ask for consent: the banner would cover the numbers
            page.wait_for_timeout(50)
            assert banner.count() == 0, path  # (go() waited for consent.js's status request)
            box = {"height": 0}
        else:
            banner.wait_for()
            page.wait_for_timeout(50)  # layout shifts are reported after the frame that drew them
            box = banner.bounding_box()
        problems = {
            "layout shift": round(page.evaluate("window.__layoutShift"), 4),
            "page width": page.evaluate("document.documentElement.scrollWidth"),
            "banner height": box["height"],
            "first heading": page.evaluate("document.querySelector('h1, h2, h3, h4, h5, h6').tagName"),
        }
        slow_down(cdp, 1)  # axe at full speed: what it finds does not depend on the device's speed
        problems["axe"] = visitor.axe_violations()
        expected = {
            "layout shift": 0.01,
            "page width": viewport["width"],
            "banner height": 0.35 * viewport["height"],
        }
        failing = {k: v for k, v in problems.items() if k in expected and v > expected[k]}
        if "layout shift" in failing:
            failing["what moved"] = page.evaluate("window.__shifted")
        if problems["first heading"] != "H1":
            failing["first heading"] = problems["first heading"]
        if problems["axe"]:
            failing["axe"] = problems["axe"]
        if failing:
            found[path] = failing
    assert found == {}


@pytest.mark.parametrize("language", ["en", "km"])
def test_no_page_scrolls_sideways_on_a_320_px_phone(visitor_factory, language):
    visitor = visitor_factory(viewport=SMALL_PHONE)
    wide = {}
    for path in paths(language):
        visitor.page.goto(visitor.base_url + path, wait_until="load")
        if (width := visitor.page.evaluate("document.documentElement.scrollWidth")) > SMALL_PHONE["width"]:
            wide[path] = width
    assert wide == {}


def header_row(page):
    """The tops and bottoms of what the header bar shows, and the header's height."""
    return page.evaluate(
        """() => {
            const header = document.querySelector('.site-header');
            const shown = [...header.querySelectorAll('.brand, .main-nav a, .header-search__toggle, .menu__toggle, .button--donate')]
                .filter((el) => el.checkVisibility());
            return {height: header.getBoundingClientRect().height,
                    rows: new Set(shown.map((el) => Math.round(el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2))).size,
                    labels: shown.map((el) => el.textContent.trim())};
        }"""
    )


@pytest.mark.parametrize("language", ["en", "km"])
@pytest.mark.parametrize("width", [1024, 1280])
def test_the_desktop_header_is_one_row_with_search_and_donate(visitor_factory, language, width):
    set_donate_address()
    visitor = visitor_factory(viewport={"width": width, "height": 800})
    visitor.go(f"/{language}/history/")
    row = header_row(visitor.page)
    assert row["rows"] == 1, row  # every item's middle on one line
    assert row["height"] <= 80, row
    page = visitor.page
    assert page.locator(".menu__toggle").is_hidden()  # the menu is shown, not behind a button
    assert page.locator(".main-nav a").count() >= 6
    # The search is one compact control that opens a form.
    assert page.locator("#header-search").is_hidden()
    page.locator(".header-search__toggle").click()
    wait_until(page, "document.activeElement.id === 'header-search'")  # the field takes the focus
    page.keyboard.press("Escape")  # closes it, and the button has the focus again
    assert page.locator("#header-search").is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('header-search__toggle')")
    page.keyboard.press("Enter")  # the keyboard opens it too
    wait_until(page, "document.activeElement.id === 'header-search'")
    page.keyboard.type("court")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=court")


@pytest.mark.parametrize("language", ["en", "km"])
@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_the_phone_header_is_one_collapsed_bar_whose_menu_opens(visitor_factory, language, javascript):
    set_donate_address()
    visitor = visitor_factory(viewport=PHONE, javascript=javascript)
    page = visitor.page
    page.goto(visitor.base_url + f"/{language}/", wait_until="load")
    row = header_row(page)
    assert row["height"] <= 72 and row["rows"] == 1, row
    assert page.locator(".button--donate").is_visible()  # donating is one tap away, menu closed
    history = page.locator(".main-nav a[href$='/history/']")
    assert history.is_hidden()
    page.locator(".menu__toggle").click()
    assert history.is_visible()
    assert page.locator("#header-search").is_visible()  # the search form is in the open menu
    history.click()
    page.wait_for_url(f"**/{language}/history/")


def test_agreement_and_partner_cards_are_one_component(visitor):
    sizes = {}
    for path in ("/en/agreements/", "/en/partners/"):
        visitor.page.goto(visitor.base_url + path, wait_until="load")
        sizes[path] = visitor.page.evaluate("getComputedStyle(document.querySelector('.card .card__title')).fontSize")
    assert len(set(sizes.values())) == 1, sizes


def test_english_pages_fetch_no_khmer_font_but_the_switchers_word(visitor):
    visitor.go("/en/about/")
    fonts = [url.rsplit("/", 1)[-1] for url in visitor.requests if url.endswith(".woff2")]
    assert fonts == ["khmer-label.woff2"]
    # …and the word is drawn with it, not with a fallback (tofu on a machine without a Khmer font).
    assert visitor.page.evaluate("document.fonts.check('700 16px \"APLE Khmer Label\"', 'ខ្មែរ')")


def test_khmer_pages_preload_the_khmer_font(visitor):
    visitor.go("/km/")
    preloads = visitor.page.evaluate(
        "[...document.querySelectorAll('link[rel=preload][as=font]')].map((l) => l.href.split('/').pop())"
    )
    assert any("noto-sans-khmer" in name for name in preloads), preloads
