"""manage.py backup_site [--output DIR]: the database and uploaded media, in a new dated folder."""

from datetime import UTC, datetime
from pathlib import Path

from django.core.management.base import BaseCommand

from aple_site.ops.backups import backup_database, backup_media


class Command(BaseCommand):
    help = "Back up the database and the uploaded media into a new dated folder (restore with restore_site)."

    def add_arguments(self, parser):
        parser.add_argument("--output", default="backups", help="Folder that receives the backup folder.")

    def handle(self, *args, output, **options):
        folder = Path(output) / datetime.now(UTC).strftime("aple-backup-%Y%m%d-%H%M%S")
        folder.mkdir(parents=True)
        for path in (backup_database(folder), backup_media(folder)):
            self.stdout.write(f"  {path} ({path.stat().st_size / 1024:.0f} KB)")
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
