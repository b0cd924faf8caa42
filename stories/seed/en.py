"""English seed content of 'Case stories': the section page only.

The sources hold no story, and none is invented: the section starts empty, stays out of the menu until a story is
published (SectionIndexPage.shown_when_empty) and says so plainly when visited. Stories need the 'Story approval'
workflow and the Safeguarding group (aple_site/loader/editors.py), which this app's seed sets up."""

STORIES = {
    "title": "Case stories",
    "intro": (
        "What APLE's work has meant for children and families, told with their consent. Names and details are "
        "changed to protect each child."
    ),
    "listing_summary": "Stories of children and families APLE has worked with, told with their consent.",
    "show_in_menus": True,
}
