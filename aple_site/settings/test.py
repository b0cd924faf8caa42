"""Tests: fast password hashing, plain static storage, no HTTPS redirects."""

import tempfile
from pathlib import Path

from .dev import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="aple-test-media-"))
LOCAL_DEVELOPMENT = False
WAGTAILADMIN_BASE_URL = "http://testserver"
# Off by default so that every test request renders the page; tests/test_caching.py turns it on.
PAGE_CACHE = False
# A page type that routes its own sub-paths (RoutablePageMixin), for aple_site/tests/test_routing.py.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.routable"]  # noqa: F405
