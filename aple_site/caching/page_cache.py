"""The page cache: rendered pages for anonymous visitors, kept in Django's cache until the content changes.

A query string makes a new entry only where the page reads it. Each page type names the parameters its answer
depends on (SitePage.cache_query_params); the cache learns them per address on the first render, as Django's
cache learns `Vary` headers, and keys the page by those alone. Tracking parameters (utm_*, fbclid…) never count.
So 1,000 requests for /en/about/?utm_source=N make one entry, not 1,000."""

import hashlib
import re
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.utils.cache import patch_cache_control

from .version import content_version

# Added by newsletters, ads and social networks; no page reads them.
TRACKING_PARAMETER = re.compile(
    r"^(utm_.*|mc_.*|_ga|_gl|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|twclid|ttclid|li_fat_id)$"
)
# What a view that is not a SitePage depends on: every parameter but the tracking ones.
EVERY_PARAMETER = "*"


class PageCacheMiddleware:
    """Keeps rendered pages for anonymous visitors in the cache (settings.PAGE_CACHE, CACHE_SECONDS) and marks
    them public for browsers and the reverse proxy (settings.PAGE_MAX_AGE).

    Only Wagtail pages are cached, only for GET and HEAD requests without a session or messages cookie
    (editors always get fresh, private pages), and only when the response sets no cookie. Such a page
    is the same for every visitor: the cookie banner is filled in by JavaScript, so consent stays per
    visitor, and the `Vary: Cookie` Django adds only matters to requests that carry a session. Keys
    carry the content version, which any publish bumps."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        base = self.base_key(request)
        if base is None:
            response = self.get_response(request)
            if not self.is_anonymous(request):
                patch_cache_control(response, private=True)
            return response
        params = cache.get(f"{base}:params")
        if params is not None:
            response = cache.get(self.entry_key(base, request, params))
            if response is not None:
                response["X-Page-Cache"] = "hit"
                return response
        response = self.get_response(request)
        if self.is_cacheable(request, response):
            patch_cache_control(response, public=True, max_age=settings.PAGE_MAX_AGE)
            if settings.PAGE_CACHE and request.method == "GET":
                params = getattr(request, "page_cache_query_params", EVERY_PARAMETER)
                entries = {f"{base}:params": params, self.entry_key(base, request, params): response}
                cache.set_many(entries, settings.CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def is_anonymous(request):
        return not (settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES)

    @staticmethod
    def base_key(request):
        """The key of the address (without its query string), or None when the request is never cached."""
        if request.method not in ("GET", "HEAD") or not PageCacheMiddleware.is_anonymous(request):
            return None
        try:
            host = request.get_host()
        except DisallowedHost:
            return None
        digest = hashlib.sha256(request.path.encode()).hexdigest()
        return f"aple:{content_version()}:page:{request.scheme}:{host}:{digest}"

    @staticmethod
    def entry_key(base, request, params):
        """The key of the page for the query parameters it depends on, whatever else the query string holds."""
        if params == EVERY_PARAMETER:
            params = sorted(name for name in request.GET if not TRACKING_PARAMETER.match(name))
        query = urlencode([(name, value) for name in sorted(params) for value in request.GET.getlist(name)])
        return f"{base}:{hashlib.sha256(query.encode()).hexdigest()}"

    @staticmethod
    def is_cacheable(request, response):
        match = getattr(request, "resolver_match", None)
        return (
            match is not None
            and match.url_name == "wagtail_serve"
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
        )
