"""SQLite, the embedded default, as configured: an autosave meeting a save waits its turn instead of failing."""

import threading
import time

from django.conf import settings
from django.db import connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper

import pytest

SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}


def connect(path, alias):
    """A Django connection (registered as `alias`, for transaction.atomic) to the SQLite file, with the options
    the settings give a SQLite database."""
    engine = {**settings.DATABASES["default"], "ENGINE": "django.db.backends.sqlite3", "OPTIONS": SQLITE_OPTIONS}
    wrapper = DatabaseWrapper({**engine, "NAME": str(path), "TEST": {}}, alias=alias)
    connections[alias] = wrapper
    wrapper.ensure_connection()
    return wrapper


def test_settings_give_sqlite_wal_a_busy_timeout_and_immediate_transactions(monkeypatch):
    import importlib

    from aple_site.settings import base

    monkeypatch.delenv("DATABASE_URL", raising=False)
    reloaded = importlib.reload(base)
    try:
        assert reloaded.DATABASES["default"]["OPTIONS"] == SQLITE_OPTIONS
    finally:
        importlib.reload(base)


def test_two_writers_at_once_queue_instead_of_failing(tmp_path):
    path = tmp_path / "site.sqlite3"
    setup = connect(path, "sqlite-setup")
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE revision (id INTEGER PRIMARY KEY, body TEXT)")
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
    setup.close()
    errors, started = [], threading.Event()

    def editor(name, pause):
        connection = connect(path, f"sqlite-{name}")
        try:
            with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM revision")  # reads, as a save does, then writes
                started.set()
                time.sleep(pause)
                cursor.execute("INSERT INTO revision (body) VALUES (%s)", [name])
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    autosave = threading.Thread(target=editor, args=("autosave", 0.3))
    autosave.start()
    started.wait(5)
    save = threading.Thread(target=editor, args=("save", 0))
    save.start()
    autosave.join(30)
    save.join(30)
    assert errors == []
    check = connect(path, "sqlite-check")
    with check.cursor() as cursor:
        cursor.execute("SELECT body FROM revision ORDER BY id")
        assert sorted(row[0] for row in cursor.fetchall()) == ["autosave", "save"]
    check.close()


pytestmark = pytest.mark.django_db
