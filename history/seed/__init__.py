"""The history section's seed (run by aple_site/loader): the timeline, the partners and the MoUs, with the links
between them and to offices and programs; the words are in en.py and km.py.

Other apps' pages are found by "app_label.Model" label, so this app imports none of them."""

from aple_site.loader.seeding import child, find, link_pages, upsert_page

from ..models import HistoryIndexPage, MoUIndexPage, MoUPage, PartnerIndexPage, PartnerPage, TimelineEventPage
from . import en
from .km import PAGES as KHMER_PAGES

__all__ = ["KHMER_PAGES", "seed_history_section", "seed_pages", "seed_partner_sections"]

LINKED = {
    "offices": "offices.OfficePage",
    "programs": "programs.ProgramPage",
    "partners": PartnerPage,
    "mous": MoUPage,
}


def seed_history_section(home, report):
    upsert_page(home, HistoryIndexPage, "history", en.HISTORY_INDEX, report)


def seed_partner_sections(home, report):
    upsert_page(home, PartnerIndexPage, "partners", en.PARTNER_INDEX, report)
    upsert_page(home, MoUIndexPage, "agreements", en.MOU_INDEX, report)


def seed_pages(home, report):
    """Partners name offices and programs, MoUs a partner, timeline events all of them: seeded in that order."""
    _seed_partners(child(home, PartnerIndexPage, "partners"), report)
    _seed_mous(child(home, MoUIndexPage, "agreements"), report)
    _seed_timeline(child(home, HistoryIndexPage, "history"), report)


def _links(spec, names):
    return link_pages(**{name: [p for s in spec.get(name, []) if (p := find(LINKED[name], s))] for name in names})


def _seed_partners(index, report):
    for slug, spec in en.PARTNERS.items():
        fields = {key: value for key, value in spec.items() if key not in ("offices", "programs")}
        upsert_page(index, PartnerPage, slug, fields, report, relate=_links(spec, ("offices", "programs")))


def _seed_mous(index, report):
    for slug, spec in en.MOUS.items():
        fields = {**spec, "counterpart": find(PartnerPage, spec["counterpart"])}
        upsert_page(index, MoUPage, slug, fields, report)


def _seed_timeline(index, report):
    for slug, spec in en.EVENTS.items():
        fields = {key: value for key, value in spec.items() if key not in LINKED}
        upsert_page(index, TimelineEventPage, slug, fields, report, relate=_links(spec, LINKED))
