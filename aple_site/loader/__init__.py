"""The seed content of every app, in English and Khmer, and what builds it: load_initial_data creates the page
tree, cookie groups, site settings, editor groups and moderation workflow from the small data modules here.

The only part of the core that knows the content apps: content apps never import it (make lint checks)."""

from django.db import transaction

from wagtail.models import Site

from . import donors, get_help, history, news_and_stories, offices, programs, site, site_km
from .cookies import seed_cookie_groups
from .editors import SAFEGUARDING_GROUP, ensure_editor_groups, ensure_moderation_workflow, ensure_story_workflow
from .search import seed_search
from .seeding import SeedReport, ensure_tree_roots
from .translations import seed_khmer_pages


@transaction.atomic
def load_initial_data():
    """Build or refresh everything; returns the SeedReport. Pages an editor has changed are never overwritten."""
    report = SeedReport()
    ensure_tree_roots()
    groups = ensure_editor_groups()
    ensure_moderation_workflow(groups["Moderators"])
    home = site.seed_home(report)
    site.seed_about(home, report)
    site.seed_cookie_policy(home, report)
    site.seed_privacy_notice(home, report)
    seed_cookie_groups(report)
    # Section pages first, in menu order; then their children in the order the relations point: offices
    # name nothing, programs name offices, partners name offices and programs, MoUs name a partner, and
    # timeline events name all of them.
    history_index = history.seed_history_index(home, report)
    office_index = offices.seed_index(home, report)
    program_index = programs.seed_index(home, report)
    partner_index, mou_index = history.seed_partner_indexes(home, report)
    help_index = get_help.seed_index(home, report)
    offices.seed_offices(office_index, report)
    programs.seed_programs(program_index, report)
    history.seed_partners(partner_index, report)
    history.seed_mous(mou_index, report)
    history.seed_timeline(history_index, report)
    get_help.seed_pages(help_index, report)
    donors.seed_pages(home, report)
    news_and_stories.seed_pages(home, report)
    site.seed_home_pathways(home, report)
    # Khmer: the same pages, translated; then the Khmer home page's pathways to the Khmer sections.
    khmer_home = seed_khmer_pages(report)
    if khmer_home is not None:
        site.seed_home_pathways(khmer_home, report, site_km.PATHWAYS)
    # Every stories section, in both languages (the Khmer one is a translation, not a child of the English one).
    ensure_story_workflow(groups["Moderators"], groups[SAFEGUARDING_GROUP], news_and_stories.story_sections())
    site.seed_settings(Site.objects.get(is_default_site=True), report)
    donors.seed_giving_settings(Site.objects.get(is_default_site=True))
    seed_search(report)
    return report
