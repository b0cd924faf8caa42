"""Seed content for donors: 'Ways to give', 'Reports and publications' and 'Transparency'.

The sources give no amounts, provider addresses, bank details, reports or figures, so none is seeded: the
donation rows, the bank transfer settings and the library start empty and the pages hide them. The one fact
seeded is from APLE's own history: founded in Phnom Penh in 2003, registered as a local NGO in 2014."""

from giving.models import GivingSettings, WaysToGivePage
from publications.models import PublicationIndexPage, TransparencyPage

from .seeding import upsert_page

WAYS_TO_GIVE = {
    "title": "Ways to give",
    "intro": (
        "A gift supports APLE's work against child sexual abuse and exploitation in Cambodia: helping the justice "
        "system respond, standing by children and their families through court cases, and helping communities "
        "prevent abuse and report it."
    ),
    "listing_summary": "How to support APLE's work for children in Cambodia.",
    "show_in_menus": False,
}

PUBLICATIONS = {
    "title": "Reports and publications",
    "intro": "APLE's annual and impact reports, financial statements, research and guides, to read and download.",
    "listing_summary": "APLE's reports, financial statements, research and guides.",
    "show_in_menus": False,
}

TRANSPARENCY = {
    "title": "Transparency",
    "intro": "How APLE is registered and governed, and where to read its financial statements.",
    "registration": (
        "<p>APLE was founded in Phnom Penh in 2003 as a child-rights NGO. In 2014 it registered as a local "
        "Cambodian NGO, to reflect its Cambodian character.</p>"
    ),
    "listing_summary": "How APLE is registered and governed, and its financial statements.",
    "show_in_menus": False,
}


def seed_giving_settings(site):
    """The settings row, empty: created now, so that the first visitor's request does not create it."""
    GivingSettings.for_site(site)


def seed_pages(home, report):
    upsert_page(home, PublicationIndexPage, "publications", PUBLICATIONS, report)
    upsert_page(home, TransparencyPage, "transparency", TRANSPARENCY, report)
    upsert_page(home, WaysToGivePage, "ways-to-give", WAYS_TO_GIVE, report)
