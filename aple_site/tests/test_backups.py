"""A backup taken with backup_site brings back the pages and the uploaded files after they are lost."""

import shutil
import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command

import pytest

from aple_site.factories import ImageFactory, StandardPageFactory
from aple_site.models import HomePage, StandardPage


@pytest.fixture
def tmp_dir():
    path = tempfile.mkdtemp(prefix="aple-backup-test-")
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_dump_and_restore_bring_back_pages_and_media(committed_db, tmp_dir):
    """Committed data (pg_dump reads the database from another connection); the seed is restored afterwards."""
    home = HomePage.objects.get(locale__language_code="en")
    StandardPageFactory(parent=home, title="Our safeguarding policy", slug="safeguarding")
    photo = ImageFactory(description="Staff training")
    photo_path = Path(photo.file.path)
    photo_bytes = photo_path.read_bytes()

    call_command("backup_site", "--output", tmp_dir, stdout=StringIO())
    (folder,) = Path(tmp_dir).iterdir()

    # Disaster: the page is deleted and the upload is gone from disk.
    StandardPage.objects.get(slug="safeguarding").delete()
    photo_path.unlink()

    call_command("restore_site", str(folder), "--yes", stdout=StringIO())
    assert StandardPage.objects.get(slug="safeguarding").title == "Our safeguarding policy"
    assert photo_path.read_bytes() == photo_bytes


def test_after_a_restore_no_cached_copy_shows_a_page_the_backup_does_not_have(committed_db, tmp_dir, client, settings):
    settings.PAGE_CACHE = True
    call_command("backup_site", "--output", tmp_dir, stdout=StringIO())
    (folder,) = Path(tmp_dir).iterdir()
    home = HomePage.objects.get(locale__language_code="en")
    StandardPageFactory(parent=home, title="Published after the backup", slug="later")
    client.get("/en/later/")
    assert client.get("/en/later/")["X-Page-Cache"] == "hit"

    call_command("restore_site", str(folder), "--yes", stdout=StringIO())
    assert client.get("/en/later/").status_code == 404


def test_restore_needs_confirmation_and_a_real_folder(tmp_dir):
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore_site", tmp_dir)
    with pytest.raises(CommandError, match="not a backup folder"):
        call_command("restore_site", "/no/such/folder", "--yes")
