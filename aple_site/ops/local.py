"""For a developer's machine only: the local admin account with a random password, and emptying the local
database. Both refuse to run unless the settings say they are local (only aple_site.settings.dev does), so a
production server can never end up with a known account or an emptied database."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection

ADMIN_USERNAME = "admin"


class NotLocal(Exception):
    """The settings are not local development settings."""


def ensure_local():
    if not getattr(settings, "LOCAL_DEVELOPMENT", False):
        raise NotLocal("This only runs with development settings (aple_site.settings.dev).")


def create_local_admin():
    """The password of a new 'admin' superuser (shown once), or None when the account exists already."""
    ensure_local()
    User = get_user_model()
    if User.objects.filter(username=ADMIN_USERNAME).exists():
        return None
    password = secrets.token_urlsafe(12)
    admin = User.objects.create_superuser(ADMIN_USERNAME, email="", password=password)
    # A superuser reads reports only as a member of the Hotline group (help/access.py): locally, the admin is one,
    # so that a developer sees the reports they send.
    admin.groups.add(*Group.objects.filter(name__in=settings.LOCAL_ADMIN_GROUPS))
    return password


def empty_local_database():
    """Drop every table, so that `migrate` starts afresh."""
    ensure_local()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
        else:
            tables = connection.introspection.table_names(cursor)
            cursor.execute("PRAGMA foreign_keys = OFF")
            for table in tables:
                cursor.execute(f'DROP TABLE IF EXISTS "{table}"')
