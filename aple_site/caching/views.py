"""Views that are not pages (the sitemap) cached by the same rule as pages: until the content changes."""

import functools

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.utils.cache import patch_cache_control

from .version import cached


def cached_until_content_changes(view):
    """The view's response, kept until the content version changes, and public for the reverse proxy's
    micro-cache (PAGE_MAX_AGE) only: a page taken down leaves the sitemap with the next request."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            host = request.get_host()
        except DisallowedHost:
            host = None
        if host is None or request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)

        def render():
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            return response

        response = cached(f"view:{request.scheme}:{host}:{request.get_full_path()}", render)
        patch_cache_control(response, public=True, max_age=settings.PAGE_MAX_AGE)
        return response

    return wrapper
