"""Seed content for News and Case stories: the two section pages only.

The sources hold no news and no story, and none is invented: both sections start empty, stay out of the menu
until an item is published (SectionIndexPage.shown_when_empty) and say so plainly when visited. Stories then need
the 'Story approval' workflow and the Safeguarding group (loader/editors.py)."""

from news.models import NewsIndexPage
from stories.models import StoryIndexPage

from .seeding import upsert_page

NEWS = {
    "title": "News",
    "intro": "News from APLE's work against child sexual abuse and exploitation in Cambodia.",
    "listing_summary": "News from APLE.",
    "show_in_menus": True,
}

STORIES = {
    "title": "Case stories",
    "intro": (
        "What APLE's work has meant for children and families, told with their consent. Names and details are "
        "changed to protect each child."
    ),
    "listing_summary": "Stories of children and families APLE has worked with, told with their consent.",
    "show_in_menus": True,
}


def seed_pages(home, report):
    upsert_page(home, NewsIndexPage, "news", NEWS, report)
    upsert_page(home, StoryIndexPage, "stories", STORIES, report)


def story_sections():
    """Every stories section, in every language: each gets the 'Story approval' workflow."""
    return StoryIndexPage.objects.all()
