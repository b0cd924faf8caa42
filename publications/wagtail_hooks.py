"""The publications' part of the page furniture (aple_site/templatetags/navigation_tags.py), and their PDFs taken down with
them."""

from django.http import Http404
from django.utils.translation import gettext as _

from wagtail import hooks

from .models import PublicationPage, latest_annual_report


@hooks.register("footer_links")
def latest_annual_report_link(home):
    report = latest_annual_report(home)
    return [{"label": _("Latest annual report"), "title": report.title, "url": report.url}] if report else []


@hooks.register("before_serve_document")
def withhold_the_pdf_of_a_withdrawn_publication(document, request):
    """A publication taken down (unpublished, made private, deleted) takes its PDF down too: a link someone kept,
    or a search engine's copy of the address, then finds nothing. Staff who can use the admin still download it.
    Documents that belong to no publication follow Wagtail's own rules (their collection's privacy)."""
    publications = PublicationPage.objects.filter(document=document)
    if not publications.exists() or request.user.has_perm("wagtailadmin.access_admin"):
        return None
    if not publications.live().public().exists():
        raise Http404("This publication has been taken down.")
    return None
