"""Delete consent log entries older than the retention period (CONSENT_LOG_RETENTION_DAYS).

The log proves what visitors agreed to; it is not kept longer than that purpose needs. Run daily."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from cookie_consent.models import LogItem


class Command(BaseCommand):
    help = "Delete cookie-consent log entries older than CONSENT_LOG_RETENTION_DAYS (default 365)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override the retention period, in days.")

    def handle(self, *args, days=None, **options):
        days = settings.CONSENT_LOG_RETENTION_DAYS if days is None else days
        cutoff = timezone.now() - timedelta(days=days)
        deleted, _ = LogItem.objects.filter(created__lt=cutoff).delete()
        self.stdout.write(f"Deleted {deleted} consent log entries older than {days} days.")
