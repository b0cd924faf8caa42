"""The publications' seed (run by aple_site/loader): 'Reports and publications' and 'Transparency', under the home
page and out of the menu; the words are in en.py and km.py."""

from aple_site.loader.seeding import upsert_page

from ..models import PublicationIndexPage, TransparencyPage
from . import en
from .km import PAGES as KHMER_PAGES

__all__ = ["KHMER_PAGES", "seed_pages"]


def seed_pages(home, report):
    upsert_page(home, PublicationIndexPage, "publications", en.PUBLICATIONS, report)
    upsert_page(home, TransparencyPage, "transparency", en.TRANSPARENCY, report)
