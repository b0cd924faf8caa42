"""History's part of the home page (aple_site/web/home.py): the years since the founding, the number of
partners, and the latest events of the timeline."""

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail import hooks

from aple_site.i18n.languages import locale_digits

from .models import HistoryIndexPage, PartnerPage, TimelineEventPage
from .models.events import Category

LATEST_EVENTS = 3


@hooks.register("home_page_figures")
def years_since_founding(home):
    founding = (
        TimelineEventPage.objects.live()
        .descendant_of(home)
        .filter(category=Category.FOUNDING)
        .order_by("year")
        .values_list("year", flat=True)
        .first()
    )
    if founding is None:
        return None
    years = datetime.date.today().year - founding
    label = ngettext("year since APLE was founded in %(year)s", "years since APLE was founded in %(year)s", years) % {
        "year": locale_digits(founding)
    }
    return {"order": 10, "value": years, "label": label}


@hooks.register("home_page_figures")
def partner_count(home):
    count = PartnerPage.objects.live().descendant_of(home).count()
    return {"order": 40, "value": count, "label": ngettext("partner", "partners", count)} if count else None


@hooks.register("home_page_latest")
def latest_events(home):
    events = list(
        TimelineEventPage.objects.live()
        .descendant_of(home)
        .defer_streamfields()
        .order_by("-sort_date", "-path")[:LATEST_EVENTS]
    )
    if not events:
        return None
    timeline = HistoryIndexPage.objects.live().descendant_of(home).first()
    return {
        "heading": _("Latest from our history"),
        "items": events,
        "more": timeline,
        "more_text": _("The whole timeline"),
    }
