"""The core's own seed (run by aple_site/loader): the home page and the default Site, About, the cookie policy and
the privacy notice, the home page's pathways to the sections, site settings, cookie groups (cookies.py) and what
the search box knows from the start (search.py). The words are in en.py and km.py."""

from django.apps import apps
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Page, Site

from ..loader.seeding import ensure_site_root, upsert_page
from ..models import CookiePolicyPage, HomePage, HomePagePathway, PrivacyNoticePage, SiteSettings, StandardPage
from . import en, km
from .cookies import seed_cookie_groups
from .search import seed_search

__all__ = [
    "KHMER_PAGES",
    "seed_cookie_groups",
    "seed_home",
    "seed_khmer_pathways",
    "seed_pathways",
    "seed_search",
    "seed_settings",
]

KHMER_PAGES = km.PAGES


def seed_home(report):
    """The home page at the site root, the default Site pointing at it, and the site-wide pages under it."""
    home = upsert_page(Page.get_first_root_node(), HomePage, "home-aple", en.HOME, report)
    ensure_site_root(home)
    upsert_page(home, StandardPage, "about", {**en.ABOUT, "body": en.ABOUT_BODY}, report)
    upsert_page(home, CookiePolicyPage, "cookie-policy", en.COOKIE_POLICY, report)
    upsert_page(home, PrivacyNoticePage, "privacy", en.PRIVACY_NOTICE, report)
    return home


def seed_pathways(home, report, pathways=en.PATHWAYS):
    """Link the home page to the section pages of its language (which must exist by now)."""
    wanted = []
    for label, heading, text in pathways:
        target = apps.get_model(label).objects.child_of(home).first()
        if target:
            wanted.append((target.pk, heading, text))

    def relate(page, dry_run):
        current = [(p.page_id, p.heading, p.text) for p in page.pathways.all()]
        if dry_run:
            return current != wanted
        page.pathways = [HomePagePathway(page_id=pk, heading=h, text=t) for pk, h, t in wanted]
        return True

    return upsert_page(home.get_parent(), HomePage, home.slug, {}, report, relate=relate)


def seed_khmer_pathways(khmer_home, report):
    return seed_pathways(khmer_home, report, km.PATHWAYS)


def in_khmer(text):
    """The catalogue's Khmer for seeded English wording."""
    with translation.override("km"):
        return gettext(text)


def seed_settings(report):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    values = {**en.SETTINGS, "footer_text_km": in_khmer(en.SETTINGS["footer_text"])}
    changed = [name for name, value in values.items() if not getattr(settings, name)]
    for name in changed:
        setattr(settings, name, values[name])
    if changed:
        settings.save()
    report.lines.append(f"{'settings':<9} site settings: {'filled ' + ', '.join(changed) if changed else 'unchanged'}")
