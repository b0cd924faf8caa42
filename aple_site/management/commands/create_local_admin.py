"""Create the local admin account used with `make run`, with a random password printed once.

Refuses to run unless the settings allow it (only aple_site.settings.dev does), so a production
server can never end up with a known account."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


class Command(BaseCommand):
    help = "Create the local 'admin' superuser with a random password (development settings only)."

    def handle(self, *args, **options):
        if not getattr(settings, "LOCAL_DEVELOPMENT", False):
            raise CommandError("The local admin account is only for development settings (aple_site.settings.dev).")
        User = get_user_model()
        admin_url = f"{settings.WAGTAILADMIN_BASE_URL}/{settings.WAGTAIL_ADMIN_PATH}/"
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(
                f"Admin login: user '{USERNAME}' at {admin_url} (password shown when it was created; "
                f"set a new one with: .venv/bin/python manage.py changepassword {USERNAME})"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(USERNAME, email="", password=password)
        self.stdout.write(self.style.SUCCESS("Created the local admin account. This password is shown only once:"))
        self.stdout.write(f"    {admin_url}  user: {USERNAME}  password: {password}")
