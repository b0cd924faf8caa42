"""The programs section's seed (run by aple_site/loader): its index, the 2016–2020 strategy and its programs; the
words are in en.py and km.py."""

from aple_site.loader.seeding import child, upsert_page

from ..models import ProgramIndexPage, ProgramPage, StrategyPage
from . import en
from .km import PAGES as KHMER_PAGES

__all__ = ["KHMER_PAGES", "seed_pages", "seed_section"]


def seed_section(home, report):
    upsert_page(home, ProgramIndexPage, "our-work", en.INDEX, report)


def seed_pages(home, report):
    index = child(home, ProgramIndexPage, "our-work")
    strategy = upsert_page(index, StrategyPage, "strategy-2016-2020", en.STRATEGY, report)
    # The source does not say which office runs which program, so programs name no offices.
    for slug, fields in en.PROGRAMS.items():
        upsert_page(strategy, ProgramPage, slug, fields, report)
