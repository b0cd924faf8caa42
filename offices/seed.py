"""Seed content for the offices section."""

from aple_site.seeding import upsert_page

from .models import OfficeIndexPage

INDEX = {
    "title": "Where we work",
    "intro": "APLE has teams in Phnom Penh, Sihanoukville and Siem Reap. Each office opened for a reason.",
    "listing_summary": "APLE's offices in Phnom Penh, Sihanoukville and Siem Reap.",
    "show_in_menus": True,
}


def seed(home, report):
    return upsert_page(home, OfficeIndexPage, "where-we-work", INDEX, report)
