"""manage.py prune_reports: delete online reports (with their notes), contact messages and audit log entries older
than REPORT_RETENTION_DAYS (run it daily)."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.utils import timezone

from wagtail.models import ModelLogEntry

from help.models import AuditEntry, ContactMessage, Report


class Command(BaseCommand):
    help = "Delete online reports, contact messages and audit log entries older than REPORT_RETENTION_DAYS."

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(days=settings.REPORT_RETENTION_DAYS)
        _, deleted = Report.objects.filter(received_at__lt=cutoff).delete()  # their notes with them
        reports = deleted.get("help.Report", 0)
        messages, _ = ContactMessage.objects.filter(received_at__lt=cutoff).delete()
        entries, _ = AuditEntry.objects.filter(at__lt=cutoff).delete()
        # Wagtail's own history of edits in the admin ("History" on a report) goes with them.
        kinds = ContentType.objects.get_for_models(Report, ContactMessage).values()
        ModelLogEntry.objects.filter(content_type__in=kinds, timestamp__lt=cutoff).delete()
        self.stdout.write(
            f"Deleted {reports} report(s) and {messages} contact message(s) received before {cutoff:%Y-%m-%d}, "
            f"and {entries} audit log entries from before then."
        )
