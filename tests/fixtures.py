"""The test database of each pytest-xdist worker holds the seed content, loaded once when the worker starts.

- Most tests (Django's TestCase, the `db` fixture) run in a transaction that is rolled back: they see the seed
  and leave it as it was.
- Tests whose data must be committed (the live server of the browser tests runs in another thread; backups
  dump the database) use `committed_db`, which restores the seeded snapshot after the test.
- Factory tests that need a page tree of their own use tests.base.SiteTestCase, which starts from an empty
  tree inside its class's transaction.

`transactional_db` and TransactionTestCase would empty every table after the test (Django's flush), so they
are refused: use `committed_db`."""

import os
import socket
import threading
import time

from django.test import TestCase, TransactionTestCase

import pytest

from tests import snapshot

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls there without this.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def django_db_setup(django_test_environment, django_db_blocker, django_db_modify_db_settings):
    """The worker's test database (always: pytest-django would create it only when a collected test is marked
    for the database), migrated, with the seed content in both languages (tests/seeded_database.py: built once
    per version of the code, then copied). Yields its snapshot."""
    from django.test.utils import teardown_databases

    from tests.seeded_database import seeded_test_database

    with django_db_blocker.unblock():
        databases = seeded_test_database()
        seeded = snapshot.take()
    yield seeded
    with django_db_blocker.unblock():
        snapshot.close_other_sessions()
        teardown_databases(databases, verbosity=0)


@pytest.fixture(scope="session")
def seeded_snapshot(django_db_setup):
    return django_db_setup


class RequestsInFlight:
    """The live server's requests still being answered. Closing a browser does not wait for the requests it has
    sent (a preview the editor's panel asked for, an autosave): the seeded database is restored once the server
    has finished them, or the restore fails ("database is in use") or a late write lands in the next test."""

    def __init__(self):
        self.count = 0
        self.changed = threading.Condition()

    def counting(self, app):
        def counted(environ, start_response):
            with self.changed:
                self.count += 1
            try:
                return ClosedThen(app(environ, start_response), self._finished)
            except BaseException:
                self._finished()
                raise

        return counted

    def _finished(self):
        with self.changed:
            self.count -= 1
            self.changed.notify_all()

    def wait_until_idle(self, quiet_seconds=0.05, timeout=15):
        """Until no request has been in progress for `quiet_seconds` (one the browser sent just before it closed
        may still be on its way)."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                if not self.changed.wait_for(lambda: self.count == 0, deadline - time.monotonic()):
                    raise AssertionError(f"The live server still answers {self.count} request(s) after {timeout} s")
                if not self.changed.wait(quiet_seconds) and self.count == 0:
                    return


class ClosedThen:
    """A WSGI response that calls `then` once the server has closed it (Django's request_finished included)."""

    def __init__(self, response, then):
        self.response, self.then = response, then

    def __iter__(self):
        return iter(self.response)

    def close(self):
        try:
            if hasattr(self.response, "close"):
                self.response.close()
        finally:
            self.then()


LIVE_SERVER_REQUESTS = RequestsInFlight()


@pytest.fixture
def committed_db(seeded_snapshot, django_db_blocker):
    """Database access without a wrapping transaction; the seeded database is restored afterwards, once the live
    server has answered every request the test's browsers sent."""
    with django_db_blocker.unblock():
        try:
            yield
        finally:
            try:
                LIVE_SERVER_REQUESTS.wait_until_idle()
            finally:
                seeded_snapshot.restore()


@pytest.fixture(scope="session")
def site_server(django_db_setup, django_db_blocker):
    """Django's live server in a thread, for the whole session (pytest-django's `live_server` would empty the
    seeded database after every test). On SQLite it shares the test thread's in-memory database."""
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        server = LiveServer("localhost")
    httpd = server.thread.httpd
    httpd.set_app(LIVE_SERVER_REQUESTS.counting(httpd.get_app()))
    yield server
    server.stop()


@pytest.fixture
def transactional_db():
    raise pytest.UsageError("transactional_db empties the seeded database after the test: use committed_db")


@pytest.hookimpl(trylast=True)  # after tests/browser/conftest.py has marked the browser tests
def pytest_collection_modifyitems(items):
    for item in items:
        cls = getattr(item, "cls", None)
        if cls and issubclass(cls, TransactionTestCase) and not issubclass(cls, TestCase):
            raise pytest.UsageError(
                f"{item.nodeid}: TransactionTestCase empties the seeded database; use committed_db"
            )
    # The longest tests first (Chromium, the deployed stack): the workers then end together on short tests
    # instead of one finishing a 45 s browser test alone. Otherwise collection order, the same on every worker.
    items.sort(key=lambda item: 0 if item.get_closest_marker("browser") else 1 if "faults" in item.keywords else 2)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts and ends with an empty cache: the database is rolled back between tests, the cache is
    not (and a class's setUpTestData, which runs before its first test, must not read the last class's)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def proxy(site_server):
    """The shipped nginx configuration in front of the worker's live server; yields nginx's port."""
    from urllib.parse import urlsplit

    from tests import servers

    with servers.nginx_in_front_of(urlsplit(site_server.url).port) as port:
        yield port


@pytest.fixture
def smtp_server():
    """A real SMTP server (aiosmtpd) on a free local port: yields (port, inbox)."""
    from aiosmtpd.controller import Controller

    from tests.servers import Inbox

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield port, inbox
    controller.stop()
