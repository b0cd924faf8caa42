"""Build the site's page tree and content from the seed data in aple_site/loader/. Safe to run again."""

from django.core.management.base import BaseCommand

from aple_site.loader import load_initial_data


class Command(BaseCommand):
    help = (
        "Create APLE's pages, site settings, editor groups and moderation workflow from the seed data. "
        "Idempotent: pages an editor has changed are never overwritten."
    )

    def handle(self, *args, **options):
        report = load_initial_data()
        for line in report.lines:
            self.stdout.write(f"  {line}")
        summary = ", ".join(f"{report.count(a)} {a}" for a in ("created", "updated", "unchanged", "kept"))
        self.stdout.write(self.style.SUCCESS(f"Seed content loaded: {summary}."))
