"""The hotline's casework in the admin and the reporter's 'Check a report' page: a status the hotline sets is
what the reporter reads (with the hotline's message, nothing of the report), the same Cambodian time everywhere,
urgent reports first, the Hotline group alone (superusers outside it included) and an audit log of every look and
change that only the Hotline leads read, pruned with the reports."""

from datetime import UTC, datetime, timedelta
from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from help.models import AuditEntry, Report, ReportNote
from tests.worker import run_worker

pytestmark = pytest.mark.django_db

REPORT_URL = "/en/get-help/report-abuse/"
CHECK_URL = REPORT_URL + "check/"
MINIMAL = {"danger": "no", "concern": "offline", "what": "A neighbour's child is being hurt at night."}


def user_in(*group_names, superuser=False):
    name = "-".join(group_names) or "nobody"
    make = get_user_model().objects.create_superuser if superuser else get_user_model().objects.create_user
    user = make(f"{'super-' if superuser else ''}{name}", password="a-long-password-123")
    for group_name in group_names:
        user.groups.add(Group.objects.get(name=group_name))
    return user


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def report_with_codes(client=None, data=MINIMAL):
    html = (client or Client()).post(REPORT_URL, data, follow=True).content.decode()
    reference = html.split('class="confirmation__reference">')[1].split("<")[0]
    code = html.split('class="confirmation__code">')[1].split("<")[0]
    return Report.objects.get(reference=reference), code


def check(reference, code, client=None):
    return (client or Client()).post(CHECK_URL, {"reference": reference, "check_code": code})


def test_a_reporter_sees_the_status_the_hotline_sets_and_its_message(client):
    report, code = report_with_codes()
    assert "Received" in check(report.reference, code).content.decode()
    hotline = logged_in(user_in("Hotline"))
    edit_url = f"/admin/hotline-reports/edit/{report.pk}/"
    assert hotline.get(edit_url).status_code == 200
    response = hotline.post(
        edit_url, {"status": "referred", "assigned_to": "", "reply": "Thank you. We passed it on.", "new_note": ""}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    result = check(report.reference.lower(), code.replace("-", ""))  # typed loosely, as people do
    html = result.content.decode()
    assert result.status_code == 200 and result["Cache-Control"] == "no-store"
    assert "Passed to the police or a partner" in html and "Thank you. We passed it on." in html
    for secret in ("neighbour", "hurt", "Abuse of a child in person"):
        assert secret not in html
    report.refresh_from_db()
    assert report.status_changed_by.username == "Hotline" and report.status_changed_at is not None


def test_a_wrong_code_or_reference_finds_nothing_and_says_the_same(client):
    report, code = report_with_codes()
    wrong_code = check(report.reference, "AAA-AAA").content.decode()
    wrong_reference = check("R-AAAA-AAAA", code).content.decode()
    for html in (wrong_code, wrong_reference):
        assert "We found no report with this reference and check code." in html
        assert "Received" not in html.split("<main")[1]


def test_checking_is_rate_limited_per_client():
    report, code = report_with_codes()
    client = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(20):
        assert check(report.reference, "AAA-AAA", client).status_code == 400
    assert check(report.reference, code, client).status_code == 429  # even the right code, once limited


def test_the_check_page_works_in_khmer():
    report, code = report_with_codes()
    response = Client().post("/km/get-help/report-abuse/check/", {"reference": report.reference, "check_code": code})
    html = response.content.decode()
    assert response.status_code == 200 and '<html lang="km"' in html and report.reference in html
    assert Client().get("/km/get-help/report-abuse/check/").status_code == 200


def test_the_check_code_is_stored_encrypted():
    report, code = report_with_codes()
    with connection.cursor() as cursor:
        cursor.execute("SELECT check_code FROM help_report WHERE id = %s", [report.pk])
        (stored,) = cursor.fetchone()
    assert code not in stored and code.replace("-", "") not in stored


def test_times_agree_between_list_detail_and_e_mail(settings, mailoutbox):
    report, _code = report_with_codes()
    Report.objects.filter(pk=report.pk).update(received_at=datetime(2026, 12, 7, 3, 4, tzinfo=UTC))
    report.refresh_from_db()
    assert report.received == "7 Dec 2026, 10:04 (Cambodia)"
    hotline = logged_in(user_in("Hotline"))
    for url in ("/admin/hotline-reports/", f"/admin/hotline-reports/inspect/{report.pk}/"):
        html = hotline.get(url).content.decode()
        assert "10:04" in html and "03:04" not in html, url
    settings.REPORTS_NOTIFY_EMAIL = "hotline@example.org"
    run_worker()
    assert "Received: 7 Dec 2026, 10:04 (Cambodia)" in mailoutbox[0].body


def test_urgent_reports_come_first_marked_and_filtered():
    calm, _ = report_with_codes(data={**MINIMAL, "danger": "no"})
    urgent, _ = report_with_codes(data={**MINIMAL, "danger": "yes", "concern": "grooming"})
    report_with_codes(data={**MINIMAL, "danger": "unsure"})
    # The urgent report is the oldest and last by reference: only the hotline's order puts it first.
    Report.objects.filter(pk=urgent.pk).update(received_at=timezone.now() - timedelta(days=2), reference="R-ZZZZ-ZZZZ")
    Report.objects.filter(pk=calm.pk).update(reference="R-AAAA-AAAA")
    urgent.refresh_from_db()
    calm.refresh_from_db()
    hotline = logged_in(user_in("Hotline"))
    html = hotline.get("/admin/hotline-reports/").content.decode()
    assert html.index(urgent.reference) < html.index(calm.reference)
    by_reference = hotline.get("/admin/hotline-reports/?ordering=reference").content.decode()
    assert by_reference.index(calm.reference) < by_reference.index(urgent.reference)  # a heading still sorts
    assert "Yes, immediate danger" in html
    only_grooming = hotline.get("/admin/hotline-reports/?concern=grooming").content.decode()
    assert urgent.reference in only_grooming and calm.reference not in only_grooming
    received = hotline.get("/admin/hotline-reports/?status=received").content.decode()
    assert urgent.reference in received


def test_a_report_is_assigned_and_noted_and_each_step_is_audited():
    report, _ = report_with_codes()
    member, colleague = user_in("Hotline"), get_user_model().objects.create_user("colleague", password="x-long-pass-1")
    colleague.groups.add(Group.objects.get(name="Hotline"))
    hotline = logged_in(member)
    hotline.get(f"/admin/hotline-reports/inspect/{report.pk}/")
    hotline.post(
        f"/admin/hotline-reports/edit/{report.pk}/",
        {"status": "assessing", "assigned_to": colleague.pk, "reply": "", "new_note": "Called the school back."},
    )
    report.refresh_from_db()
    assert report.assigned_to == colleague and report.status == "assessing"
    note = ReportNote.objects.get(report=report)
    assert note.author == member and note.text == "Called the school back."
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM help_reportnote")
        assert "school" not in cursor.fetchone()[0]
    assert "Called the school back." in hotline.get(f"/admin/hotline-reports/inspect/{report.pk}/").content.decode()
    actions = list(AuditEntry.objects.filter(reference=report.reference).order_by("at", "pk"))
    assert [entry.action for entry in actions] == ["viewed", "changed", "viewed"]
    assert actions[1].detail == "status: Being assessed; assigned to: colleague; internal note added"
    assert all(entry.username == "Hotline" for entry in actions)
    hotline.post(f"/admin/hotline-reports/delete/{report.pk}/")
    assert AuditEntry.objects.filter(reference=report.reference, action="deleted").exists()


def test_only_hotline_members_read_reports_superusers_included():
    report, _ = report_with_codes()
    urls = [
        "/admin/hotline-reports/",
        f"/admin/hotline-reports/inspect/{report.pk}/",
        f"/admin/hotline-reports/edit/{report.pk}/",
        f"/admin/hotline-reports/delete/{report.pk}/",
        "/admin/hotline-audit-log/",
    ]
    for outsider in (user_in("Editors"), user_in("Moderators"), user_in(superuser=True)):
        client = logged_in(outsider)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 403, (outsider.username, url)
            assert "neighbour" not in response.content.decode()
        assert client.post(f"/admin/hotline-reports/edit/{report.pk}/", {"status": "closed"}).status_code == 403
    assert not AuditEntry.objects.exists()  # refused looks are not looks
    member_and_superuser = logged_in(user_in("Hotline", superuser=True))
    assert member_and_superuser.get(f"/admin/hotline-reports/inspect/{report.pk}/").status_code == 200


def test_only_hotline_leads_read_the_audit_log():
    report, _ = report_with_codes()
    logged_in(user_in("Hotline")).get(f"/admin/hotline-reports/inspect/{report.pk}/")
    assert logged_in(user_in("Hotline", "Editors")).get("/admin/hotline-audit-log/").status_code == 403
    lead = logged_in(user_in("Hotline", "Hotline leads"))
    html = lead.get("/admin/hotline-audit-log/").content.decode()
    assert report.reference in html and "Viewed" in html
    assert report.reference in lead.get(f"/admin/hotline-audit-log/?q={report.reference}").content.decode()


def test_the_audit_log_is_pruned_with_the_reports(settings):
    settings.REPORT_RETENTION_DAYS = 30
    report, _ = report_with_codes()
    old = AuditEntry.record(user_in("Hotline"), "viewed", report)
    AuditEntry.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=31))
    recent = AuditEntry.record(get_user_model().objects.get(username="Hotline"), "viewed", report)
    hotline = logged_in(get_user_model().objects.get(username="Hotline"))
    hotline.post(f"/admin/hotline-reports/edit/{report.pk}/", {"status": "closed", "assigned_to": "", "reply": ""})
    wagtail_history = ModelLogEntry.objects.filter(object_id=str(report.pk), content_type__model="report")
    assert wagtail_history.exists()  # Wagtail's own "History" of the report
    wagtail_history.update(timestamp=timezone.now() - timedelta(days=31))
    AuditEntry.objects.exclude(pk__in=[old.pk, recent.pk]).delete()
    call_command("prune_reports", stdout=StringIO())
    assert list(AuditEntry.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not wagtail_history.exists()


def test_the_dashboard_lists_urgent_and_unnotified_reports_to_hotline_members_only():
    urgent, _ = report_with_codes(data={**MINIMAL, "danger": "yes"})
    Report.objects.filter(pk=urgent.pk).update(received_at=timezone.now() - timedelta(minutes=16))
    fresh, _ = report_with_codes()
    html = logged_in(user_in("Hotline")).get("/admin/").content.decode()
    panel = html.split('id="hotline-section"')[1]
    assert "A child may be in immediate danger" in panel and urgent.reference in panel
    not_told = panel.split("Not told by e-mail after 15 minutes")[1]
    assert urgent.reference in not_told and fresh.reference not in not_told
    editor_html = logged_in(user_in("Editors")).get("/admin/").content.decode()
    assert urgent.reference not in editor_html and 'id="hotline-section"' not in editor_html
