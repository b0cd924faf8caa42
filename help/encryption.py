"""Encryption at rest for what people report: nothing they wrote is ever in the database as plain text.

Fernet (AES-128-CBC with an HMAC-SHA256, from the maintained `cryptography` package) with the keys in
REPORTS_ENCRYPTION_KEYS, newest first: MultiFernet encrypts with the first and decrypts with any, so a key is
rotated by putting a new one in front (and `manage.py rotate_report_keys` re-encrypts). The keys live in the
environment, never in the database or the code: a stolen database or backup alone reveals nothing."""

import json

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

from cryptography.fernet import Fernet, MultiFernet


def fernet():
    keys = settings.REPORTS_ENCRYPTION_KEYS
    if not keys:
        raise ImproperlyConfigured("Set REPORTS_ENCRYPTION_KEYS (see docs/operators/configuration.md).")
    return MultiFernet([Fernet(key.encode() if isinstance(key, str) else key) for key in keys])


def encrypt(value):
    return fernet().encrypt(json.dumps(value, ensure_ascii=False).encode()).decode()


def decrypt(token):
    return json.loads(fernet().decrypt(token.encode()))


class EncryptedJSONField(models.TextField):
    """A JSON value stored as a Fernet token: encrypted on the way to the database, decrypted on the way back."""

    def get_prep_value(self, value):
        return None if value is None else encrypt(value)

    def from_db_value(self, value, expression, connection):
        return None if value is None else decrypt(value)

    def to_python(self, value):
        return value
