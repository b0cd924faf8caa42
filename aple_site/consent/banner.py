"""The banner's configuration, rendered as JSON in every page for static/js/consent.js."""

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse

from cookie_consent.cache import all_cookie_groups

from .groups import in_use


def banner_config(request):
    """Context processor: the optional groups, and what static/js/consent.js needs."""
    groups = in_use(all_cookie_groups().values())
    return {
        "optional_cookie_groups": groups,
        # What static/js/consent.js accepts or declines with "Accept all" / "Reject all": the groups in use.
        "cookie_groups_json": [group.for_json() for group in groups],
        "consent_config": {
            "statusUrl": reverse("cookie_consent_status"),
            "cookiebarModule": static("cookie_consent/cookiebar.module.js"),
            "groupCookies": {g.varname: [c.name for c in g.cookie_set.all()] for g in groups},
            # Help pages set no optional cookie, so they never ask: the banner would cover the numbers to call.
            "askForConsent": not getattr(request, "safe_page", False),
            # Never on a help page (request.safe_page, help/models.py), even for visitors who accepted it.
            "analytics": {"url": settings.ANALYTICS_SCRIPT_URL, "siteId": settings.ANALYTICS_SITE_ID}
            if settings.ANALYTICS_SCRIPT_URL and not getattr(request, "safe_page", False)
            else None,
        },
    }
