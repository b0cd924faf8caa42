"""Create the local admin account used with `make run`, with a random password printed once (development
settings only)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from aple_site.ops.local import ADMIN_USERNAME, NotLocal, create_local_admin


class Command(BaseCommand):
    help = "Create the local 'admin' superuser with a random password (development settings only)."

    def handle(self, *args, **options):
        try:
            password = create_local_admin()
        except NotLocal as error:
            raise CommandError(f"The local admin account is refused: {error}") from error
        admin_url = f"{settings.WAGTAILADMIN_BASE_URL}/{settings.WAGTAIL_ADMIN_PATH}/"
        if password is None:
            self.stdout.write(
                f"Admin login: user '{ADMIN_USERNAME}' at {admin_url} (password shown when it was created; "
                f"set a new one with: .venv/bin/python manage.py changepassword {ADMIN_USERNAME})"
            )
            return
        self.stdout.write(self.style.SUCCESS("Created the local admin account. This password is shown only once:"))
        self.stdout.write(f"    {admin_url}  user: {ADMIN_USERNAME}  password: {password}")
        self.stdout.write("    (in the Hotline groups too, so it reads the reports and messages sent on this machine)")
