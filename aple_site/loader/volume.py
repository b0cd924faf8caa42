"""More of the same content, for measuring: copies of every event, partner, MoU, office and program with their
links, in both languages. Used by the query-budget test and `make bench`; never by the site itself."""

from history.models import MoUPage, PartnerPage, TimelineEventPage
from offices.models import OfficePage
from programs.models import ProgramPage

MULTIPLIED = (TimelineEventPage, PartnerPage, MoUPage, OfficePage, ProgramPage)


def multiply_content(scale):
    """Copy each original page (scale - 1) times under its own parent. Safe to run again: copies that exist
    are not made twice, and copies are never copied."""
    for model in MULTIPLIED:
        for page in list(model.objects.filter(slug__regex=r"^[a-z0-9-]+[a-z]$")):
            parent = page.get_parent()
            for n in range(2, scale + 1):
                slug = f"{page.slug}-{n}"
                if not model.objects.child_of(parent).filter(slug=slug).exists():
                    page.copy(to=parent, update_attrs={"slug": slug, "title": f"{page.title} ({n})"}, log_action=None)
