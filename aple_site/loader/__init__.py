"""The engine that builds the site's content from each app's seed (<app>/seed/: the data in en.py and km.py, and
the steps that place it): load_initial_data creates the page tree in both languages, cookie groups, site
settings, editor groups and the moderation workflows. It runs again safely: pages are matched by slug, and a page
an editor has changed is never overwritten (seeding.py).

The engine names the apps' steps by dotted path below and imports them only when it runs, so the core imports no
content app (make lint checks it). A new section adds its steps here."""

import importlib

from django.db import transaction
from django.utils.module_loading import import_string

from .editors import ensure_editor_groups, ensure_moderation_workflow
from .seeding import SeedReport, ensure_tree_roots
from .translations import seed_khmer_pages

CORE = "aple_site.seed"
# Each step is called with (home page, report). Section pages first, in the order of the main menu; then the pages
# in them, in the order their relations point: offices name nothing, programs name offices, partners name offices
# and programs, MoUs name a partner, timeline events name all of them.
SECTIONS = [
    "history.seed.seed_history_section",
    "offices.seed.seed_section",
    "programs.seed.seed_section",
    "history.seed.seed_partner_sections",
    "help.seed.seed_section",
]
PAGES = [
    "offices.seed.seed_pages",
    "programs.seed.seed_pages",
    "history.seed.seed_pages",
    "help.seed.seed_pages",
    "publications.seed.seed_pages",
    "giving.seed.seed_pages",
    "news.seed.seed_pages",
    "stories.seed.seed_pages",
]
# Once both languages' pages exist.
FINALLY = ["help.seed.seed_groups", "stories.seed.seed_workflow", "giving.seed.seed_settings"]


@transaction.atomic
def load_initial_data():
    """Build or refresh everything; returns the SeedReport. Pages an editor has changed are never overwritten."""
    seed = importlib.import_module(CORE)  # (at run time, as the apps' seeds: it uses this engine)
    report = SeedReport()
    ensure_tree_roots()
    ensure_moderation_workflow(ensure_editor_groups()["Moderators"])
    home = seed.seed_home(report)
    seed.seed_cookie_groups(report)
    run_steps(SECTIONS + PAGES, home, report)
    seed.seed_pathways(home, report)
    khmer_home = seed_khmer_pages(seeds(), report)
    if khmer_home is not None:
        seed.seed_khmer_pathways(khmer_home, report)
    run_steps(FINALLY, home, report)
    seed.seed_settings(report)
    seed.seed_search(report)
    return report


def run_steps(paths, home, report):
    for path in paths:
        import_string(path)(home, report)


def seeds():
    """The seed modules of the core and of every app with a step above, each with its KHMER_PAGES."""
    modules = dict.fromkeys([CORE, *(path.rsplit(".", 1)[0] for path in SECTIONS + PAGES + FINALLY)])
    return [importlib.import_module(module) for module in modules]
