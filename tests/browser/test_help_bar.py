"""The hotline is on the first screen of a 320 px phone on every page type, in both languages, with the cookie
banner of a first visit showing; and without JavaScript."""

import pytest

from scripts.bench import PATHS as BENCH_PATHS

SMALL_PHONE = {"width": 320, "height": 568}
# One page of every type (the benchmark's list: search, cookie settings and an error page included).
PATHS = [path for path in BENCH_PATHS if path.startswith("/en/")]


# Without JavaScript there is no banner, so the first screen has more room: a page of each layout is enough.
WITHOUT_JAVASCRIPT = [
    "/en/",
    "/en/history/",
    "/en/our-work/strategy-2016-2020/community-engagement/",
    "/en/no-such-page/",
]


@pytest.mark.parametrize("language", ["en", "km"])
@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_the_hotline_is_on_the_first_screen_of_a_small_phone(visitor_factory, javascript, language):
    visitor = visitor_factory(viewport=SMALL_PHONE, javascript=javascript)
    paths = PATHS if javascript else WITHOUT_JAVASCRIPT
    for path in (path.replace("/en/", f"/{language}/", 1) for path in paths):
        visitor.page.goto(visitor.base_url + path, wait_until="load")
        # A first visit, measured with the banner open (not on the preferences page, the banner's choices itself,
        # nor on help pages, which never show it).
        if javascript and "/cookies/preferences/" not in path and "/get-help/" not in path:
            visitor.page.locator("[data-cookie-banner]").wait_for()
        hotline = visitor.page.locator(".help-bar a[href^='tel:']")
        assert hotline.get_attribute("href") == "tel:+85592311511", path
        box = hotline.bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= SMALL_PHONE["height"], (path, box)
        assert box["height"] >= 24, path  # a finger-sized target
        visitor.page.context.clear_cookies()  # every page as a first visit, banner included
