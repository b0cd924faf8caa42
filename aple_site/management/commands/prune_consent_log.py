"""Delete consent log entries older than the retention period (CONSENT_LOG_RETENTION_DAYS). Run daily."""

from django.conf import settings
from django.core.management.base import BaseCommand

from aple_site.ops.consent_log import prune_consent_log


class Command(BaseCommand):
    help = "Delete cookie-consent log entries older than CONSENT_LOG_RETENTION_DAYS (default 365)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override the retention period, in days.")

    def handle(self, *args, days=None, **options):
        days = settings.CONSENT_LOG_RETENTION_DAYS if days is None else days
        deleted = prune_consent_log(days)
        self.stdout.write(f"Deleted {deleted} consent log entries older than {days} days.")
