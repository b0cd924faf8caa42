"""Get help: where a person worried about a child finds what to do, and can leave quickly.

Tree: HomePage → HelpIndexPage ("Get help", one per site) → ReportAbusePage (one) and HelpPage (seek help,
staying safe online…). Every page here is a *safe page*: a quick-exit button, nothing kept by caches or the
browser's history (Cache-Control: no-store), no referrer sent onwards, and no analytics even for visitors who
accepted it."""

from django.conf import settings
from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from aple_site.blocks import BodyBlock
from aple_site.mixins import IntroMixin, ListingFieldsMixin, SectionIndexPage, SitePage


class SafePage(SitePage):
    """Base of every page in this section: served so that a visitor's visit leaves as little trace as possible."""

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        # Read by the consent banner's configuration and the analytics CSP: no analytics on this page.
        request.safe_page = True
        response = super().serve(request, *args, **kwargs)
        # Not kept by the page cache, nginx, a CDN or the browser (so the Back button after a quick exit cannot
        # bring the page back from its cache), and no address of this page sent to the next site.
        response["Cache-Control"] = "no-store"
        response["Referrer-Policy"] = "no-referrer"
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["safe_page"] = True
        context["quick_exit_url"] = settings.QUICK_EXIT_URL
        return context


class HelpIndexPage(SafePage, SectionIndexPage):
    """'Get help' (one per site, under the home page): the ways to get help, as cards."""

    subpage_types = ["help.ReportAbusePage", "help.HelpPage"]

    class Meta:
        verbose_name = "get help section"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["help_pages"] = self.get_children().live().public().specific().order_by("path")
        return context


class HelpPage(IntroMixin, ListingFieldsMixin, SafePage):
    """A page of help in plain words (seek help, staying safe online), under 'Get help'."""

    body = StreamField(BodyBlock(), blank=True, help_text="The page's content, built from blocks. Short sentences.")

    content_panels = IntroMixin.content_panels + [FieldPanel("body")]
    search_fields = SitePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["help.HelpIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "help page"


class ReportAbusePage(IntroMixin, ListingFieldsMixin, SafePage):
    """'Report abuse' (one per site, under 'Get help'): how to report, by phone or online, and what happens next.

    The reply time is a fact only APLE can give: it stays empty (and hidden) until staff enter it."""

    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text="What to report, that reports can be anonymous, what happens next, and what never to send.",
    )
    reply_time = models.CharField(
        "when reports are read",
        max_length=120,
        blank=True,
        help_text=(
            "How soon APLE's team reads a report, as APLE has confirmed it, e.g. 'within one working day'. "
            "Shown on the page; left empty, nothing is promised."
        ),
    )

    content_panels = IntroMixin.content_panels + [
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("reply_time")], heading="What happens next"),
    ]
    search_fields = SitePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["help.HelpIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "report abuse page"
