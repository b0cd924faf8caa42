"""The cookie groups APLE uses and the cookies in each, as load_initial_data seeds them.

The varnames are what the code and static/js/consent.js rely on ("analytics", "external-media")."""

from django.conf import settings
from django.utils.translation import gettext_noop

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


# Groups that exist only while the site actually does what they cover: no "Statistics" choice while no analytics
# is configured. An unused group is neither offered nor asked about (the status endpoint, the banner, the
# preferences page and the cookie policy all leave it out), so the banner never waits on a choice that means
# nothing; once analytics is configured, every visitor is asked about it.
FEATURE_SETTINGS = {"analytics": "ANALYTICS_SCRIPT_URL"}


def in_use(groups):
    """The groups among `groups` (CookieGroup objects) the site uses now."""
    return [g for g in groups if getattr(settings, FEATURE_SETTINGS.get(g.varname, ""), True)]
