"""manage.py prune_reports: delete online reports and contact messages older than REPORT_RETENTION_DAYS (run it
daily)."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from help.models import ContactMessage, Report


class Command(BaseCommand):
    help = "Delete online reports and contact messages older than REPORT_RETENTION_DAYS."

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(days=settings.REPORT_RETENTION_DAYS)
        reports, _ = Report.objects.filter(received_at__lt=cutoff).delete()
        messages, _ = ContactMessage.objects.filter(received_at__lt=cutoff).delete()
        self.stdout.write(
            f"Deleted {reports} report(s) and {messages} contact message(s) received before {cutoff:%Y-%m-%d}."
        )
