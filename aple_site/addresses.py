"""The site's own address, as configured, never as a client spelled it.

A request with `Host: aple.example.org:1337` passes ALLOWED_HOSTS (Django checks the host name, not the port). Its
port then went into the share-image and hreflang URLs, which the caches kept and served to everyone, and each new
port made new cache keys (13,005 keys, 62 MB from 2,440 requests). So absolute URLs are built from the Wagtail
Site the request is for (Settings → Sites: host name and port), and caches are keyed by the scheme and host name
alone (cache_scope), so no client can add entries by varying the port."""

from django.core.exceptions import DisallowedHost
from django.http.request import split_domain_port

from wagtail.models import Site


def site_address(request):
    """The root URL of the request's site (e.g. https://aple.example.org), or "" when no site is configured."""
    site = Site.find_for_request(request)
    return site.root_url if site is not None else ""


def absolute(request, url):
    """`url` (a path, or already absolute: media in an object store) as an absolute URL on the site's address."""
    if not url or url.startswith(("http://", "https://")):
        return url
    return site_address(request) + url


def cache_scope(request):
    """What a cache key says about where a request went: its scheme and host name (no port), or None for a host
    Django refuses (such a request is never cached)."""
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    return f"{request.scheme}:{split_domain_port(host)[0]}"
