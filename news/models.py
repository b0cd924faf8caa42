"""News from APLE: a news index under the home page and dated news pages under it, each linked to the programs,
offices, partners and timeline events it is about (their pages list it under 'In the news').

The section starts empty (no news is ever invented) and stays out of the menu until a news page is published
(SectionIndexPage.shown_when_empty). Each language has its own index and its own Atom feed (news/feeds.py)."""

import datetime

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from aple_site.blocks import WidelySharedBodyBlock
from aple_site.i18n.forms import SharedFieldPanel
from aple_site.i18n.pages import in_active_language
from aple_site.mixins import ListingFieldsMixin, SectionIndexPage, SitePage, live_pages, with_image
from aple_site.web.listings import DatedMixin, dated_listing

LATEST_ON_HOME = 3


class NewsIndexPage(RoutablePageMixin, SectionIndexPage):
    """'News' (one per site and language, under the home page): the news pages, newest first, filtered by year
    without JavaScript, ten to a page; its Atom feed at feed/."""

    icon = "calendar"  # static/icons/: marks this page on cards and in links
    shown_when_empty = False  # out of the menu until a news page is published
    cache_query_params = ("year", "page")
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = "News (the list of news)"

    def serve(self, request, view=None, args=None, kwargs=None):
        # RoutablePageMixin.serve calls a route's view itself, past SitePage.serve: name the cache's parameters here.
        request.page_cache_query_params = self.cache_query_params
        return super().serve(request, view, args, kwargs)

    @path("feed/")
    def feed(self, request):
        from .feeds import NewsFeed  # only when the feed is asked for

        return NewsFeed(self)(request)

    def feed_url(self, request=None):
        return self.get_url(request) + "feed/"

    def live_news(self):
        """The live, public news pages of this index (one language), newest first, with both their images (the
        card shows the card image, else the news image) and the images' renditions."""
        news = NewsPage.objects.live().public().child_of(self)
        return with_image(with_image(news, "image"), "listing_image").defer_streamfields().order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(dated_listing(request, self.live_news()))
        return context


class NewsPage(DatedMixin, ListingFieldsMixin, SitePage):
    """One news item under 'News': what happened, when, and which programs, offices, partners and moments of the
    history it concerns. Its image (and any image in its body) must show no identifiable child: news is shared
    and copied far more than a case story, and no family's consent covers that."""

    icon = "calendar"  # static/icons/: marks this page on cards and in links
    result_label = _("News")  # in search results, beside the title

    date = models.DateField(
        default=datetime.date.today,
        help_text="The day the news happened or was announced. The news page lists items newest first by this date.",
    )
    summary = models.TextField(
        max_length=300,
        help_text="What happened, in one or two sentences. Shown on the news page, the home page and in the feed.",
    )
    image = models.ForeignKey(
        "aple_site.SiteImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. Must be an image recorded as showing no identifiable child (see the image's record).",
    )
    body = StreamField(
        WidelySharedBodyBlock(), blank=True, help_text="The full story of the news: text, images, quotes, links."
    )
    programs = ParentalManyToManyField(
        "programs.ProgramPage", blank=True, related_name="news", help_text="The programs this news is about."
    )
    offices = ParentalManyToManyField(
        "offices.OfficePage", blank=True, related_name="news", help_text="The offices this news concerns."
    )
    partners = ParentalManyToManyField(
        "history.PartnerPage", blank=True, related_name="news", help_text="The partners this news names."
    )
    events = ParentalManyToManyField(
        "history.TimelineEventPage",
        blank=True,
        related_name="news",
        help_text="Moments of the timeline this news belongs to (e.g. an agreement signed).",
    )

    content_panels = Page.content_panels + [
        SharedFieldPanel("date"),
        FieldPanel("summary"),
        SharedFieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                SharedFieldPanel("programs", widget=forms.CheckboxSelectMultiple),
                SharedFieldPanel("offices", widget=forms.CheckboxSelectMultiple),
                SharedFieldPanel("partners", widget=forms.CheckboxSelectMultiple),
                SharedFieldPanel("events", widget=forms.CheckboxSelectMultiple),
            ],
            heading="What this news is about",
        ),
    ]
    search_fields = SitePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    description_field = "summary"
    consent_free_image_fields = ("listing_image", "image")
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    shared_fields = (*ListingFieldsMixin.shared_fields, "date", "image", "programs", "offices", "partners", "events")

    class Meta:
        verbose_name = "news item"
        verbose_name_plural = "news items"

    @property
    def share_image(self):
        return self.listing_image or self.image

    def related_context(self):
        return {
            "about": [
                (_("Programs"), live_pages(self.programs)),
                (_("Offices"), live_pages(self.offices)),
                (_("Partners"), live_pages(self.partners)),
            ],
            "events": in_active_language(self.events.all(), "sort_date", "path"),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        url = self.get_url(request) if self.pk else None
        # The feed of this page's index: the parent's address is this page's without its slug (no query).
        context["feed_url"] = f"{url[: -len(self.slug) - 1]}feed/" if url and url.endswith(f"/{self.slug}/") else None
        return context
