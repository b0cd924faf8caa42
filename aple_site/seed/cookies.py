"""Seeds the cookie groups of aple_site/consent/groups.py and their cookies, by varname and name."""

from django.utils import translation
from django.utils.translation import gettext

from cookie_consent.models import Cookie, CookieGroup

from aple_site.consent.groups import COOKIE_GROUPS
from aple_site.consent.models import CookieDuration, CookieGroupText


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
        with translation.override("km"):  # the catalogue's Khmer of the seeded wording, for editors to adjust
            khmer = {"name": gettext(spec["name"]), "description": gettext(spec["description"])}
        created += CookieGroupText.objects.get_or_create(group=group, language="km", defaults=khmer)[1]
    report.lines.append(f"{'cookies':<9} cookie groups and cookies: {created} created")
