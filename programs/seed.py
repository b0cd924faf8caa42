"""Seed content for the programs section."""

from aple_site.seeding import upsert_page

from .models import ProgramIndexPage

INDEX = {
    "title": "Our work",
    "intro": (
        "APLE tackles child sexual abuse and exploitation from several sides at once: justice, the courts, "
        "communities, and research and advocacy."
    ),
    "listing_summary": "The programs through which APLE protects children, and how donors can support them.",
    "show_in_menus": True,
}


def seed(home, report):
    return upsert_page(home, ProgramIndexPage, "our-work", INDEX, report)
