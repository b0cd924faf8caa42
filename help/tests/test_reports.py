"""The online report form: post/redirect/get to a confirmation with a reference and a check code only, encryption
at rest, the Hotline group alone reads reports, the hotline is told by e-mail through the background queue (the
reference only, through a real SMTP server), limits that count accepted reports only, retention."""

import socket
import time
from datetime import timedelta
from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from wagtail.models import Page

import pytest

from help.models import Report
from tests.servers import wait_for_mail
from tests.worker import run_worker

pytestmark = pytest.mark.django_db

REPORT_URL = "/en/get-help/report-abuse/"
MINIMAL = {"danger": "no", "concern": "offline", "what": "A neighbour's child is being hurt at night."}


def send(client, data, url=REPORT_URL):
    """Send the form as a browser does, following the redirect to the confirmation."""
    return client.post(url, data, follow=True)


def test_the_form_asks_about_danger_first_and_takes_no_files(client):
    html = client.get(REPORT_URL).content.decode()
    form = html.split('class="stacked-form"')[1].split("</form>")[0]
    assert 'type="file"' not in form and "multipart" not in html.split('class="stacked-form"')[0][-300:]
    assert form.index('name="danger"') < form.index('name="concern"') < form.index('name="what"')
    assert "This form takes no pictures or files, on purpose." in html
    assert 'name="csrfmiddlewaretoken"' in form


def test_a_report_with_every_optional_field_empty_gets_a_reference(client):
    posted = client.post(REPORT_URL, MINIMAL)
    assert posted.status_code == 303  # post/redirect/get: reloading the confirmation sends nothing again
    assert posted["Location"].startswith(REPORT_URL + "received/")
    response = send(client, MINIMAL)
    assert response.status_code == 200
    report = Report.objects.latest("received_at")
    html = response.content.decode()
    assert report.reference in html
    assert report.matches_check_code(html.split('class="confirmation__code">')[1].split("<")[0])
    assert response["Cache-Control"] == "no-store"
    assert report.language == "en"
    assert report.what_happened == MINIMAL["what"]
    assert report.reporter == "Anonymous"


def test_the_database_holds_no_plain_text(client):
    send(client, {**MINIMAL, "where": "Riverside street", "name": "Sokha", "email": "sokha@example.org"})
    with connection.cursor() as cursor:
        cursor.execute("SELECT content FROM help_report")
        (stored,) = cursor.fetchone()
    for secret in ("neighbour", "Riverside", "Sokha", "sokha@example.org", "offline"):
        assert secret not in stored
    assert Report.objects.get().where == "Riverside street"  # and the key reads it back


def test_a_child_in_danger_sees_the_police_number_first(client):
    html = send(client, {**MINIMAL, "danger": "yes"}).content.decode()
    assert html.index("call-now") < html.index("confirmation__reference")


def test_mistakes_are_explained_and_nothing_is_stored(client):
    response = send(client, {"danger": "", "concern": "", "what": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Say whether a child is in immediate danger" in html
    assert "Tell us what happened or what you saw." in html
    assert not Report.objects.exists()


def test_the_confirmation_shows_the_codes_only_never_what_was_typed(client):
    typed = {**MINIMAL, "where": "Riverside street", "name": "Sokha", "phone": "012 345 678"}
    response = send(client, typed)
    html = response.content.decode()
    for secret in ("neighbour", "Riverside", "Sokha", "012 345 678"):
        assert secret not in html
    receipt_url = response.redirect_chain[-1][0]
    report = Report.objects.get()
    for code in (report.reference, report.check_code):  # the address carries them encrypted only
        assert code not in receipt_url and code.replace("-", "") not in receipt_url
    again = client.get(receipt_url)  # a reload
    assert again.status_code == 200 and report.reference in again.content.decode()


def test_the_confirmation_is_gone_after_fifteen_minutes(client):
    from unittest import mock

    response = send(client, MINIMAL)
    receipt_url = response.redirect_chain[-1][0]
    later = time.time() + 16 * 60
    with mock.patch("time.time", return_value=later):
        expired = client.get(receipt_url)
    assert expired.status_code == 410
    html = expired.content.decode()
    assert Report.objects.get().reference not in html
    assert "This confirmation is no longer shown" in html and REPORT_URL + "check/" in html
    assert client.get(REPORT_URL + "received/not-a-receipt/").status_code == 404


def test_every_field_asks_the_browser_to_keep_nothing(client):
    html = client.get(REPORT_URL).content.decode()
    form = html.split('class="stacked-form"')[0][-200:] + html.split('class="stacked-form"')[1].split("</form>")[0]
    assert 'autocomplete="off"' in html.split('class="stacked-form"')[1][:100]
    for name in ("danger", "concern", "what", "where", "when", "name", "phone", "email"):
        tag = form.split(f'name="{name}"')[1].split(">")[0]
        assert 'autocomplete="off"' in tag, name


def test_a_robot_filling_the_hidden_field_is_answered_but_nothing_is_stored(client):
    response = send(client, {**MINIMAL, "website": "http://spam.example"})
    assert response.status_code == 200
    assert "R-" in response.content.decode()
    assert not Report.objects.exists()


def test_reports_are_rate_limited_per_client(client):
    for _ in range(10):
        assert send(client, MINIMAL).status_code == 200
    refused = send(client, {**MINIMAL, "what": "The eleventh person's own words."})
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "The eleventh person&#x27;s own words." in html  # kept in the form, not lost
    assert html.index("call-now") < html.index('class="stacked-form"')  # the numbers first
    assert Report.objects.count() == 10
    assert send(Client(REMOTE_ADDR="203.0.113.8"), MINIMAL).status_code == 200


def test_forms_with_mistakes_cost_nothing_toward_the_limit(client):
    for _ in range(10):
        assert send(client, {"danger": "yes"}).status_code == 400
    assert send(client, MINIMAL).status_code == 200
    assert Report.objects.count() == 1


def test_ipv6_clients_are_limited_per_64_network():
    for host in range(10):
        assert send(Client(REMOTE_ADDR=f"2001:db8:1:2::{host + 1:x}"), MINIMAL).status_code == 200
    assert send(Client(REMOTE_ADDR="2001:db8:1:2:ffff::9"), MINIMAL).status_code == 429  # same /64
    assert send(Client(REMOTE_ADDR="2001:db8:1:3::1"), MINIMAL).status_code == 200  # the next /64


def test_a_khmer_report_is_received_in_khmer(client):
    khmer_page = Page.objects.get(slug="report-abuse", locale__language_code="km")
    response = send(client, MINIMAL, url=khmer_page.url)
    assert response.status_code == 200
    assert Report.objects.get().language == "km"


def user_in(group_name):
    user = get_user_model().objects.create_user(f"member-of-{group_name}", password="a-long-password-123")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_only_the_hotline_group_reads_reports_in_the_admin(client):
    send(client, MINIMAL)
    report = Report.objects.get()
    hotline = Client()
    hotline.force_login(user_in("Hotline"))
    assert report.reference in hotline.get("/admin/hotline-reports/").content.decode()
    inspect = hotline.get(f"/admin/hotline-reports/inspect/{report.pk}/")
    assert inspect.status_code == 200
    assert MINIMAL["what"].replace("'", "&#x27;") in inspect.content.decode()
    for group_name in ("Editors", "Moderators"):
        other = Client()
        other.force_login(user_in(group_name))
        for url in (
            "/admin/hotline-reports/",
            f"/admin/hotline-reports/inspect/{report.pk}/",
            f"/admin/hotline-reports/delete/{report.pk}/",
        ):
            response = other.get(url)
            assert response.status_code == 403, (group_name, url)
            assert MINIMAL["what"] not in response.content.decode()
        assert "/admin/hotline-reports/" not in other.get("/admin/").content.decode()  # not in the menu either
        assert other.post(f"/admin/hotline-reports/delete/{report.pk}/").status_code == 403
    assert Report.objects.filter(pk=report.pk).exists()


def test_the_hotline_is_told_by_e_mail_with_the_reference_only(client, smtp_server, settings):
    port, inbox = smtp_server
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    settings.REPORTS_NOTIFY_EMAIL = "hotline@example.org"
    send(client, {**MINIMAL, "name": "Sokha"})
    report = Report.objects.get()
    assert report.notified_at is None and not inbox.messages  # queued: the request never waits for SMTP
    run_worker()
    (message,) = wait_for_mail(inbox)
    report.refresh_from_db()
    assert report.notified_at is not None
    assert message.rcpt_tos == ["hotline@example.org"]
    text = message.content.decode()
    assert report.reference in text
    assert f"/admin/hotline-reports/inspect/{report.pk}/" in text
    assert f"Received: {report.received}" in text and "(Cambodia)" in text
    for secret in ("neighbour", "Sokha", "offline"):
        assert secret not in text


def test_a_mail_server_that_is_down_loses_no_report(client, settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", closed_port, False
    settings.REPORTS_NOTIFY_EMAIL = "hotline@example.org"
    response = send(client, MINIMAL)
    assert response.status_code == 200
    assert Report.objects.get().reference in response.content.decode()
    run_worker()
    assert Report.objects.get().notified_at is None  # not told yet: tried again later, listed on the dashboard


def test_old_reports_are_pruned(settings):
    settings.REPORT_RETENTION_DAYS = 30
    old = Report.objects.create(language="en", content=MINIMAL)
    Report.objects.filter(pk=old.pk).update(received_at=timezone.now() - timedelta(days=31))
    recent = Report.objects.create(language="en", content=MINIMAL)
    call_command("prune_reports", stdout=StringIO())
    assert list(Report.objects.values_list("pk", flat=True)) == [recent.pk]


def test_keys_can_be_rotated(settings):
    from cryptography.fernet import Fernet

    report = Report.objects.create(language="en", content=MINIMAL)
    old_keys = list(settings.REPORTS_ENCRYPTION_KEYS)
    settings.REPORTS_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), *old_keys]
    call_command("rotate_report_keys", stdout=StringIO())
    new_only = settings.REPORTS_ENCRYPTION_KEYS[:1]
    settings.REPORTS_ENCRYPTION_KEYS = new_only
    assert Report.objects.get(pk=report.pk).what_happened == MINIMAL["what"]
