"""Who is asking: the client's address (behind the trusted proxies only), and per-client rate limits."""

import ipaddress
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


def client_key(request):
    """The client a limit counts: its address, or for IPv6 its /64 network (one household or phone is given a
    whole /64 and may use any address in it, so counting addresses would never limit anyone)."""
    address = client_address(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 4:
        return str(parsed)
    if parsed.ipv4_mapped is not None:  # ::ffff:203.0.113.8 is the IPv4 client 203.0.113.8
        return str(parsed.ipv4_mapped)
    return str(ipaddress.ip_network(f"{parsed}/64", strict=False))


def _rate_key(request, scope, period):
    return f"rate:{scope}:{client_key(request)}:{int(time.time() // period)}"


def count_toward_rate(request, scope, period=60):
    """Count this request toward the client's limit; returns the count so far in this period (None when the
    cache is down: see within_rate)."""
    key = _rate_key(request, scope, period)
    try:
        if cache.add(key, 1, period):
            return 1
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        return 1


def within_rate(request, scope, limit, period=60):
    """Count this request, and say whether this client has made at most `limit` requests of this kind in the
    current `period` seconds. When the cache is down, everyone is let through: the limit protects the site, it
    must not take it down."""
    count = count_toward_rate(request, scope, period)
    return count is None or count <= limit


def rate_reached(request, scope, limit, period=60):
    """Whether this client has already used up its `limit` for the current period, without counting this
    request (a form counts only what it accepts: count_toward_rate)."""
    count = cache.get(_rate_key(request, scope, period)) or 0
    return count >= limit
