"""Notifications go through the background queue (Django's tasks API, django-tasks-db): a report is accepted
without the request ever talking to the mail server; the worker sends the e-mail, and when the server hangs or
refuses it tries again later, until the server is back. Against real local SMTP servers."""

from django.test import Client
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from help.models import Report
from scripts.bench_abuse import HangingServer
from tests.servers import Inbox, free_port, wait_for_mail
from tests.worker import run_worker

pytestmark = pytest.mark.django_db

REPORT_URL = "/en/get-help/report-abuse/"
URGENT = {"danger": "yes", "concern": "offline", "what": "A child is locked in a room next door."}


class RefusingInbox(Inbox):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return "550 mailbox unavailable"


@pytest.fixture
def mail_settings(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_TIMEOUT = 1
    settings.NOTIFY_RETRY_SECONDS = 60
    settings.REPORTS_NOTIFY_EMAIL = "hotline@example.org"
    return settings


def time_passes():
    """The waits before the next tries are over."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def test_a_hanging_mail_server_is_never_waited_for_and_told_once_it_is_back(mail_settings, smtp_server):
    hanging = HangingServer()
    mail_settings.EMAIL_PORT = hanging.port
    try:
        response = Client().post(REPORT_URL, URGENT, follow=True)
        assert response.status_code == 200 and "confirmation__reference" in response.content.decode()
        assert hanging.connections == 0  # the request never talked to the mail server
        report = Report.objects.get()
        run_worker()
        assert hanging.connections >= 1 and Report.objects.get().notified_at is None
        waiting = DBTaskResult.objects.filter(status="READY")
        assert waiting.count() == 1 and waiting.get().args_kwargs["args"] == ["report", report.pk, 2]
        assert waiting.get().run_after > timezone.now()  # later, not at once
    finally:
        hanging.close()
    port, inbox = smtp_server
    mail_settings.EMAIL_PORT = port  # the mail server is back
    time_passes()
    run_worker()
    (message,) = wait_for_mail(inbox)
    assert report.reference in message.content.decode()
    assert "immediate danger" in message.content.decode()
    assert Report.objects.get().notified_at is not None
    run_worker()
    assert len(inbox.messages) == 1  # told once


def test_a_refusing_mail_server_is_tried_again_with_longer_waits(mail_settings):
    from aiosmtpd.controller import Controller

    from help.notifications import retry_wait

    inbox = RefusingInbox()
    mail_settings.EMAIL_PORT = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=mail_settings.EMAIL_PORT)
    controller.start()
    try:
        Client().post(REPORT_URL, URGENT)
        for _ in range(3):
            run_worker()
            time_passes()
        assert Report.objects.get().notified_at is None and not inbox.messages
        assert DBTaskResult.objects.filter(status="READY").get().args_kwargs["args"][2] == 4
    finally:
        controller.stop()
    mail_settings.NOTIFY_RETRY_SECONDS = 60
    assert [retry_wait(n).total_seconds() for n in (1, 2, 3, 7, 20)] == [60, 120, 240, 3600, 3600]


def test_a_report_without_anyone_to_tell_is_still_kept(mail_settings):
    mail_settings.REPORTS_NOTIFY_EMAIL = ""
    Client().post(REPORT_URL, URGENT)
    run_worker()
    assert Report.objects.count() == 1
