"""The Contact page (offices with their contact details, and a form) and the privacy notice (what the site keeps
and for how long, from the settings that decide it), as a visitor and as staff meet them."""

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

from help.models import ContactMessage
from offices.models import OfficePage
from tests.servers import wait_for_mail
from tests.worker import run_worker

pytestmark = pytest.mark.django_db

CONTACT_URL = "/en/get-help/contact/"
MESSAGE = {"message": "Can your team give a talk at our school in Kampot?"}


def user_in(group_name):
    user = get_user_model().objects.create_user(f"member-of-{group_name}", password="a-long-password-123")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_the_contact_page_lists_the_offices_that_have_contact_details(client):
    office = OfficePage.objects.filter(locale__language_code="en").first()
    office.phone, office.email, office.opening_hours = "+855 12 345 678", "office@example.org", "Monday to Friday"
    office.save_revision().publish()
    html = client.get(CONTACT_URL).content.decode()
    assert '<h2 id="contact-offices-heading">Our offices</h2>' in html
    assert 'href="tel:+85512345678"' in html and 'href="mailto:office@example.org"' in html
    assert "Monday to Friday" in html
    others = OfficePage.objects.filter(locale__language_code="en").exclude(pk=office.pk)
    for other in others:  # no contact details: not listed (their page says where they are)
        assert f">{other.title}</a></h3>" not in html


def test_without_any_office_details_the_section_is_hidden(client):
    html = client.get(CONTACT_URL).content.decode()
    assert "Our offices" not in html
    assert "Write to us" in html


def test_a_message_gets_a_reference_and_is_stored_encrypted(client):
    assert client.post(CONTACT_URL, MESSAGE).status_code == 303  # post/redirect/get
    ContactMessage.objects.all().delete()
    response = client.post(CONTACT_URL, MESSAGE, follow=True)
    assert response.status_code == 200
    assert "Kampot" not in response.content.decode()  # the confirmation shows the reference only
    message = ContactMessage.objects.get()
    assert message.reference.startswith("C-") and message.reference in response.content.decode()
    assert message.message == MESSAGE["message"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT content FROM help_contactmessage")
        (raw,) = cursor.fetchone()
    assert "Kampot" not in str(raw) and "school" not in str(raw)
    assert response["Cache-Control"] == "no-store"


def test_an_empty_message_is_explained_and_nothing_is_stored(client):
    response = client.post(CONTACT_URL, {"message": "", "email": "not an address"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html and "Write your message." in html
    assert "Enter a valid email address." in html
    assert not ContactMessage.objects.exists()


def test_one_visitor_s_form_errors_never_reach_the_next(client):
    """Pages keep their content between requests ({% page_body %}): never a page with a form."""
    assert "Write your message." in client.post(CONTACT_URL, {"message": ""}).content.decode()
    html = Client().get(CONTACT_URL).content.decode()
    assert "Write your message." not in html and 'class="error-summary"' not in html
    tokens = {
        page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        for page in (Client().get(CONTACT_URL).content.decode(), Client().get(CONTACT_URL).content.decode())
    }
    assert len(tokens) == 2  # each visitor's own CSRF token


def test_a_robot_is_answered_but_nothing_is_stored(client):
    response = client.post(CONTACT_URL, {**MESSAGE, "website": "https://spam.example"}, follow=True)
    assert response.status_code == 200 and "C-" in response.content.decode()
    assert not ContactMessage.objects.exists()


def test_messages_are_rate_limited_per_client(client):
    page = Page.objects.get(url_path__endswith="/get-help/contact/", locale__language_code="en").specific
    for _ in range(page.per_hour):
        assert client.post(CONTACT_URL, MESSAGE).status_code == 303
    refused = client.post(CONTACT_URL, MESSAGE)
    assert refused.status_code == 429
    assert "Kampot" in refused.content.decode()  # what was typed stays in the form
    assert ContactMessage.objects.count() == page.per_hour


def test_a_khmer_message_is_answered_in_khmer(client):
    response = client.post("/km/get-help/contact/", MESSAGE, follow=True)
    assert response.status_code == 200
    assert '<html lang="km"' in response.content.decode()
    assert ContactMessage.objects.get().language == "km"


def test_only_the_hotline_group_reads_messages_in_the_admin(client):
    client.post(CONTACT_URL, MESSAGE)
    message = ContactMessage.objects.get()
    hotline = Client()
    hotline.force_login(user_in("Hotline"))
    assert message.reference in hotline.get("/admin/contact-messages/").content.decode()
    inspect = hotline.get(f"/admin/contact-messages/inspect/{message.pk}/")
    assert inspect.status_code == 200 and "Kampot" in inspect.content.decode()
    for group_name in ("Editors", "Moderators"):
        other = Client()
        other.force_login(user_in(group_name))
        for url in ("/admin/contact-messages/", f"/admin/contact-messages/inspect/{message.pk}/"):
            response = other.get(url)
            assert response.status_code == 403, (group_name, url)
            assert "Kampot" not in response.content.decode()


def test_staff_are_told_by_e_mail_with_the_reference_only(client, smtp_server, settings):
    port, inbox = smtp_server
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    settings.CONTACT_NOTIFY_EMAIL = "info@example.org"
    client.post(CONTACT_URL, {**MESSAGE, "name": "Dara", "email": "dara@example.org"})
    message = ContactMessage.objects.get()
    run_worker()
    (mail,) = wait_for_mail(inbox)
    assert mail.rcpt_tos == ["info@example.org"]
    text = mail.content.decode()
    assert message.reference in text and f"/admin/contact-messages/inspect/{message.pk}/" in text
    for secret in ("Kampot", "Dara", "dara@example.org"):
        assert secret not in text


def test_old_messages_are_pruned_with_the_reports(settings):
    settings.REPORT_RETENTION_DAYS = 30
    old = ContactMessage.objects.create(language="en", content=MESSAGE)
    ContactMessage.objects.filter(pk=old.pk).update(received_at=timezone.now() - timedelta(days=31))
    recent = ContactMessage.objects.create(language="en", content=MESSAGE)
    call_command("prune_reports", stdout=StringIO())
    assert list(ContactMessage.objects.values_list("pk", flat=True)) == [recent.pk]


def test_the_privacy_notice_says_what_the_settings_decide(client, settings):
    settings.REPORT_RETENTION_DAYS, settings.CONSENT_LOG_RETENTION_DAYS = 90, 180
    settings.SERVER_LOG_RETENTION_DAYS = 7
    html = client.get("/en/privacy/").content.decode()
    assert "90 days, then deleted" in html
    assert "The log: 180 days" in html
    assert ">7 days<" in html
    assert "never logged or kept" in html
    khmer = client.get("/km/privacy/")
    assert khmer.status_code == 200 and "90" in khmer.content.decode()


@pytest.mark.parametrize("url", ["/en/", CONTACT_URL, "/en/get-help/report-abuse/"])
def test_the_privacy_notice_is_linked_from_the_footer_and_the_forms(client, url):
    html = client.get(url).content.decode()
    assert html.count('href="/en/privacy/"') >= (2 if "get-help/" in url else 1)


@pytest.mark.parametrize("url", [CONTACT_URL, "/en/get-help/report-abuse/"])
def test_every_hint_is_read_with_its_field(client, url):
    """A screen reader reads a field's hint with it: the id its input names in aria-describedby exists."""
    import re

    html = client.get(url).content.decode()
    described = re.findall(r'aria-describedby="([^"]+)"', html)
    assert described
    for ids in described:
        for element_id in ids.split():
            assert f'id="{element_id}"' in html, element_id
