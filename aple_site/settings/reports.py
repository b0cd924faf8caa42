"""Settings of the help section: reports and contact messages (encryption, who is told, how long they are kept),
the e-mail that tells staff and the background worker that sends it, and the quick exit. Imported by base.py;
every variable is documented in docs/operators/configuration.md."""

import os

from .environment import env_bool, env_list

# Reports made with the online form (help app): encrypted with these Fernet keys (comma-separated, newest first;
# `python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"` makes one), the
# hotline told at REPORTS_NOTIFY_EMAIL (the reference only), and deleted after REPORT_RETENTION_DAYS
# (`manage.py prune_reports`, daily).
REPORTS_ENCRYPTION_KEYS = env_list("REPORTS_ENCRYPTION_KEYS")
REPORTS_NOTIFY_EMAIL = os.environ.get("REPORTS_NOTIFY_EMAIL", "")
REPORT_RETENTION_DAYS = int(os.environ.get("REPORT_RETENTION_DAYS", "365"))
# Messages sent with the Contact page's form: encrypted with the same keys, CONTACT_NOTIFY_EMAIL told (the
# reference only), deleted after REPORT_RETENTION_DAYS like reports (`manage.py prune_reports`).
CONTACT_NOTIFY_EMAIL = os.environ.get("CONTACT_NOTIFY_EMAIL", "")
# Times on reports, in lists, detail pages and e-mails alike, whatever a staff member's own time zone.
HOTLINE_TIME_ZONE = "Asia/Phnom_Penh"
# Background work (Django's tasks API, the django-tasks backport that Wagtail 7.4 uses). Wagtail's own tasks
# (search and reference indexes) stay immediate, as Wagtail ships them; the site's e-mails go through the
# database queue that `manage.py db_worker --backend background` works (deploy/aple-worker.service).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# A notification the mail server refused is tried again after this many seconds, then twice as long each time.
NOTIFY_RETRY_SECONDS = int(os.environ.get("NOTIFY_RETRY_SECONDS", "60"))
# E-mail: SMTP when EMAIL_HOST is set (dev.py prints mail to the console otherwise).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))  # seconds: a slow mail server must not hold a worker
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "APLE website <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The numbers the 500 page gives (it is rendered without the database, so it cannot read the site settings'
# numbers): keep them the same as Settings > Site settings in the admin.
ERROR_PAGE_HOTLINE_PHONE = os.environ.get("ERROR_PAGE_HOTLINE_PHONE", "092 311 511")
ERROR_PAGE_POLICE_PHONE = os.environ.get("ERROR_PAGE_POLICE_PHONE", "1288")

# Where the quick-exit button of the help pages goes: a neutral page that gives nothing away on a shared screen.
QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "https://www.google.com/search?q=weather+phnom+penh")
