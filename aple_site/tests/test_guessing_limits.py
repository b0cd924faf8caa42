"""Forms that guess secrets are limited per client: a private page's password, the admin's login (whatever user
name is tried) and its password reset. Another client is never affected."""

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page, PageViewRestriction

import pytest

ATTACKER, VISITOR = "203.0.113.66", "203.0.113.7"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_a_private_page_s_password_cannot_be_guessed_for_long(db):
    about = Page.objects.get(slug="about", locale__language_code="en")
    restriction = PageViewRestriction.objects.create(page=about, restriction_type="password", password="right-one")
    with translation.override("en"):
        url = reverse("wagtailcore_authenticate_with_password", args=(restriction.pk, about.pk))
    attacker = Client(REMOTE_ADDR=ATTACKER)
    for guess in range(10):
        response = attacker.post(url, {"password": f"guess-{guess}", "return_url": about.url})
        assert response.status_code == 200  # the form again, with its error
    response = attacker.post(url, {"password": "right-one", "return_url": about.url})
    assert response.status_code == 429
    assert b"Too many tries" in response.content and b'href="tel:' in response.content
    assert Client(REMOTE_ADDR=VISITOR).post(url, {"password": "right-one", "return_url": about.url}).status_code == 302


def test_one_address_cannot_try_user_name_after_user_name(db):
    get_user_model().objects.create_user("director", password="the-right-password-1", is_staff=True)
    attacker = Client(REMOTE_ADDR=ATTACKER)
    statuses = [
        attacker.post(reverse("wagtailadmin_login"), {"username": f"user{n}", "password": "x"}).status_code
        for n in range(25)
    ]
    assert 429 in statuses and statuses.index(429) <= 20
    assert (
        attacker.post(
            reverse("wagtailadmin_login"), {"username": "director", "password": "the-right-password-1"}
        ).status_code
        == 429
    )
    visitor = Client(REMOTE_ADDR=VISITOR)
    assert (
        visitor.post(
            reverse("wagtailadmin_login"), {"username": "director", "password": "the-right-password-1"}
        ).status_code
        == 302
    )


def test_password_reset_e_mails_are_limited(db, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    get_user_model().objects.create_user("director", "director@example.org", "the-right-password-1", is_staff=True)
    attacker = Client(REMOTE_ADDR=ATTACKER)
    statuses = [
        attacker.post(reverse("wagtailadmin_password_reset"), {"email": "director@example.org"}).status_code
        for _ in range(30)
    ]
    assert statuses.count(429) == 25
    assert len(mail.outbox) <= 5
