"""The offices' part of the home page (aple_site/web/home.py)."""

from django.utils.translation import ngettext

from wagtail import hooks

from .models import OfficePage


@hooks.register("home_page_figures")
def office_count(home):
    count = OfficePage.objects.live().descendant_of(home).count()
    return {"order": 20, "value": count, "label": ngettext("office", "offices", count)} if count else None
