"""Security headers, the deploy checklist, login throttling and a configurable admin address."""

import os
import subprocess
import sys

from django.contrib.auth import get_user_model

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db
PUBLIC_PATHS = ["/en/", "/en/history/", "/en/where-we-work/", "/en/cookies/preferences/", "/en/no-such-page/"]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_responses_carry_the_security_headers(client, path):
    response = client.get(path)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "geolocation=()" in response["Permissions-Policy"]


def test_pages_have_no_inline_script_or_style(client):
    for path in PUBLIC_PATHS:
        html = client.get(path).content.decode()
        for block in html.split("<script")[1:]:
            tag = block.split(">")[0]
            assert "src=" in tag or "application/json" in tag or "application/ld+json" in tag, (path, tag)
        assert " style=" not in html and "<style" not in html, path


def test_admin_preview_can_still_be_framed_by_the_admin(client):
    user = get_user_model().objects.create_superuser("super", "s@example.org", "a-long-test-password")
    client.force_login(user)
    page = Page.objects.get(slug="about", locale__language_code="en")
    response = client.get(f"/admin/pages/{page.pk}/edit/preview/")
    # Headers alone prove little (the preview's page is rendered with its own): tests/browser/test_editors.py
    # sees the page drawn in the editor's preview panel.
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_analytics_host_is_allowed_only_when_configured(client, settings):
    settings.ANALYTICS_SCRIPT_URL = "https://stats.example.org/matomo.js"
    assert "script-src 'self' https://stats.example.org" in client.get("/robots.txt")["Content-Security-Policy"]
    settings.ANALYTICS_SCRIPT_URL = ""
    assert "stats.example.org" not in client.get("/robots.txt")["Content-Security-Policy"]


def test_a_correct_login_still_works(client):
    get_user_model().objects.create_user("editor", password="the-right-password-123", is_staff=True)
    response = client.post("/admin/login/", {"username": "editor", "password": "the-right-password-123"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_login_is_throttled_after_repeated_failures(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    get_user_model().objects.create_user("editor", password="the-right-password-123")
    for _ in range(3):
        response = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    response = client.post("/admin/login/", {"username": "editor", "password": "the-right-password-123"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_weak_passwords_are_refused():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("password123", "12345678901234", "short"):
        with pytest.raises(ValidationError):
            validate_password(weak)


def test_deploy_checklist_is_clean_with_production_settings():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "aple_site.settings.production",
        "SECRET_KEY": "k7#pL9$wQ2!zX5&vB8^nM3*rT6@yH1%cF4(dJ0)gS-eA+uI=oP_lK",
        "ALLOWED_HOSTS": "aple.example.org",
        "WAGTAILADMIN_BASE_URL": "https://aple.example.org",
        "REPORTS_ENCRYPTION_KEYS": "cHJvZHVjdGlvbi10ZXN0LWtleS1ub3QtYS1zZWNyZXQ=",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_admin_address_is_configurable():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "aple_site.settings.test", "ADMIN_PATH": "cms-7f3a"}
    code = "import django; django.setup(); from django.urls import reverse; print(reverse('wagtailadmin_home'))"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.stdout.strip() == "/cms-7f3a/", result.stderr
