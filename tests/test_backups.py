"""A backup taken with backup_site brings back the pages and the uploaded files after they are lost."""

from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command
from django.test import TransactionTestCase

from wagtail_factories import ImageFactory

from aple_site.models import StandardPage
from aple_site.seeding import ensure_tree_roots
from tests.factories import HomePageFactory, StandardPageFactory


class BackupAndRestoreTests(TransactionTestCase):
    def test_dump_and_restore_bring_back_pages_and_media(self):
        # Another TransactionTestCase may have flushed the database, Wagtail's root page and locales too.
        home = HomePageFactory(parent=ensure_tree_roots())
        StandardPageFactory(parent=home, title="Our safeguarding policy", slug="safeguarding")
        photo = ImageFactory(description="Staff training")
        photo_path = Path(photo.file.path)
        photo_bytes = photo_path.read_bytes()
        output = Path(self.tmp_dir())

        call_command("backup_site", "--output", str(output), stdout=StringIO())
        (folder,) = output.iterdir()

        # Disaster: the page is deleted and the upload is gone from disk.
        StandardPage.objects.get(slug="safeguarding").delete()
        photo_path.unlink()

        call_command("restore_site", str(folder), "--yes", stdout=StringIO())
        self.assertEqual(StandardPage.objects.get(slug="safeguarding").title, "Our safeguarding policy")
        self.assertEqual(photo_path.read_bytes(), photo_bytes)

    def test_restore_needs_confirmation_and_a_real_folder(self):
        with self.assertRaisesRegex(CommandError, "--yes"):
            call_command("restore_site", self.tmp_dir())
        with self.assertRaisesRegex(CommandError, "not a backup folder"):
            call_command("restore_site", "/no/such/folder", "--yes")

    def tmp_dir(self):
        import shutil
        import tempfile

        path = tempfile.mkdtemp(prefix="aple-backup-test-")
        self.addCleanup(shutil.rmtree, path, ignore_errors=True)
        return path
