"""Seed content for the history section."""

from aple_site.seeding import upsert_page

from .models import HistoryIndexPage

INDEX = {
    "title": "Our history",
    "intro": (
        "APLE started in 2003 as a small team in Phnom Penh helping the police with investigations. "
        "This is how it grew into an organisation working across Cambodia."
    ),
    "listing_summary": "How APLE grew from one team in Phnom Penh into a national child-protection organisation.",
    "show_in_menus": True,
}


def seed(home, report):
    return upsert_page(home, HistoryIndexPage, "history", INDEX, report)
