"""Template context shared by every page."""

from django.utils.functional import SimpleLazyObject

from wagtail.models import Site

from ..caching.version import cached
from ..models import SiteSettings


def current_site(request):
    """The request's Wagtail site, looked up once per request (Wagtail caches it on the request)."""
    return Site.find_for_request(request) if request is not None else None


def site_settings(request):
    """`site_settings`: the SiteSettings of the request's site, cached until an editor changes content."""

    def load():
        site = current_site(request)
        if site is None:
            return SiteSettings()
        return cached(f"site-settings:{site.pk}", lambda: SiteSettings.for_site(site))

    return {"site_settings": SimpleLazyObject(load)}
