"""Delete every table of the local database (development settings only), so `migrate` starts afresh."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from aple_site.ops.local import NotLocal, empty_local_database, ensure_local


class Command(BaseCommand):
    help = "Drop all tables of the local database. Development settings only; asks first unless --no-input."

    def add_arguments(self, parser):
        parser.add_argument("--no-input", action="store_false", dest="interactive")

    def handle(self, *args, interactive=True, **options):
        try:
            ensure_local()
        except NotLocal as error:
            raise CommandError(f"reset_local_database is refused: {error}") from error
        name = connection.settings_dict["NAME"]
        if interactive and input(f"Delete all data in {name}? Type 'yes': ") != "yes":
            raise CommandError("Nothing deleted.")
        empty_local_database()
        self.stdout.write(self.style.SUCCESS(f"Emptied {name}."))
