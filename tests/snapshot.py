"""A snapshot of the test database (the seeded site), taken once per test worker and restored after every test
that commits: browser tests, whose live server must see the data, and the backup tests.

Tests that run inside a transaction (TestCase, the `db` fixture) need no snapshot: their transaction is rolled
back. SQLite (an in-memory database per worker) is copied whole with SQLite's online backup API; PostgreSQL's
tables are copied into memory with COPY, so nothing extra ends up in the database (the backup test dumps it).
Restoring takes milliseconds on SQLite and a fraction of a second on PostgreSQL, where loading the seed
takes seconds."""

import io
import sqlite3

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction


def take():
    """Snapshot of the database as it is now; restore it with `.restore()`."""
    return PostgresSnapshot() if connection.vendor == "postgresql" else SqliteSnapshot()


class SqliteSnapshot:
    def __init__(self):
        connection.ensure_connection()
        self.copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(self.copy)

    def restore(self):
        connection.ensure_connection()
        self.copy.backup(connection.connection)


class PostgresSnapshot:
    def __init__(self):
        with connection.cursor() as cursor:
            self.tables = [t for t in connection.introspection.table_names(cursor) if t != "django_migrations"]
            self.rows = {}
            for table in self.tables:
                buffer = io.BytesIO()
                cursor.copy_expert(f'COPY "{table}" TO STDOUT WITH (FORMAT binary)', buffer)
                self.rows[table] = buffer.getvalue()

    def restore(self):
        # Foreign keys are DEFERRABLE INITIALLY DEFERRED (Django's default on PostgreSQL): table order is free.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in self.tables))
            for table in self.tables:
                cursor.copy_expert(f'COPY "{table}" FROM STDIN WITH (FORMAT binary)', io.BytesIO(self.rows[table]))
            models = apps.get_models(include_auto_created=True)
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)


def close_other_sessions():
    """Close the worker's other connections to its test database, so that it can be dropped.

    Django keeps a connection per thread and per context, and Playwright's sync API runs test code in greenlets
    that have contexts of their own: the connection a test used may not be the one closing the session."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
