"""Settings shared by every environment, read from the environment and secure by default.

dev.py loosens them for a laptop; production.py insists on real secrets; test.py speeds tests up.
Every variable read here is documented in docs/operators/configuration.md (tests/test_docs.py checks it).
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from .caches import redis_cache, release_from_code
from .environment import env_bool, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "aple_site",
    "history",
    "offices",
    "programs",
    "help",
    "publications",
    "giving",
    "news",
    "stories",
    "cookie_consent",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

# The content apps' sections, under the home page besides its own page types (aple_site.HomePage): wiring, like
# INSTALLED_APPS, so that the core's code names no content app. A new section is added here.
HOME_PAGE_SECTIONS = [
    "history.HistoryIndexPage",
    "history.PartnerIndexPage",
    "history.MoUIndexPage",
    "offices.OfficeIndexPage",
    "programs.ProgramIndexPage",
    "help.HelpIndexPage",
    "publications.PublicationIndexPage",
    "publications.TransparencyPage",
    "giving.WaysToGivePage",
    "news.NewsIndexPage",
    "stories.StoryIndexPage",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "aple_site.web.headers.PermissionsPolicyMiddleware",
    "aple_site.web.headers.AnalyticsCSPMiddleware",
    "aple_site.web.headers.PreviewFramingMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the page cache, so that a cached page still deletes a visitor's withdrawn cookies.
    "aple_site.consent.middleware.ConsentCookieCleanupMiddleware",
    # Serves anonymous visitors' pages from the cache, before sessions or the database are touched.
    "aple_site.caching.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Activates the language of the URL prefix (/en/, /km/); sends the bare root to the browser's language.
    "django.middleware.locale.LocaleMiddleware",
    # Private pages' passwords, the admin's login and password reset: a limit per client (429).
    "aple_site.web.limits.GuessingLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: it turns locked-out login attempts into a 429 page.
    "axes.middleware.AxesMiddleware",
]

# django-axes refuses logins while a user name/address pair is locked out, then Django's ModelBackend
# checks the password. (AxesBackend first: it can also load users, which Django's test login needs.)
AUTHENTICATION_BACKENDS = ["axes.backends.AxesBackend", "django.contrib.auth.backends.ModelBackend"]

ROOT_URLCONF = "aple_site.urls"
WSGI_APPLICATION = "aple_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "aple_site.context_processors.site_settings",
                "aple_site.consent.banner.banner_config",
                "aple_site.context_processors.furniture",
            ],
        },
    },
]

# SQLite file by default; PostgreSQL in production, e.g. postgres://user@host:5432/aple
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # An editor's autosave and a save at the same moment must queue, not fail with "database is locked": WAL lets
    # readers and a writer work at once, a writer waits up to 20 s for another, and transactions take the write
    # lock when they begin (IMMEDIATE), so two never deadlock upgrading a read to a write.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# English (the default) and Khmer, as equals: every page and template string exists in both.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("km", "ខ្មែរ")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Phnom_Penh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["aple_site.i18n.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# Media on local disk by default; on an S3-compatible object store (AWS, DigitalOcean Spaces, MinIO, SeaweedFS...)
# when AWS_STORAGE_BUCKET_NAME is set, so that several app servers share one set of uploads (tested with two app
# servers and SeaweedFS: tests/cluster/). django-storages reads the keys (AWS_ACCESS_KEY_ID,
# AWS_SECRET_ACCESS_KEY) from the environment itself; the rest only from settings, so they are read here.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None  # e.g. https://s3.example.org
AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None  # where visitors fetch media, e.g. a CDN
AWS_S3_URL_PROTOCOL = os.environ.get("AWS_S3_URL_PROTOCOL", "https:")
AWS_S3_ADDRESSING_STYLE = os.environ.get("AWS_S3_ADDRESSING_STYLE") or None  # "path" for most self-hosted stores
AWS_DEFAULT_ACL = None  # the bucket's own policy decides
AWS_QUERYSTRING_AUTH = False  # public images get stable, cacheable URLs
AWS_S3_FILE_OVERWRITE = False  # never replace an upload that has the same name
MEDIA_STORAGE_BACKEND = (
    "storages.backends.s3.S3Storage" if AWS_STORAGE_BUCKET_NAME else "aple_site.ops.media_storage.MediaStorage"
)

STORAGES = {
    "default": {"BACKEND": MEDIA_STORAGE_BACKEND},
    # Hashed, compressed file names so browsers can cache static files forever.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Redis when REDIS_URL is set (shared by every app server and worker, so one publish clears every
# copy); otherwise memory local to each process. See aple_site/caching/ for what is cached.
REDIS_URL = os.environ.get("REDIS_URL", "")
# Every key carries the release, so that a deploy never reads (unpickles) what the previous code cached.
RELEASE = os.environ.get("RELEASE", "") or release_from_code(BASE_DIR)
CACHE_KEY_PREFIX = f"{os.environ.get('CACHE_KEY_PREFIX', 'aple')}:{RELEASE}"
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL, CACHE_KEY_PREFIX)}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "aple",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }
# How long the server keeps rendered pages and page furniture (menu, settings). With local memory each
# worker holds its own copy and only the worker that saw a publish clears it, so the default is short
# there; with Redis a publish clears every worker's copy at once.
CACHE_SECONDS = int(os.environ.get("CACHE_SECONDS", "3600" if REDIS_URL else "60"))
# Whole pages for anonymous visitors (aple_site.caching.page_cache.PageCacheMiddleware).
PAGE_CACHE = env_bool("PAGE_CACHE", True)
# Cache-Control max-age of public pages, for browsers, carriers' proxies and nginx's micro-cache: how long a page
# taken down may outlive its take-down there (nginx counts whole seconds: at most 4 s). The app's own page cache
# (Redis) forgets it at once.
PAGE_MAX_AGE = int(os.environ.get("PAGE_MAX_AGE", "3"))

# A CDN in front of the site is purged when a page is published (wagtail.contrib.frontend_cache).
WAGTAILFRONTENDCACHE = {}
if os.environ.get("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_API_TOKEN", ""),
        "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
    }
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):  # Varnish, or nginx with a purge module
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }

# Secure by default: dev.py turns these off for plain-HTTP localhost.
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No one may frame the site. The Wagtail admin's preview panel still works: a preview's response may be framed
# by the site itself (aple_site.web.headers.PreviewFramingMiddleware).
X_FRAME_OPTIONS = "DENY"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

LOGIN_URL = "wagtailadmin_login"

# Wagtail
WAGTAIL_SITE_NAME = "APLE Cambodia"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "txt"]
WAGTAILIMAGES_IMAGE_MODEL = "aple_site.SiteImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024  # 10 MB
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000  # refuses decompression bombs; an animation's frames count together
# Every format is re-encoded from its pixels alone, without metadata: see aple_site/images/metadata.py.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "aple_site.images.forms.SiteImageForm"
# PDFs are stored without their hidden data (author fields, XMP, their photos' EXIF): aple_site/documents/.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "aple_site.documents.forms.SiteDocumentForm"
# Uploads are cleaned in a child process with these limits (aple_site/images/sandbox.py).
IMAGE_CLEANING_MAX_MEMORY_MB = int(os.environ.get("IMAGE_CLEANING_MAX_MEMORY_MB", "1024"))
IMAGE_CLEANING_MAX_SECONDS = int(os.environ.get("IMAGE_CLEANING_MAX_SECONDS", "20"))
# A publication's PDF is read (page count, cover, text) in a child process with these limits: publications/pdf.py.
PUBLICATION_MAX_PDF_MB = int(os.environ.get("PUBLICATION_MAX_PDF_MB", "60"))
PDF_READING_MAX_MEMORY_MB = int(os.environ.get("PDF_READING_MAX_MEMORY_MB", "1024"))
PDF_READING_MAX_SECONDS = int(os.environ.get("PDF_READING_MAX_SECONDS", "30"))
# Password-protected pages ask for their password on a page in the site's own design (templates/).
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True

# django-cookie-consent: the consent cookie is HttpOnly, SameSite=Lax and Secure with the others.
COOKIE_CONSENT_NAME = "cookie_consent"
COOKIE_CONSENT_SECURE = SESSION_COOKIE_SECURE
COOKIE_CONSENT_HTTPONLY = True
COOKIE_CONSENT_SAMESITE = "Lax"
COOKIE_CONSENT_LOG_ENABLED = True
COOKIE_CONSENT_SUCCESS_URL = "/cookies/preferences/"
# Consent log entries older than this are deleted by `manage.py prune_consent_log` (run it daily).
CONSENT_LOG_RETENTION_DAYS = int(os.environ.get("CONSENT_LOG_RETENTION_DAYS", "365"))

# Privacy-friendly, self-hosted analytics (Matomo). Empty URL = no analytics at all.
# Loaded only for visitors who accept the "analytics" cookie group.
ANALYTICS_SCRIPT_URL = os.environ.get("ANALYTICS_SCRIPT_URL", "")  # e.g. https://stats.example.org/matomo.js
ANALYTICS_SITE_ID = os.environ.get("ANALYTICS_SITE_ID", "")

# Logs go to standard error; LOG_FORMAT=json (the production default) writes one JSON object per line.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"},
        "json": {"()": "aple_site.ops.log_format.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.security.DisallowedHost": {"level": "ERROR"},
        # Wagtail logs every page action and background task at INFO: useful in the admin's history, noise here.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

# Where the Wagtail admin lives (without slashes), e.g. "cms-7f3a". Default: "admin".
WAGTAIL_ADMIN_PATH = os.environ.get("ADMIN_PATH", "admin").strip("/") or "admin"

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failed logins for a user name from one address,
# that pair is locked out for AXES_COOLOFF_HOURS.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Behind reverse proxies the client's address is in X-Forwarded-For: TRUSTED_PROXY_COUNT says how many proxies
# stand in front of the app (1: the shipped nginx, which sets the header to the address it sees). With 0 the
# header is never read (anyone can send it). django-ipware counts the proxies that *added* an address, one fewer
# than stand in front; a header with more addresses than that (a client adding its own) counts as the proxy's.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_IPWARE_PROXY_COUNT = max(TRUSTED_PROXY_COUNT - 1, 0)
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if TRUSTED_PROXY_COUNT else ["REMOTE_ADDR"]

# Content-Security-Policy for the public site: no inline scripts or styles, no third party except the
# embed hosts of the External media block and, when configured, the analytics host (added per response by
# aple_site.web.headers.AnalyticsCSPMiddleware; the script only loads after consent). The Wagtail admin
# (and its previews) is excluded: it needs inline code, and previews are only seen by editors.
# Embeds load only after consent; these providers offer embeds that work without their own tracking scripts.
# The External media block accepts addresses on these origins only (aple_site/blocks.py).
EMBED_ORIGINS = ["https://www.openstreetmap.org", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]
# Uploads in an object store are fetched from its address (or its CDN's), which is APLE's own, not a third party.
MEDIA_ORIGINS = (
    [f"{AWS_S3_URL_PROTOCOL}//{AWS_S3_CUSTOM_DOMAIN}"]
    if AWS_S3_CUSTOM_DOMAIN
    else [AWS_S3_ENDPOINT_URL]
    if AWS_STORAGE_BUCKET_NAME and AWS_S3_ENDPOINT_URL
    else []
)
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": [f"/{WAGTAIL_ADMIN_PATH}/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "connect-src": [SELF],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "style-src": [SELF],
        "font-src": [SELF],
        "frame-src": EMBED_ORIGINS,
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
# The help section: reports, the hotline, its e-mails and the background worker (settings/reports.py).
from .reports import *  # noqa: E402,F401,F403

# How long the web server's access and error logs are kept: Debian's logrotate keeps nginx's logs 14 days. Said
# on the privacy notice; change it with the rotation.
SERVER_LOG_RETENTION_DAYS = int(os.environ.get("SERVER_LOG_RETENTION_DAYS", "14"))

# Powerful browser features the site never uses, switched off for every page.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"
