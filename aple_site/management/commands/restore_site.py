"""manage.py restore_site FOLDER --yes: replace the database and media with a backup_site backup."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from aple_site.caching.version import bump_content_version
from aple_site.ops.backups import restore_database, restore_media


class Command(BaseCommand):
    help = "Restore the database and uploaded media from a folder written by backup_site. Replaces the database."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A folder written by backup_site.")
        parser.add_argument("--yes", action="store_true", help="Confirm that the current database is replaced.")

    def handle(self, *args, folder, yes, **options):
        folder = Path(folder)
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a backup folder")
        if not yes:
            raise CommandError("This replaces the current database and media. Run again with --yes to go ahead.")
        restore_database(folder)
        restore_media(folder)
        # The restore bypasses the models' signals: without this, cached pages would still show what the backup
        # removed (a page taken down since, a private page). With a per-process cache (no REDIS_URL), restart
        # the app servers too: this command cannot reach their memory.
        bump_content_version()
        self.stdout.write(self.style.SUCCESS(f"Restored the database and media from {folder}"))
