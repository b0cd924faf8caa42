"""Servers for the tests. The app as deployed, for tests/test_faults.py: the shipped nginx configuration in front of it, and the app in
gunicorn with production settings and a broken dependency (a database or Redis on a closed port)."""

import contextlib
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings

from scripts.bench_http import nginx_main_config, site_config

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def closed_port():
    """A local port nothing listens on (connections are refused at once)."""
    return free_port()


def request(port, path, method="GET", headers=None, body=None, source="127.0.0.1", host=None):
    """(status, headers as a dict with lower-case names, body bytes) of one plain HTTP request, from the given
    local source address (127.0.0.2, 127.0.0.3… are other clients on the loopback network)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(source, 0))
    try:
        all_headers = {"Host": host or f"127.0.0.1:{port}", **(headers or {})}
        connection.request(method, path, body=body, headers=all_headers)
        response = connection.getresponse()
        received = {}
        for name, value in response.getheaders():
            received.setdefault(name.lower(), []).append(value)
        return response.status, {k: ", ".join(v) for k, v in received.items()}, response.read()
    finally:
        connection.close()


def wait_until_answering(port, path="/healthz/", timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, http.client.HTTPException):
            return request(port, path)
        time.sleep(0.1)
    raise RuntimeError(f"nothing answered on port {port} within {timeout}s")


# port -> the access log of the nginx listening there (written with the shipped log format).
ACCESS_LOGS = {}


@contextlib.contextmanager
def nginx_in_front_of(app_port, *more_app_ports):
    """deploy/nginx-aple.conf on a local port (plain HTTP), passing requests to the app on app_port (and on the
    other app servers' ports, one upstream line each, as the configuration says). Yields the port;
    ACCESS_LOGS[port] is its access log."""
    work = Path(tempfile.mkdtemp(prefix="aple-nginx-"))
    port = free_port()
    site = site_config(work, app_port, port)
    for other in more_app_ports:
        first = f"server 127.0.0.1:{app_port};"
        site = site.replace(first, f"{first}\n    server 127.0.0.1:{other};", 1)
    (work / "site.conf").write_text(site)
    (work / "media").symlink_to(settings.MEDIA_ROOT)  # nginx serves the tests' uploads, as MEDIA_ROOT in production
    (work / "static").symlink_to(ROOT / "static")  # and the site's static files (its error pages, their CSS)
    (work / "nginx.conf").write_text(nginx_main_config(work, work / "site.conf", workers=1))
    server = subprocess.Popen(
        [NGINX, "-p", str(work), "-c", str(work / "nginx.conf"), "-g", "daemon off;"], stderr=subprocess.DEVNULL
    )
    ACCESS_LOGS[port] = work / "aple-access.log"
    try:
        wait_until_answering(port, "/static/none")
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)
        ACCESS_LOGS.pop(port, None)
        shutil.rmtree(work, ignore_errors=True)


def production_environment(**overrides):
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "aple_site.settings.production",
        "SECRET_KEY": "fault-test-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": "http://localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "SECURE_HSTS_SECONDS": "0",
        "REPORTS_ENCRYPTION_KEYS": "dGVzdC1vbmx5LWtleS1mb3ItZmF1bHQtdGVzdHMtMDA=",
        "LOG_LEVEL": "CRITICAL",
    }
    environment.update(overrides)
    return environment


def collect_static(environment):
    """collectstatic into the environment's STATIC_ROOT, as a deployment does (the 500 page needs its files)."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=production_environment(**environment),
        check=True,
    )


@contextlib.contextmanager
def gunicorn_process(**environment):
    """The app in gunicorn, as deployed (gunicorn.conf.py), with the given environment variables on top of
    production settings: yields (its port, its process, in a process group of its own so that it can be killed
    with its workers)."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "aple_site.wsgi", "--workers", "1", "--bind", f"127.0.0.1:{port}"]
        + ["--log-level", "critical", "--timeout", "60"],
        cwd=ROOT,
        env=production_environment(**environment),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_until_answering(port)
        yield port, server
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


@contextlib.contextmanager
def gunicorn(**environment):
    """The app in gunicorn, as deployed; yields its port."""
    with gunicorn_process(**environment) as (port, _server):
        yield port


class Inbox:
    """What the test SMTP server received: one envelope per message."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


def wait_for_mail(inbox, timeout_s=5):
    """The messages once the first has arrived (the server takes them in its own thread)."""
    import time

    for _ in range(int(timeout_s * 10)):
        if inbox.messages:
            break
        time.sleep(0.1)
    return inbox.messages
