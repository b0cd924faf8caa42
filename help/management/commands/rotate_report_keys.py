"""manage.py rotate_report_keys: re-encrypt every report (its answers, check code and message to the reporter),
every internal note and every contact message with the first key of REPORTS_ENCRYPTION_KEYS.

Rotate a key by putting a new one first in REPORTS_ENCRYPTION_KEYS (keeping the old one after it), deploying,
running this, then removing the old key."""

from django.core.management.base import BaseCommand
from django.db import transaction

from help.models import ContactMessage, Report, ReportNote


class Command(BaseCommand):
    help = "Re-encrypt every report and contact message with the newest key in REPORTS_ENCRYPTION_KEYS."

    @transaction.atomic
    def handle(self, *args, **options):
        counts = []
        encrypted = {Report: ["content", "check_code", "reply"], ContactMessage: ["content"], ReportNote: ["text"]}
        for model, fields in encrypted.items():
            count = 0
            for item in model.objects.select_for_update():
                item.save(update_fields=fields)  # decrypted with any key on load, encrypted with the first
                count += 1
            counts.append(count)
        self.stdout.write(
            f"Re-encrypted {counts[0]} report(s), {counts[1]} contact message(s) and {counts[2]} internal note(s)."
        )
