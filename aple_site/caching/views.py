"""Views that are not pages (the sitemap) cached by the same rule as pages: until the content changes."""

import functools
import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.utils.cache import patch_cache_control

from ..addresses import cache_scope
from .version import cached


def cached_until_content_changes(view, query_params=()):
    """The view's response, kept until the content version changes, and public for the reverse proxy's
    micro-cache (PAGE_MAX_AGE) only: a page taken down leaves the sitemap with the next request. Keyed by the
    path and the query parameters the view reads (the sitemap's page number, `p`), so that other query strings
    share the entry."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        scope = cache_scope(request)
        if scope is None or request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)

        def render():
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            return response

        query = urlencode([(name, value) for name in query_params for value in request.GET.getlist(name)])
        digest = hashlib.sha256(f"{request.path}?{query}".encode()).hexdigest()
        response = cached(f"view:{scope}:{digest}", render)
        patch_cache_control(response, public=True, max_age=settings.PAGE_MAX_AGE)
        return response

    return wrapper
