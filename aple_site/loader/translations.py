"""Khmer versions of the seed pages (loader/*_km.py): created in tree order (a parent before its children), with
the same rules as the English seed (an editor's changes are never overwritten)."""

from wagtail.models import Locale

from . import donors_km, get_help_km, history_km, news_and_stories_km, offices_km, programs_km, site_km
from .seeding import home_page, translate_page

KHMER_PAGES = {
    **site_km.PAGES,
    **history_km.PAGES,
    **offices_km.PAGES,
    **programs_km.PAGES,
    **get_help_km.PAGES,
    **donors_km.PAGES,
    **news_and_stories_km.PAGES,
}


def seed_khmer_pages(report):
    """Translate every seeded English page that has a Khmer text; returns the Khmer home page."""
    home = home_page()
    khmer = Locale.objects.get(language_code="km")
    khmer_home = None
    for page in home.get_descendants(inclusive=True).specific().order_by("path"):
        fields = KHMER_PAGES.get(page._meta.label, {}).get(page.slug)
        if fields is None:
            continue  # a page an editor added: translated in the admin, not here
        translation = translate_page(page, khmer, fields, report)
        if page.pk == home.pk:
            khmer_home = translation
    return khmer_home
