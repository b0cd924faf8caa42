"""The news section's seed (run by aple_site/loader): its index page only; the words are in en.py and km.py."""

from aple_site.loader.seeding import upsert_page

from ..models import NewsIndexPage
from . import en
from .km import PAGES as KHMER_PAGES

__all__ = ["KHMER_PAGES", "seed_pages"]


def seed_pages(home, report):
    upsert_page(home, NewsIndexPage, "news", en.NEWS, report)
