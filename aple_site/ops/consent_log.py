"""The consent log proves what visitors agreed to; it is not kept longer than that purpose needs."""

from datetime import timedelta

from django.utils import timezone

from cookie_consent.models import LogItem


def prune_consent_log(days):
    """Delete consent log entries older than `days`; returns how many were deleted."""
    deleted, _ = LogItem.objects.filter(created__lt=timezone.now() - timedelta(days=days)).delete()
    return deleted
