"""The e-mail that tells the hotline a report has arrived: its reference and where to read it, never what it
says (e-mail is not encrypted at rest, and inboxes are forwarded, shared and backed up)."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

logger = logging.getLogger(__name__)


def notify_hotline(report):
    """Send the notification, if REPORTS_NOTIFY_EMAIL is set. A mail server that fails is logged: the report is
    stored all the same, and the reporter still gets their reference."""
    recipient = settings.REPORTS_NOTIFY_EMAIL
    if not recipient:
        return False
    address = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("help_report:inspect", args=[report.pk])
    body = (
        f"A report was made with the online form on the website.\n\nReference: {report.reference}\n\n"
        f"Read it in the admin (Hotline group only): {address}\n"
    )
    try:
        send_mail(f"New report {report.reference}", body, None, [recipient])
    except (OSError, smtplib.SMTPException):
        logger.exception("The hotline was not notified of report %s: the mail server failed", report.reference)
        return False
    return True
