"""WSGI entry point for gunicorn. Defaults to production settings, never to dev."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aple_site.settings.production")

application = get_wsgi_application()
