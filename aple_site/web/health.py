"""/healthz/ for load balancers and monitoring: does the app reach its database, and its cache?"""

import logging

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def database_reachable():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: database unreachable")
        return False
    return True


def cache_reachable():
    """A write read back. With Redis down the cache fails soft (a miss), so a lost value is how it shows; while
    its circuit breaker is open (aple_site/caching/breaker.py), the cache is not called at all."""
    if getattr(cache, "is_degraded", lambda: False)():
        return False
    try:
        cache.set("healthz", "ok", 10)
        return cache.get("healthz") == "ok"
    except Exception:  # noqa: BLE001 - any cache error means the same here
        logger.exception("Health check: cache unreachable")
        return False


@never_cache
def health(request):
    """200 while the app can serve pages (it can without its cache: slower, uncached, "degraded"), 503 when the
    database is unreachable. The JSON says which dependency is down."""
    database_ok, cache_ok = database_reachable(), cache_reachable()
    body = {
        "status": "error" if not database_ok else "ok" if cache_ok else "degraded",
        "database": "ok" if database_ok else "unreachable",
        "cache": "ok" if cache_ok else "degraded",
    }
    return JsonResponse(body, status=200 if database_ok else 503)
