"""Khmer versions of the seed pages (each app's seed/km.py): created in tree order (a parent before its children),
with the same rules as the English seed (an editor's changes are never overwritten)."""

from wagtail.models import Locale

from .seeding import home_page, translate_page


def seed_khmer_pages(seed_modules, report):
    """Translate every seeded English page that has a Khmer text in one of `seed_modules`' KHMER_PAGES ({model
    label: {English slug: Khmer fields}}); returns the Khmer home page."""
    khmer_pages = {}
    for module in seed_modules:
        for label, pages in module.KHMER_PAGES.items():
            khmer_pages.setdefault(label, {}).update(pages)
    home = home_page()
    khmer = Locale.objects.get(language_code="km")
    khmer_home = None
    for page in home.get_descendants(inclusive=True).specific().order_by("path"):
        fields = khmer_pages.get(page._meta.label, {}).get(page.slug)
        if fields is None:
            continue  # a page an editor added: translated in the admin, not here
        translation = translate_page(page, khmer, fields, report)
        if page.pk == home.pk:
            khmer_home = translation
    return khmer_home
