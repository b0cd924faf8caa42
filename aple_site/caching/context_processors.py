"""`{% cache furniture_seconds "footer" furniture_key %}`: parts of the page furniture that are the same on every
page of a site in one language (the footer, the cookie banner) rendered once per content version and day rather
than on every uncached page. Django's own fragment cache, keyed by what the fragment depends on."""

from django.conf import settings

from ..i18n.languages import active_language
from ..web.addresses import cache_scope
from .version import versioned_key


def furniture(request):
    def key():  # (a callable: the template calls it only where a fragment is cached)
        return versioned_key(f"furniture:{cache_scope(request) or ''}:{active_language()}")

    return {"furniture_key": key, "furniture_seconds": settings.CACHE_SECONDS}
