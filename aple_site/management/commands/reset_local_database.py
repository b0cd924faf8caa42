"""Delete every table of the local database (development settings only), so `migrate` starts afresh."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection


class Command(BaseCommand):
    help = "Drop all tables of the local database. Development settings only; asks first unless --no-input."

    def add_arguments(self, parser):
        parser.add_argument("--no-input", action="store_false", dest="interactive")

    def handle(self, *args, interactive=True, **options):
        if not getattr(settings, "LOCAL_DEVELOPMENT", False):
            raise CommandError("reset_local_database only runs with development settings (aple_site.settings.dev).")
        name = connection.settings_dict["NAME"]
        if interactive and input(f"Delete all data in {name}? Type 'yes': ") != "yes":
            raise CommandError("Nothing deleted.")
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
            else:
                tables = connection.introspection.table_names(cursor)
                cursor.execute("PRAGMA foreign_keys = OFF")
                for table in tables:
                    cursor.execute(f'DROP TABLE IF EXISTS "{table}"')
        self.stdout.write(self.style.SUCCESS(f"Emptied {name}."))
