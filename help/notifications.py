"""The e-mails that tell staff a report or a contact message has arrived: its reference and where to read it,
never what it says (e-mail is not encrypted at rest, and inboxes are forwarded, shared and backed up)."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

logger = logging.getLogger(__name__)


def notify_hotline(report):
    """Tell REPORTS_NOTIFY_EMAIL of a new report."""
    return notify(settings.REPORTS_NOTIFY_EMAIL, "report", report, "help_report:inspect")


def notify_contact(message):
    """Tell CONTACT_NOTIFY_EMAIL of a new contact message."""
    return notify(settings.CONTACT_NOTIFY_EMAIL, "contact message", message, "help_contactmessage:inspect")


def notify(recipient, kind, item, admin_view):
    """Send the notification, if a recipient is set. A mail server that fails is logged: the item is stored all
    the same, and the sender still gets their reference."""
    if not recipient:
        return False
    address = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(admin_view, args=[item.pk])
    body = (
        f"A {kind} was sent with the online form on the website.\n\nReference: {item.reference}\n\n"
        f"Read it in the admin (Hotline group only): {address}\n"
    )
    try:
        send_mail(f"New {kind} {item.reference}", body, None, [recipient])
    except (OSError, smtplib.SMTPException):
        logger.exception("Nobody was told of %s %s: the mail server failed", kind, item.reference)
        return False
    return True
