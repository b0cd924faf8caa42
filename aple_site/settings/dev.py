"""Local development: DEBUG on, plain HTTP on localhost, a throwaway secret key."""

from .base import *  # noqa: F401,F403
from .base import env_bool, env_list

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"  # noqa: F405
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = COOKIE_CONSENT_SECURE = env_bool("SECURE_COOKIES", False)

# runserver serves static files itself; no collectstatic needed while developing.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405

# Commands that create a known admin account or wipe the database run only under these settings.
LOCAL_DEVELOPMENT = True
# The groups `make run`'s local admin joins: superusers read reports only as Hotline members.
LOCAL_ADMIN_GROUPS = ["Hotline", "Hotline leads"]
# WhiteNoise serves straight from the static folders, re-reading them as files change.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# A fixed, public key for local reports only (production refuses to start without its own).
REPORTS_ENCRYPTION_KEYS = env_list("REPORTS_ENCRYPTION_KEYS") or ["ZGV2LW9ubHkta2V5LWZvci1sb2NhbC1yZXBvcnRzLTA="]
if not EMAIL_HOST:  # noqa: F405
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    # ...and the background worker that `make run` starts prints each notification there: see one arrive.
    REPORTS_NOTIFY_EMAIL = REPORTS_NOTIFY_EMAIL or "hotline@localhost"  # noqa: F405
    CONTACT_NOTIFY_EMAIL = CONTACT_NOTIFY_EMAIL or "contact@localhost"  # noqa: F405
