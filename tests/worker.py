"""The background worker in a test: django-tasks-db's own `db_worker` command, run until nothing is ready."""

from io import StringIO
from unittest import mock

from django.core.management import call_command


def run_worker():
    """Between tasks the worker drops database connections it considers stale, as a long-running process must.
    Inside a test's transaction (autocommit off) Django counts the test's own connection as stale and closes it
    (PostgreSQL: 'connection already closed'), so here that step is skipped; the tasks run as in production."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--backend", "background", "--batch", "--no-startup-delay", stdout=StringIO())
