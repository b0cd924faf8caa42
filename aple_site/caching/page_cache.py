"""The page cache: rendered pages for anonymous visitors, kept in Django's cache until the content changes."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.utils.cache import patch_cache_control

from .version import content_version


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
        key = self.cache_key(request)
        if key is None:
            response = self.get_response(request)
            if not self.is_anonymous(request):
                patch_cache_control(response, private=True)
            return response
        response = cache.get(key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self.is_cacheable(request, response):
            patch_cache_control(response, public=True, max_age=settings.PAGE_MAX_AGE)
            if settings.PAGE_CACHE and request.method == "GET":
                cache.set(key, response, settings.CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def is_anonymous(request):
        return not (settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES)

    @staticmethod
    def cache_key(request):
        if request.method not in ("GET", "HEAD") or not PageCacheMiddleware.is_anonymous(request):
            return None
        try:
            host = request.get_host()
        except DisallowedHost:
            return None
        digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        return f"aple:{content_version()}:page:{request.scheme}:{host}:{digest}"

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
