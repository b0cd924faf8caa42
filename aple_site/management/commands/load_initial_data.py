"""Build the site's page tree and content from the seed data in the code. Safe to run again."""

from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import Site

from aple_site import seed as site_seed
from aple_site import seed_km as site_km
from aple_site.consent import seed_cookie_groups
from aple_site.editors import ensure_editor_groups, ensure_moderation_workflow
from aple_site.seeding import SeedReport, ensure_tree_roots
from aple_site.translations_seed import seed_khmer_pages
from history import seed as history_seed
from offices import seed as offices_seed
from programs import seed as programs_seed


class Command(BaseCommand):
    help = (
        "Create APLE's pages, site settings, editor groups and moderation workflow from the seed data. "
        "Idempotent: pages an editor has changed are never overwritten."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        report = SeedReport()
        ensure_tree_roots()
        groups = ensure_editor_groups()
        ensure_moderation_workflow(groups["Moderators"])
        home = site_seed.seed_home(report)
        site_seed.seed_about(home, report)
        site_seed.seed_cookie_policy(home, report)
        seed_cookie_groups(report)
        # Section pages first, in menu order; then their children in the order of their links:
        # MoUs, offices and programs name partners, and timeline events name all of them.
        history_index = history_seed.seed_history_index(home, report)
        office_index = offices_seed.seed_index(home, report)
        program_index = programs_seed.seed_index(home, report)
        partner_index, mou_index = history_seed.seed_partner_indexes(home, report)
        history_seed.seed_partners(partner_index, report)
        history_seed.seed_mous(mou_index, report)
        offices_seed.seed_offices(office_index, report)
        programs_seed.seed_programs(program_index, report)
        history_seed.seed_timeline(history_index, report)
        site_seed.seed_home_pathways(home, report)
        # Khmer: the same pages, translated; then the Khmer home page's pathways to the Khmer sections.
        khmer_home = seed_khmer_pages(report)
        if khmer_home is not None:
            site_seed.seed_home_pathways(khmer_home, report, site_km.PATHWAYS)
        site_seed.seed_settings(Site.objects.get(is_default_site=True), report)
        for line in report.lines:
            self.stdout.write(f"  {line}")
        summary = ", ".join(f"{report.count(a)} {a}" for a in ("created", "updated", "unchanged", "kept"))
        self.stdout.write(self.style.SUCCESS(f"Seed content loaded: {summary}."))
