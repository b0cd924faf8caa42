"""The giving app's seed (run by aple_site/loader): 'Ways to give' and its empty settings; the words are in en.py
and km.py."""

from wagtail.models import Site

from aple_site.loader.seeding import upsert_page

from ..models import GivingSettings, WaysToGivePage
from . import en
from .km import PAGES as KHMER_PAGES

__all__ = ["KHMER_PAGES", "seed_pages", "seed_settings"]


def seed_pages(home, report):
    upsert_page(home, WaysToGivePage, "ways-to-give", en.WAYS_TO_GIVE, report)


def seed_settings(home, report):
    """The settings row, empty: created now, so that the first visitor's request does not create it."""
    GivingSettings.for_site(Site.objects.get(is_default_site=True))
