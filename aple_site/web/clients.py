"""Who is asking: the client's address (behind the trusted proxies only), and a per-client rate limit."""

import time

from django.conf import settings
from django.core.cache import cache

from ipware.ip import get_client_ip


def client_address(request):
    """The client's address as django-axes sees it (settings: TRUSTED_PROXY_COUNT)."""
    address, _routable = get_client_ip(
        request,
        proxy_count=settings.AXES_IPWARE_PROXY_COUNT,
        request_header_order=settings.AXES_IPWARE_META_PRECEDENCE_ORDER,
    )
    return address or request.META.get("REMOTE_ADDR", "unknown")


def within_rate(request, scope, limit, period=60):
    """Whether this client has made at most `limit` requests of this kind in the current `period` seconds.
    When the cache is down, everyone is let through: the limit protects the site, it must not take it down."""
    window = int(time.time() // period)
    key = f"rate:{scope}:{client_address(request)}:{window}"
    try:
        if cache.add(key, 1, period):
            return True
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        return True
    return count is None or count <= limit
