"""Seeds the cookie groups of aple_site/consent/groups.py and their cookies, by varname and name."""

from cookie_consent.models import Cookie, CookieGroup

from aple_site.consent.groups import COOKIE_GROUPS
from aple_site.consent.models import CookieDuration


def seed_cookie_groups(report):
    """Create the groups and their cookies by varname and name; never touches what editors added."""
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
