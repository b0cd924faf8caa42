"""Backups of the database and the uploaded media, and restoring them (manage.py backup_site/restore_site).

A backup is a folder holding the database (PostgreSQL's custom dump format, or an SQLite copy made with
SQLite's online backup API) and media.tar.gz. Uploads kept in S3-compatible storage are not included:
use the bucket's own versioning or replication for those."""

import os
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection

PG_DUMP = "database.pgdump"
SQLITE_COPY = "database.sqlite3"
MEDIA_ARCHIVE = "media.tar.gz"


def _pg_command(program, db):
    command = [program, "--no-owner", "--dbname", db["NAME"]]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            command += [flag, str(db[key])]
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    return command, env


def backup_database(folder):
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        command, env = _pg_command("pg_dump", db)
        subprocess.run([*command, "--format=custom", "--file", str(folder / PG_DUMP)], env=env, check=True)
        return folder / PG_DUMP
    connection.ensure_connection()
    target = sqlite3.connect(folder / SQLITE_COPY)
    with target:
        connection.connection.backup(target)  # consistent even while the site is serving requests
    target.close()
    return folder / SQLITE_COPY


def restore_database(folder):
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        command, env = _pg_command("pg_restore", db)
        connection.close()
        subprocess.run(
            [*command, "--clean", "--if-exists", "--single-transaction", str(folder / PG_DUMP)], env=env, check=True
        )
        return
    source = sqlite3.connect(folder / SQLITE_COPY)
    connection.ensure_connection()
    source.backup(connection.connection)
    source.close()


def backup_media(folder):
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / MEDIA_ARCHIVE, "w:gz") as archive:
        if media.exists():
            archive.add(media, arcname=".")
    return folder / MEDIA_ARCHIVE


def restore_media(folder):
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / MEDIA_ARCHIVE) as archive:
        archive.extractall(media, filter="data")  # refuses absolute paths, links out of the folder, devices
