"""Cookie consent, built on django-cookie-consent: the cookie groups APLE uses, the settings the banner's
JavaScript needs, and cookie clean-up when consent is withdrawn.

Nothing optional runs before a visitor chooses: the analytics script and external media are injected by
static/js/consent.js only for groups the consent status endpoint reports as accepted."""

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext_noop

from cookie_consent.cache import all_cookie_groups
from cookie_consent.middleware import CleanCookiesMiddleware
from cookie_consent.models import Cookie, CookieGroup
from cookie_consent.util import get_cookie_dict_from_request

# varname → group fields and its cookies as (name, purpose, duration). Seeded by load_initial_data.
# Texts in gettext_noop() are stored in English and translated when shown (see locale/): an editor's own wording
# is shown as written.
COOKIE_GROUPS = {
    "necessary": {
        "name": gettext_noop("Strictly necessary"),
        "description": gettext_noop(
            "Needed for the site to work and to remember your cookie choices. They cannot be switched off "
            "and are never used to track you."
        ),
        "is_required": True,
        "is_deletable": False,
        "ordering": 1,
        "cookies": [
            (
                "cookie_consent",
                gettext_noop("Remembers which cookie groups you accepted or rejected."),
                gettext_noop("1 year"),
            ),
            (
                "csrftoken",
                gettext_noop("Protects the forms on this site against cross-site request forgery."),
                gettext_noop("1 year"),
            ),
            (
                "sessionid",
                gettext_noop("Keeps APLE staff signed in to the editing area. Not set for visitors."),
                gettext_noop("2 weeks"),
            ),
            (
                "messages",
                gettext_noop("Shows one-off confirmation messages to APLE staff in the editing area."),
                gettext_noop("Until the browser closes"),
            ),
        ],
    },
    "analytics": {
        "name": gettext_noop("Statistics"),
        "description": gettext_noop(
            "Anonymous visit statistics (Matomo, hosted by APLE, not shared with advertisers) that show us "
            "which pages are useful. Only used if you accept."
        ),
        "is_required": False,
        "is_deletable": True,
        "ordering": 2,
        "cookies": [
            (
                "_pk_id",
                gettext_noop("Tells apart visits from the same browser, without knowing who you are."),
                gettext_noop("13 months"),
            ),
            ("_pk_ses", gettext_noop("Groups the pages you view during one visit."), gettext_noop("30 minutes")),
        ],
    },
    "external-media": {
        "name": gettext_noop("External media"),
        "description": gettext_noop(
            "Maps and videos embedded from other websites, such as OpenStreetMap. Loading them sends your "
            "IP address to those websites, which may set cookies of their own under their own policies. "
            "Until you accept, you see a link instead."
        ),
        "is_required": False,
        "is_deletable": True,
        "ordering": 3,
        "cookies": [],
    },
}


def seed_cookie_groups(report):
    """Create the groups and their cookies by varname and name; never touches what editors added."""
    from .models import CookieDuration

    created = 0
    for varname, spec in COOKIE_GROUPS.items():
        fields = {k: v for k, v in spec.items() if k != "cookies"}
        group, made = CookieGroup.objects.get_or_create(varname=varname, defaults=fields)
        created += made
        for name, purpose, duration in spec["cookies"]:
            cookie, made = Cookie.objects.get_or_create(
                cookiegroup=group, name=name, domain="", defaults={"description": purpose}
            )
            created += made
            CookieDuration.objects.get_or_create(cookie=cookie, defaults={"duration": duration})
    report.lines.append(f"{'cookies':<9} cookie groups and cookies: {created} created")


def banner_config(request):
    """Context processor: what static/js/consent.js needs, rendered as JSON in every page."""
    groups = all_cookie_groups().values()
    return {
        "optional_cookie_groups": groups,
        "consent_config": {
            "statusUrl": reverse("cookie_consent_status"),
            "cookiebarModule": static("cookie_consent/cookiebar.module.js"),
            "groupCookies": {g.varname: [c.name for c in g.cookie_set.all()] for g in groups},
            "analytics": {"url": settings.ANALYTICS_SCRIPT_URL, "siteId": settings.ANALYTICS_SITE_ID}
            if settings.ANALYTICS_SCRIPT_URL
            else None,
        },
    }


def cookie_names_to_delete(request, groups):
    """Cookies the browser holds that belong to `groups`, matching by prefix: Matomo's `_pk_id` is sent
    as `_pk_id.<site>.<hash>`."""
    prefixes = [(cookie.name, cookie) for group in groups for cookie in group.cookie_set.all()]
    return [
        (name, cookie)
        for name in request.COOKIES
        for prefix, cookie in prefixes
        if name == prefix or name.startswith(prefix + ".")
    ]


class ConsentCookieCleanupMiddleware(CleanCookiesMiddleware):
    """Like the package's middleware (deletes cookies of groups not accepted), but also matches cookies
    whose names carry a suffix, so withdrawing consent really removes them."""

    def process_response(self, request, response):
        choices = get_cookie_dict_from_request(request)
        undecided_or_declined = [
            group
            for group in all_cookie_groups().values()
            if group.is_deletable and choices.get(group.varname) in (None, settings.COOKIE_CONSENT_DECLINE)
        ]
        for name, cookie in cookie_names_to_delete(request, undecided_or_declined):
            response.delete_cookie(name, cookie.path or "/", cookie.domain or None)
        return response
