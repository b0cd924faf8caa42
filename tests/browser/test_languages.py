"""English and Khmer in real Chromium: the language switcher round trip, Khmer set in the self-hosted font
with no glyph left to a fallback (tofu), and no request to a font service."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE


def platform_fonts(page, selector):
    """{font family: glyphs} Chromium actually used to draw the text of `selector` (DevTools protocol)."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {font["familyName"]: font["glyphCount"] for font in fonts}, {
        font["familyName"]: font["isCustomFont"] for font in fonts
    }


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_switcher_round_trip_keeps_the_page(visitor_factory, viewport):
    visitor = visitor_factory(viewport=viewport)
    page = visitor.page
    visitor.go("/en/where-we-work/sihanoukville/")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.get_by_role("navigation", name="Language").get_by_role("link", name="ខ្មែរ").click()
    page.wait_for_url("**/km/where-we-work/sihanoukville/")
    assert page.evaluate("document.documentElement.lang") == "km"
    assert page.get_by_role("heading", level=1).inner_text() == "ក្រុងព្រះសីហនុ"
    page.get_by_role("navigation", name="ភាសា").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/where-we-work/sihanoukville/")
    assert page.get_by_role("heading", level=1).inner_text() == "Sihanoukville"


def test_switcher_works_from_the_keyboard(visitor):
    page = visitor.page
    visitor.go("/km/history/")
    link = page.get_by_role("navigation", name="ភាសា").get_by_role("link", name="English")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/history/")
    assert page.evaluate("document.documentElement.lang") == "en"


@pytest.mark.parametrize("path", ["/km/", "/km/history/", "/km/cookie-policy/"])
def test_khmer_is_drawn_with_the_self_hosted_font_and_no_fallback(visitor, path):
    page = visitor.page
    # The font is "optional" (static/css/site.css): a first visit slower than ~100 ms to fetch it keeps the
    # system's Khmer font for that one page rather than jump. From the next page on it always comes from the cache.
    visitor.go("/km/about/")
    visitor.go(path)
    page.evaluate("document.fonts.ready.then(() => true)")
    assert page.evaluate("document.fonts.check('16px \"APLE Khmer\"', 'កម្ពុជា')")
    # Texts in Khmer only (no spaces or Latin letters, which the system font draws): every glyph comes from
    # our web font, none fell back to a system font (on a machine without a Khmer font: tofu boxes).
    for selector in ("h1", ".main-nav li:nth-child(2) a", "#footer-contact"):
        glyphs, custom = platform_fonts(page, selector)
        assert glyphs and all(custom.values()), (path, selector, glyphs)
    fonts = [url for url in visitor.requests if url.endswith(".woff2")]
    assert fonts and all(url.startswith(visitor.base_url + "/static/fonts/") for url in fonts)
    assert visitor.third_party_requests() == []
