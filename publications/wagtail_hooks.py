"""The publications' part of the page furniture (aple_site/web/navigation.py)."""

from django.utils.translation import gettext as _

from wagtail import hooks

from .models import latest_annual_report


@hooks.register("footer_links")
def latest_annual_report_link(home):
    report = latest_annual_report(home)
    return [{"label": _("Latest annual report"), "title": report.title, "url": report.url}] if report else []
