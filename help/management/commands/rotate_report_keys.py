"""manage.py rotate_report_keys: re-encrypt every report with the first key of REPORTS_ENCRYPTION_KEYS.

Rotate a key by putting a new one first in REPORTS_ENCRYPTION_KEYS (keeping the old one after it), deploying,
running this, then removing the old key."""

from django.core.management.base import BaseCommand
from django.db import transaction

from help.models import Report


class Command(BaseCommand):
    help = "Re-encrypt every report with the newest key in REPORTS_ENCRYPTION_KEYS."

    @transaction.atomic
    def handle(self, *args, **options):
        count = 0
        for report in Report.objects.select_for_update():
            report.save(update_fields=["content"])  # decrypted with any key on load, encrypted with the first
            count += 1
        self.stdout.write(f"Re-encrypted {count} report(s).")
