"""load_initial_data: builds the tree, is idempotent, never overwrites editors' work; editor roles."""

import subprocess
import sys
from io import StringIO

from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command

from wagtail.models import GroupPagePermission, Page, Site, Workflow

import pytest

from aple_site.models import HomePage, SiteSettings, StandardPage
from history.models import HistoryIndexPage
from offices.models import OfficeIndexPage
from programs.models import ProgramIndexPage

pytestmark = pytest.mark.django_db


def load():
    out = StringIO()
    call_command("load_initial_data", stdout=out)
    return out.getvalue()


def test_builds_the_page_tree_under_the_default_site():
    load()
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert "2003" in home.what_we_do
    for model in (HistoryIndexPage, OfficeIndexPage, ProgramIndexPage, StandardPage):
        assert model.objects.child_of(home).live().exists(), model
    assert [p.page.specific_class for p in home.pathways.all()] == [
        HistoryIndexPage,
        OfficeIndexPage,
        ProgramIndexPage,
    ]
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
    assert SiteSettings.for_site(site).footer_text


def test_running_twice_creates_nothing_twice():
    load()
    pages, revisions = Page.objects.count(), sum(p.revisions.count() for p in Page.objects.all())
    output = load()
    assert Page.objects.count() == pages
    assert sum(p.revisions.count() for p in Page.objects.all()) == revisions
    assert "0 created, 0 updated" in output


def test_never_overwrites_a_page_an_editor_changed():
    load()
    editor = User.objects.create_user("editor", password="x" * 12)
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    about.intro = "Written by our communications team."
    about.save_revision(user=editor).publish(skip_permission_checks=True)
    output = load()
    about.refresh_from_db()
    assert about.intro == "Written by our communications team."
    assert "kept" in output and "/about/" in output and "not overwritten" in output


def test_keeps_an_editors_unpublished_draft():
    load()
    editor = User.objects.create_user("editor", password="x" * 12)
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    about.intro = "Draft by an editor."
    about.save_revision(user=editor)
    load()
    assert (
        StandardPage.objects.get(slug="about", locale__language_code="en").get_latest_revision_as_object().intro
        == "Draft by an editor."
    )


def test_editor_groups_and_moderation_workflow():
    load()
    rights = {
        name: set(GroupPagePermission.objects.filter(group__name=name).values_list("permission__codename", flat=True))
        for name in ("Editors", "Moderators")
    }
    assert {"add_page", "change_page"} <= rights["Editors"]
    assert "publish_page" not in rights["Editors"]
    assert "publish_page" in rights["Moderators"]
    workflow = Workflow.objects.get(name="Moderators approval", active=True)
    assert workflow.workflow_pages.filter(page__depth=1).exists()
    task = workflow.tasks.get().specific
    assert list(task.groups.all()) == [Group.objects.get(name="Moderators")]


def test_editor_cannot_publish_but_can_submit(client):
    load()
    editor = User.objects.create_user("editor", password="x" * 12)
    editor.groups.add(Group.objects.get(name="Editors"))
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    perms = about.permissions_for_user(editor)
    assert perms.can_edit() and not perms.can_publish()
    moderator = User.objects.create_user("moderator", password="x" * 12)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    assert about.permissions_for_user(moderator).can_publish()


def test_local_admin_is_refused_outside_development_settings():
    with pytest.raises(CommandError, match="development settings"):
        call_command("create_local_admin")
    assert not User.objects.filter(username="admin").exists()


def test_local_admin_gets_a_random_password_printed_once(settings):
    settings.LOCAL_DEVELOPMENT = True
    first, second = StringIO(), StringIO()
    call_command("create_local_admin", stdout=first)
    call_command("create_local_admin", stdout=second)
    password = first.getvalue().split("password: ")[1].split()[0]
    assert len(password) >= 16
    assert User.objects.get(username="admin").check_password(password)
    assert password not in second.getvalue()


def test_the_local_admin_reads_the_reports_sent_locally(settings, client):
    settings.LOCAL_DEVELOPMENT = True
    call_command("create_local_admin", stdout=StringIO())
    client.force_login(User.objects.get(username="admin"))
    assert client.get("/admin/hotline-reports/").status_code == 200
    assert client.get("/admin/hotline-audit-log/").status_code == 200


@pytest.mark.parametrize(
    "env, message",
    [
        ({"ALLOWED_HOSTS": "aple.example"}, "SECRET_KEY"),
        ({"SECRET_KEY": "s" * 50}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": "s" * 50, "ALLOWED_HOSTS": "aple.example"}, "WAGTAILADMIN_BASE_URL"),
    ],
)
def test_production_settings_refuse_to_start_without_secrets(env, message):
    code = "import django; django.setup()"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"DJANGO_SETTINGS_MODULE": "aple_site.settings.production", "PATH": "/usr/bin", **env},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert message in result.stderr


REPORT_KEY = {"REPORTS_ENCRYPTION_KEYS": "cHJvZHVjdGlvbi10ZXN0LWtleS1ub3QtYS1zZWNyZXQ="}
ADMIN_URL = {"WAGTAILADMIN_BASE_URL": "https://aple.example"}


def test_production_refuses_to_start_without_a_key_for_the_reports():
    code = "from django.conf import settings as s; print(s.DEBUG)"
    env = {"SECRET_KEY": "s" * 50, "ALLOWED_HOSTS": "aple.example", "PATH": "/usr/bin", **ADMIN_URL}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"DJANGO_SETTINGS_MODULE": "aple_site.settings.production", **env},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "Set REPORTS_ENCRYPTION_KEYS" in result.stderr


def test_production_settings_never_enable_debug():
    code = "from django.conf import settings as s; print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.COOKIE_CONSENT_SECURE)"
    env = {"SECRET_KEY": "s" * 50, "ALLOWED_HOSTS": "aple.example", "DEBUG": "true", "PATH": "/usr/bin", **REPORT_KEY}
    env.update(ADMIN_URL)
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"DJANGO_SETTINGS_MODULE": "aple_site.settings.production", **env},
        capture_output=True,
        text=True,
    )
    assert result.stdout.split() == ["False", "True", "True"], result.stderr
