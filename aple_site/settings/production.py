"""Production: refuses to start without a secret key and host names, and never runs with DEBUG."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import env_bool

DEBUG = False
LOGGING["handlers"]["console"]["formatter"] = os.environ.get("LOG_FORMAT", "json")  # noqa: F405

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable (production settings).")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("Set the ALLOWED_HOSTS environment variable (production settings).")
if not os.environ.get("WAGTAILADMIN_BASE_URL"):  # noqa: F405
    # Otherwise notification and password-reset e-mails link to http://127.0.0.1:8000.
    raise ImproperlyConfigured("Set WAGTAILADMIN_BASE_URL to the admin's address, e.g. https://aple.example.org.")
if not REPORTS_ENCRYPTION_KEYS:  # noqa: F405
    raise ImproperlyConfigured(
        "Set REPORTS_ENCRYPTION_KEYS: reports are stored encrypted (docs/operators/configuration.md)."
    )

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# The TLS-terminating proxy tells us the original scheme.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if not SECURE_HSTS_PRELOAD:
    # Preloading is a one-way commitment for every subdomain: a deliberate opt-in (SECURE_HSTS_PRELOAD=true).
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
