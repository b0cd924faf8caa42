"""The page cache: rendered pages for anonymous visitors, kept in Django's cache until the content changes.

A query string makes a new entry only where the page reads it. Each page type names the parameters its answer
depends on (SitePage.cache_query_params); the cache learns them per address on the first render, as Django's
cache learns `Vary` headers, and keys the page by those alone. Tracking parameters (utm_*, fbclid…) never count.
So 1,000 requests for /en/about/?utm_source=N make one entry, not 1,000."""

import hashlib
import re
import time
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_cache_control

from ..addresses import cache_scope
from .version import versioned_key

# Added by newsletters, ads and social networks; no page reads them.
TRACKING_PARAMETER = re.compile(
    r"^(utm_.*|mc_.*|_ga|_gl|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|twclid|ttclid|li_fat_id)$"
)
# What a view that is not a SitePage depends on: every parameter but the tracking ones.
EVERY_PARAMETER = "*"
# While one request renders a page that is not in the cache, others for it wait for its copy: checking every
# RENDER_POLL seconds, for RENDER_WAIT seconds at most (a page renders in well under a second; after that each
# renders it itself). The lock expires on its own after RENDER_LOCK_SECONDS should its holder die.
RENDER_POLL = 0.02
RENDER_WAIT = 3
RENDER_LOCK_SECONDS = 10


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
        response = self.cached_copy(base, request)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        if request.method != "GET" or not settings.PAGE_CACHE or not self.serves_pages(request):
            return self.render(base, request)
        # Right after a publish every key is new (it carries the content version), so every visitor misses at
        # once: the first renders the page, the others for the same address wait for its copy rather than
        # render it too. (They never get the copy from before the publish: that may show what was taken down.)
        locked = cache.add(f"{base}:rendering", 1, RENDER_LOCK_SECONDS)
        if locked is False:  # (None: the cache is unreachable, and no one waits on it)
            response = self.wait_for_copy(base, request)
            if response is not None:
                response["X-Page-Cache"] = "wait"
                return response
            return self.render(base, request)
        try:
            return self.render(base, request)
        finally:
            if locked:
                cache.delete(f"{base}:rendering")

    @staticmethod
    def serves_pages(request):
        """Whether the address goes to Wagtail's page view, the one whose answers are kept (not search, forms).
        (In the address's language: the language middleware, which activates it, comes after this one, and
        /km/… resolves only while Khmer is active.)"""
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        try:
            with translation.override(language):
                return resolve(request.path_info).url_name == "wagtail_serve"
        except Resolver404:
            return False

    def cached_copy(self, base, request):
        params = cache.get(f"{base}:params")
        return cache.get(self.entry_key(base, request, params)) if params is not None else None

    def wait_for_copy(self, base, request):
        """The copy another request is rendering, once it is in the cache; None when that request ends without
        one (the page was not cacheable: a 404, a page that set a cookie) or takes longer than RENDER_WAIT."""
        deadline = time.monotonic() + RENDER_WAIT
        while time.monotonic() < deadline:
            time.sleep(RENDER_POLL)
            response = self.cached_copy(base, request)
            if response is not None:
                return response
            if not cache.get(f"{base}:rendering"):  # done: its copy is stored by now, unless it had none to store
                return self.cached_copy(base, request)
        return None

    def render(self, base, request):
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
        scope = cache_scope(request)
        if scope is None:
            return None
        digest = hashlib.sha256(request.path.encode()).hexdigest()
        return versioned_key(f"page:{scope}:{digest}")

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
