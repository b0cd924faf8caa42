"""A snapshot of the test database (the seeded site), taken once per test worker and restored after every test
that commits: browser tests, whose live server must see the data, and the backup tests.

Tests that run inside a transaction (TestCase, the `db` fixture) need no snapshot: their transaction is rolled
back. SQLite (an in-memory database per worker) is copied whole with SQLite's online backup API; PostgreSQL's
tables are copied into memory with COPY, so nothing extra ends up in the database (the backup test dumps it).
Restoring takes milliseconds on SQLite and a fraction of a second on PostgreSQL (only the tables a test changed),
where loading the seed takes tens of seconds."""

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
    """The rows of every table, and a fingerprint of each table (its row count and the newest transaction that
    wrote one of its rows, PostgreSQL's xmin): any insert or update writes a newer xmin, a delete lowers the
    count. `restore` puts back only the tables whose fingerprint changed, a few out of a hundred after a
    typical test, which made restoring several times quicker than rewriting every table."""

    def __init__(self):
        with connection.cursor() as cursor:
            self.tables = [t for t in connection.introspection.table_names(cursor) if t != "django_migrations"]
            self.rows = {}
            for table in self.tables:
                buffer = io.BytesIO()
                cursor.copy_expert(f'COPY "{table}" TO STDOUT WITH (FORMAT binary)', buffer)
                self.rows[table] = buffer.getvalue()
            self.fingerprints = self._fingerprints(cursor, self.tables)

    @staticmethod
    def _fingerprints(cursor, tables):
        cursor.execute(
            " UNION ALL ".join(
                f"SELECT '{table}', count(*), coalesce(max(xmin::text::bigint), 0) FROM \"{table}\""
                for table in tables
            )
        )
        return {table: (count, newest) for table, count, newest in cursor.fetchall()}

    def restore(self):
        with connection.cursor() as cursor:
            now = self._fingerprints(cursor, self.tables)
            changed = [table for table in self.tables if now[table] != self.fingerprints[table]]
            if not changed:
                return
            # Foreign keys are DEFERRABLE INITIALLY DEFERRED (Django's default on PostgreSQL): the rows of the
            # changed tables are deleted and copied back in one transaction, checked at its end. (TRUNCATE would
            # refuse a table that an unchanged one points at.)
            with transaction.atomic():
                for table in changed:
                    cursor.execute(f'DELETE FROM "{table}"')
                    cursor.copy_expert(f'COPY "{table}" FROM STDIN WITH (FORMAT binary)', io.BytesIO(self.rows[table]))
                models = [
                    model for model in apps.get_models(include_auto_created=True) if model._meta.db_table in changed
                ]
                for sql in connection.ops.sequence_reset_sql(no_style(), models):
                    cursor.execute(sql)
            self.fingerprints.update(self._fingerprints(cursor, changed))


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
