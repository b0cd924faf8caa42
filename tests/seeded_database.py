"""Each test worker's database, migrated and seeded once per version of the code, then copied.

Migrating (about 270 migrations) and seeding both languages take a worker about 20 s. The result depends only on the
code that runs while they do (migrations, models, the seed and its engine, the Khmer catalogue, the installed
packages), so it is kept, keyed by a hash of that code, and the next worker (in this run or a later one) copies
it instead: SQLite's online backup API into the worker's in-memory database, or PostgreSQL's CREATE DATABASE …
TEMPLATE. Any change to that code makes a new key, and the database is built afresh. Tests are not part of the
key: changing a test reuses the database.

SQLite copies live in ~/.cache/aple-site/test-databases/ (or $APLE_TEST_DB_CACHE); PostgreSQL keeps its own as
databases named aple_seeded_<key>, the previous key's dropped when a new one is made."""

import hashlib
import os
import sqlite3
from contextlib import closing, suppress
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError, connection
from django.test.utils import setup_databases

ROOT = Path(settings.BASE_DIR)
OUTSIDE_THE_KEY = {".venv", "node_modules", "tests", "scripts", "docs", "static", "templates", "staticfiles"}


def code_key():
    """A hash of everything migrating and seeding run: the project's code outside its tests, the Khmer
    catalogue and the pinned packages."""
    digest = hashlib.sha256()
    folders = [p for p in ROOT.iterdir() if p.is_dir() and p.name not in OUTSIDE_THE_KEY and p.name[0] != "."]
    files = [ROOT / "constraints.txt", *ROOT.glob("locale/*/LC_MESSAGES/django.po")]
    files += [path for folder in folders for path in folder.rglob("*.py") if "tests" not in path.parts]
    for path in sorted(files):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def build():
    """The worker's test database as setup_databases makes it, migrated and seeded: returns its old config."""
    databases = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    call_command("load_initial_data", stdout=StringIO())
    return databases


def seeded_test_database():
    """The worker's test database with the seed content, copied from the kept one when there is one, built and
    kept otherwise. Returns the old config, for teardown_databases."""
    key = code_key()
    if connection.vendor == "sqlite":
        return _sqlite(
            Path(os.environ.get("APLE_TEST_DB_CACHE", Path.home() / ".cache/aple-site/test-databases")), key
        )
    if connection.vendor == "postgresql":
        return _postgresql(f"aple_seeded_{key}")
    return build()


def _use_test_database(create):
    """Point the connection at the worker's test database, made by `create(test_name)`, as Django's
    create_test_db does, without migrating."""
    old_name = connection.settings_dict["NAME"]
    test_name = connection.creation._get_test_db_name()
    create(test_name)
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = connection.settings_dict["NAME"] = test_name
    connection.ensure_connection()
    return [(connection, old_name, True)]


def _sqlite(directory, key):
    kept = directory / f"{key}.sqlite3"
    if kept.exists():
        databases = _use_test_database(lambda name: None)  # an in-memory database, empty until copied into
        with closing(sqlite3.connect(kept)) as source:
            source.backup(connection.connection)
        return databases
    databases = build()
    with suppress(OSError):  # a read-only or full home directory: the next run builds its own again
        _keep_sqlite(directory, key, kept)
    return databases


def _keep_sqlite(directory, key, kept):
    directory.mkdir(parents=True, exist_ok=True)
    partial = directory / f"{key}.{os.getpid()}.partial"
    with closing(sqlite3.connect(partial)) as copy:
        connection.connection.backup(copy)
    partial.replace(kept)  # atomic: another worker never reads a half-written copy
    for old in directory.glob("*.sqlite3"):
        if old != kept:
            old.unlink(missing_ok=True)


def _postgresql(template):
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
        exists = cursor.fetchone() is not None
    if exists:

        def copy(test_name):
            with connection._nodb_cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{test_name}"')
                cursor.execute(f'CREATE DATABASE "{test_name}" TEMPLATE "{template}"')

        try:
            return _use_test_database(copy)
        except DatabaseError:
            pass  # another worker is making the template right now: build this one instead
    databases = build()
    _keep_as_template(template)
    return databases


def _keep_as_template(template):
    """Copy the worker's database as `template` (nobody may be connected to the source while it is copied)."""
    name = connection.settings_dict["NAME"]
    connection.close()
    try:
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{template}" TEMPLATE "{name}"')
            cursor.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE 'aple_seeded_%%' AND datname <> %s", [template]
            )
            for (old,) in cursor.fetchall():
                cursor.execute(f'DROP DATABASE IF EXISTS "{old}"')
    except DatabaseError:
        pass  # another worker kept it first, or an old one is in use: this run is not slower for it
    connection.ensure_connection()
