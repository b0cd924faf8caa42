"""The banner's configuration, rendered as JSON in every page for static/js/consent.js."""

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse

from cookie_consent.cache import all_cookie_groups


def banner_config(request):
    """Context processor: the optional groups, and what static/js/consent.js needs."""
    groups = all_cookie_groups().values()
    return {
        "optional_cookie_groups": groups,
        "consent_config": {
            "statusUrl": reverse("cookie_consent_status"),
            "cookiebarModule": static("cookie_consent/cookiebar.module.js"),
            "groupCookies": {g.varname: [c.name for c in g.cookie_set.all()] for g in groups},
            # Never on a help page (request.safe_page, help/models.py), even for visitors who accepted it.
            "analytics": {"url": settings.ANALYTICS_SCRIPT_URL, "siteId": settings.ANALYTICS_SITE_ID}
            if settings.ANALYTICS_SCRIPT_URL and not getattr(request, "safe_page", False)
            else None,
        },
    }
