"""Template context shared by every page."""

from django.utils.functional import SimpleLazyObject

from ..caching.version import cached_setting
from ..models import SiteSettings


def site_settings(request):
    """`site_settings`: the SiteSettings of the request's site, cached until an editor changes content."""
    return {"site_settings": SimpleLazyObject(lambda: cached_setting(SiteSettings, request))}
