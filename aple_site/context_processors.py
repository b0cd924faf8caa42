"""Template context shared by every page."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .addresses import cache_scope
from .caching.version import cached_setting, versioned_key
from .i18n.languages import active_language
from .models import SiteSettings


def site_settings(request):
    """`site_settings`: the SiteSettings of the request's site, cached until an editor changes content."""
    return {"site_settings": SimpleLazyObject(lambda: cached_setting(SiteSettings, request))}


def furniture(request):
    """`{% cache furniture_seconds "footer" furniture_key %}`: parts of the page furniture that are the same on every
    page of a site in one language (the footer, the cookie banner) rendered once per content version and day
    rather than on every uncached page. Django's own fragment cache, keyed by what the fragment depends on."""

    def key():  # (a callable: the template calls it only where a fragment is cached)
        return versioned_key(f"furniture:{cache_scope(request) or ''}:{active_language()}")

    return {"furniture_key": key, "furniture_seconds": settings.CACHE_SECONDS}
