"""The offices section's seed (run by aple_site/loader): its index and an office page per town; the words are in
en.py and km.py."""

from aple_site.loader.seeding import child, upsert_page

from ..models import OfficeIndexPage, OfficePage
from . import en
from .km import PAGES as KHMER_PAGES

__all__ = ["KHMER_PAGES", "seed_pages", "seed_section"]


def seed_section(home, report):
    upsert_page(home, OfficeIndexPage, "where-we-work", en.INDEX, report)


def seed_pages(home, report):
    index = child(home, OfficeIndexPage, "where-we-work")
    for slug, fields in en.OFFICES.items():
        upsert_page(index, OfficePage, slug, fields, report)
