"""The programs' part of the home page (aple_site/web/home.py)."""

from django.utils.translation import ngettext

from wagtail import hooks

from .models import ProgramPage


@hooks.register("home_page_figures")
def program_count(home):
    count = ProgramPage.objects.live().descendant_of(home).count()
    return {"order": 30, "value": count, "label": ngettext("program", "programs", count)} if count else None
