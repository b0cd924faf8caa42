"""The case stories section's seed (run by aple_site/loader): its index page, and the 'Story approval' workflow on
every stories section, in both languages; the words are in en.py and km.py."""

from aple_site.loader.editors import ensure_story_workflow
from aple_site.loader.seeding import upsert_page

from ..models import StoryIndexPage
from . import en
from .km import PAGES as KHMER_PAGES

__all__ = ["KHMER_PAGES", "seed_pages", "seed_workflow"]


def seed_pages(home, report):
    upsert_page(home, StoryIndexPage, "stories", en.STORIES, report)


def seed_workflow(home, report):
    """After the translations: the Khmer stories section gets the workflow too (it is a translation, not a child
    of the English one)."""
    ensure_story_workflow(StoryIndexPage.objects.all())
