"""The 'Get help' section's seed (run by aple_site/loader): its index, Report abuse, Seek help, Staying safe online
and Contact; the words are in en.py and km.py."""

from aple_site.loader.seeding import child, upsert_page

from ..access import ensure_hotline_groups
from ..models import ContactPage, HelpIndexPage, HelpPage, ReportAbusePage
from . import en
from .km import PAGES as KHMER_PAGES

__all__ = ["KHMER_PAGES", "seed_groups", "seed_pages", "seed_section"]


def seed_section(home, report):
    upsert_page(home, HelpIndexPage, "get-help", en.INDEX, report)


def seed_pages(home, report):
    index = child(home, HelpIndexPage, "get-help")
    upsert_page(index, ReportAbusePage, "report-abuse", en.REPORT, report)
    upsert_page(index, HelpPage, "seek-help", en.SEEK_HELP, report)
    upsert_page(index, HelpPage, "staying-safe-online", en.STAYING_SAFE, report)
    upsert_page(index, ContactPage, "contact", en.CONTACT, report)


def seed_groups(home, report):
    ensure_hotline_groups()
