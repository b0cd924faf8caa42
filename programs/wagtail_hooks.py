"""The programs' part of the home page (aple_site/web/home.py) and of the editors' dashboard."""

from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.ui.components import Component

from .models import ImpactFigure, ProgramPage, StrategyPage, current_strategy_among, this_year


@hooks.register("home_page_figures")
def program_count(home):
    """The programs of the current strategy: a past strategy's programs are not APLE's work today."""
    current = current_strategy_among(StrategyPage.objects.live().descendant_of(home))
    count = ProgramPage.objects.live().child_of(current).count() if current else 0
    return {"order": 30, "value": count, "label": ngettext("program", "programs", count)} if count else None


class OutdatedFiguresPanel(Component):
    """Dashboard: impact figures more than two years old, which the site now shows as history. Each links to
    its program's editor, so staff can add this year's figure from the latest report."""

    name = "outdated_impact_figures"
    order = 160
    template_name = "programs/admin/outdated_figures_panel.html"

    def get_context_data(self, parent_context):
        figures = (
            ImpactFigure.objects.filter(year__lt=this_year() - 2)
            .select_related("program__locale")
            .order_by("year", "program__title")
        )
        return {"figures": list(figures[:50]), "total": figures.count(), "oldest_recent_year": this_year() - 2}


@hooks.register("construct_homepage_panels")
def add_outdated_figures_panel(request, panels):
    if request.user.has_perm("wagtailcore.change_page") or request.user.is_superuser:
        panels.append(OutdatedFiguresPanel())
