"""English seed content of 'News': the section page only.

No news item is seeded, and none is invented: the section starts empty, stays out of the menu until an item is
published (SectionIndexPage.shown_when_empty) and says so plainly when visited."""

NEWS = {
    "title": "News",
    "intro": "News from APLE's work against child sexual abuse and exploitation in Cambodia.",
    "listing_summary": "News from APLE.",
    "show_in_menus": True,
}
