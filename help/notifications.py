"""The e-mails that tell staff a report or a contact message has arrived: its reference, when it arrived and where
to read it, never what it says (e-mail is not encrypted at rest, and inboxes are forwarded, shared and backed up).

They are sent by the background worker (Django's tasks API, django-tasks-db's database backend: `manage.py
db_worker --backend background`), never inside the visitor's request: a mail server that hangs or refuses costs
the visitor nothing. A failed sending is tried again later, waiting twice as long each time (up to an hour);
an item still not notified after NOT_NOTIFIED_MINUTES is listed on the Hotline's dashboard."""

import logging
import smtplib
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from django_tasks import task

logger = logging.getLogger(__name__)

NOT_NOTIFIED_MINUTES = 15
MAX_ATTEMPTS = 30  # about a day of tries at the longest wait
LONGEST_WAIT = timedelta(hours=1)

KINDS = {
    # kind: (model, the setting naming who is told, the admin view that shows it)
    "report": ("help.Report", "REPORTS_NOTIFY_EMAIL", "help_report:inspect"),
    "contact message": ("help.ContactMessage", "CONTACT_NOTIFY_EMAIL", "help_contactmessage:inspect"),
}


def notify_hotline(report):
    """Queue the e-mail telling REPORTS_NOTIFY_EMAIL of a new report (a child in danger: ahead of the rest)."""
    priority = 10 if report.danger == "yes" else 0
    send_notification.using(priority=priority).enqueue("report", report.pk)


def notify_contact(message):
    """Queue the e-mail telling CONTACT_NOTIFY_EMAIL of a new contact message."""
    send_notification.enqueue("contact message", message.pk)


def retry_wait(attempt):
    """How long to wait before try `attempt + 1`: NOTIFY_RETRY_SECONDS, doubled after each failure, at most an
    hour."""
    return min(timedelta(seconds=settings.NOTIFY_RETRY_SECONDS * 2 ** (attempt - 1)), LONGEST_WAIT)


@task(backend="background")
def send_notification(kind, pk, attempt=1):
    model_name, recipient_setting, admin_view = KINDS[kind]
    item = apps.get_model(model_name).objects.filter(pk=pk, notified_at__isnull=True).first()
    recipient = getattr(settings, recipient_setting)
    if item is None or not recipient:  # deleted, pruned or told already; or nobody to tell
        return False
    try:
        send_mail(*message_for(kind, item, admin_view), None, [recipient])
    except (OSError, smtplib.SMTPException) as error:
        retry = attempt < MAX_ATTEMPTS
        logger.warning(
            "Could not tell staff of %s %s (try %d: %s); %s",
            kind,
            item.reference,
            attempt,
            type(error).__name__,
            f"trying again in {retry_wait(attempt)}" if retry else "giving up: it is listed on the dashboard",
        )
        if retry:
            later = send_notification.using(run_after=timezone.now() + retry_wait(attempt), priority=10)
            later.enqueue(kind, pk, attempt + 1)
        return False
    type(item).objects.filter(pk=pk).update(notified_at=timezone.now())
    return True


def message_for(kind, item, admin_view):
    address = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(admin_view, args=[item.pk])
    urgent = getattr(item, "danger", "") == "yes"
    subject = f"New {kind} {item.reference}" + (" - a child may be in immediate danger" if urgent else "")
    body = (
        f"A {kind} was sent with the online form on the website.\n\n"
        f"Reference: {item.reference}\nReceived: {item.received}\n"
        + ("The reporter says a child is in immediate danger.\n" if urgent else "")
        + f"\nRead it in the admin (Hotline group only): {address}\n"
    )
    return subject, body
