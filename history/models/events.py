"""'Our history' and its timeline events."""

import datetime
from itertools import groupby
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import formats
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from aple_site.blocks import BodyBlock
from aple_site.i18n.forms import SharedFieldPanel
from aple_site.i18n.languages import locale_digits
from aple_site.i18n.pages import pages_naming
from aple_site.mixins import ListingFieldsMixin, SectionIndexPage, SitePage, live_pages, with_image


class Category(models.TextChoices):
    FOUNDING = "founding", _("Founding")
    OFFICE = "office", _("New office")
    PARTNERSHIP = "partnership", _("Partnership")
    PROGRAM = "program", _("Programs and services")
    GOVERNANCE = "governance", _("Governance and organisation")
    RECOGNITION = "recognition", _("Recognition and roles")


# The icon (static/icons/) that marks each category on the timeline and the event pages.
CATEGORY_ICONS = {
    Category.FOUNDING: "history",
    Category.OFFICE: "building-2",
    Category.PARTNERSHIP: "handshake",
    Category.PROGRAM: "target",
    Category.GOVERNANCE: "scale",
    Category.RECOGNITION: "shield-check",
}


class Precision(models.TextChoices):
    YEAR = "year", "Year only (e.g. 2005)"
    MONTH = "month", "Month and year (e.g. March 2005)"
    DAY = "day", "Exact day (e.g. 14 March 2005)"


# Events on one page of the timeline: its HTML stays under 40 KB in Khmer (the longer of the two languages in
# bytes) however long the history grows. `?page=all` gives the whole history on one page, for printing.
EVENTS_PER_PAGE = 7
WHOLE_HISTORY = "all"


def page_number(value, count):
    """The page of the timeline a `?page=` value asks for, from 1 to `count`: anything else (junk, 0, a page past
    the end) gives the nearest page that exists, as a reader who followed an old link would want."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), count)


def years_label(first, last):
    """'2003' or '2003–2005', in the visitor's digits."""
    return locale_digits(first) if first == last else f"{locale_digits(first)}–{locale_digits(last)}"


class HistoryIndexPage(SectionIndexPage):
    """'Our history' (one per site, under the home page): the timeline of its child events, by date, in pages
    of EVENTS_PER_PAGE events named by their years, with a filter by category and a jump to any year."""

    icon = "history"  # static/icons/: marks this page on cards and in links

    cache_query_params = ("category", "page")  # the filter and the page of the timeline

    subpage_types = ["history.TimelineEventPage"]

    class Meta:
        verbose_name = "Our history (the timeline)"

    def related_context(self):
        events = list(
            with_image(TimelineEventPage.objects.live(), "image")
            .child_of(self)
            .defer_streamfields()  # the timeline shows summaries, never the events' bodies
            .order_by("sort_date", "path")
        )
        present = {event.category for event in events}
        return {"events": events, "categories": [c for c in Category if c.value in present]}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = context.pop("events")
        chosen = request.GET.get("category", "")
        context["unknown_category"] = bool(chosen) and chosen not in Category.values
        if chosen in Category.values:
            events = [event for event in events if event.category == chosen]
            context["category"] = Category(chosen)
        # An event's address is the timeline's plus its slug: worked out here once rather than through
        # Wagtail's URL routing for each of possibly hundreds of events (a quarter of the render time).
        base_url = self.get_url(request)
        for event in events:
            event.timeline_url = f"{base_url}{event.slug}/"
        context.update(self.paging(events, request.GET.get("page"), context.get("category"), base_url))
        return context

    def paging(self, events, asked, category, base_url):
        """The page of the timeline to show, the links to every page (named by their years), and the year jump's
        links, which lead to the page that holds each year."""
        pages = [events[start : start + EVENTS_PER_PAGE] for start in range(0, len(events), EVENTS_PER_PAGE)]
        whole = asked == WHOLE_HISTORY or len(pages) <= 1
        number = None if whole else page_number(asked, len(pages))

        def address(page):
            query = {"category": category.value} if category else {}
            if page != 1:
                query["page"] = page
            return f"{base_url}?{urlencode(query)}" if query else base_url

        page_of_year = {}
        for n, events_of_page in enumerate(pages, 1):
            for event in events_of_page:
                page_of_year.setdefault(event.year, n)
        shown = events if whole else pages[number - 1]
        labels = [years_label(p[0].year, p[-1].year) for p in pages]
        # Pages of one busy year read "2005 (1)", "2005 (2)": no two links say the same and lead apart.
        labels = [
            f"{label} ({labels[:n].count(label)})" if labels.count(label) > 1 else label
            for n, label in enumerate(labels, 1)
        ]
        links = [{"label": label, "url": address(n), "current": n == number} for n, label in enumerate(labels, 1)]
        # The list of pages names the first, the last and those around this one, with a gap ("…") between: a few
        # links however long the history (the year jump reaches every year).
        around = (number - 1, number, number + 1) if number else ()
        window = sorted({1, len(pages), *(n for n in around if 1 <= n <= len(pages))}) if len(pages) > 1 else []
        listed = []
        for n in window:
            if listed and n > listed[-1]["number"] + 1:
                listed.append({"gap": True, "number": n - 1})
            listed.append({**links[n - 1], "number": n})
        return {
            "years": [(year, list(group)) for year, group in groupby(shown, key=lambda e: e.year)],
            "year_links": [(year, "" if whole or n == number else address(n)) for year, n in page_of_year.items()],
            "timeline_pages": listed if len(pages) > 1 else [],
            "earlier_page": links[number - 2] if number and number > 1 else None,
            "later_page": links[number] if number and number < len(pages) else None,
            "shown_page": links[number - 1] if number else None,
            "whole_history": whole and len(pages) > 1,
            "whole_history_url": address(WHOLE_HISTORY) if len(pages) > 1 else "",
            "category_icons": sorted({event.category_icon for event in shown}),
        }


class TimelineEventPage(ListingFieldsMixin, SitePage):
    """One moment in APLE's history, a child of 'Our history'. It names the offices, partners, MoUs and
    programs it concerns; those pages list their events in return."""

    icon = "calendar"  # static/icons/: marks this page on cards and in links
    result_label = _("Timeline event")  # in search results, beside the title

    def result_date(self):
        return self.display_date

    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1990), MaxValueValidator(2100)], help_text="The year it happened, e.g. 2005."
    )
    month = models.PositiveSmallIntegerField(
        null=True, blank=True, choices=list(MONTHS.items()), help_text="Only if the month is known."
    )
    day = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text="Only if the exact day is known.",
    )
    date_precision = models.CharField(
        "how precise is the date",
        max_length=5,
        choices=Precision.choices,
        default=Precision.YEAR,
        help_text="How the date is shown: a year alone is shown as '2005', never as '1 January 2005'.",
    )
    sort_date = models.DateField(editable=False, help_text="Computed from the date fields, for ordering.")
    category = models.CharField(
        max_length=20, choices=Category.choices, help_text="What kind of event this is; visitors can filter by it."
    )
    summary = models.TextField(
        max_length=400, help_text="What happened, in one to three sentences. Shown on the timeline."
    )
    body = StreamField(BodyBlock(), blank=True, help_text="Optional: the fuller story, shown on the event's own page.")
    image = models.ForeignKey(
        "aple_site.SiteImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional photo. Its alt text is taken from the image; never show a child's face.",
    )
    offices = ParentalManyToManyField(
        "offices.OfficePage", blank=True, related_name="events", help_text="Offices this event concerns."
    )
    partners = ParentalManyToManyField(
        "history.PartnerPage", blank=True, related_name="events", help_text="Partners involved in this event."
    )
    mous = ParentalManyToManyField(
        "history.MoUPage",
        blank=True,
        related_name="events",
        verbose_name="MoUs",
        help_text="MoUs this event concerns.",
    )
    programs = ParentalManyToManyField(
        "programs.ProgramPage", blank=True, related_name="events", help_text="Programs this event concerns."
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([SharedFieldPanel("year"), SharedFieldPanel("month"), SharedFieldPanel("day")]),
                SharedFieldPanel("date_precision"),
            ],
            heading="When",
        ),
        SharedFieldPanel("category"),
        FieldPanel("summary"),
        SharedFieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                SharedFieldPanel("offices", widget=forms.CheckboxSelectMultiple),
                SharedFieldPanel("partners", widget=forms.CheckboxSelectMultiple),
                SharedFieldPanel("mous", widget=forms.CheckboxSelectMultiple),
                SharedFieldPanel("programs", widget=forms.CheckboxSelectMultiple),
            ],
            heading="What this event concerns",
        ),
    ]
    search_fields = SitePage.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    description_field = "summary"
    parent_page_types = ["history.HistoryIndexPage"]
    subpage_types = []
    shared_fields = (
        *ListingFieldsMixin.shared_fields,
        *("year", "month", "day", "date_precision", "sort_date", "category", "image"),
        *("offices", "partners", "mous", "programs"),
    )

    class Meta:
        verbose_name = "timeline event"
        ordering = ["sort_date"]

    def clean(self):
        super().clean()
        errors = {}
        if self.date_precision in (Precision.MONTH, Precision.DAY) and not self.month:
            errors["month"] = "Choose the month, or set the precision to 'Year only'."
        if self.date_precision == Precision.DAY and not self.day:
            errors["day"] = "Enter the day, or set the precision to 'Month and year'."
        if self.day and not self.month:
            errors["month"] = "A day needs a month."
        if not errors and self.year and self.day:
            try:
                datetime.date(self.year, self.month, self.day)
            except ValueError:
                errors["day"] = f"{self.month}/{self.year} has no day {self.day}."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.sort_date = datetime.date(self.year, self.month or 1, self.day or 1)
        super().save(*args, **kwargs)

    @property
    def display_date(self):
        """The date at its precision, formatted for the active language."""
        date = datetime.date(self.year, self.month or 1, self.day or 1)
        if self.date_precision == Precision.DAY and self.day:
            return locale_digits(formats.date_format(date, "DATE_FORMAT"))
        if self.date_precision in (Precision.MONTH, Precision.DAY) and self.month:
            return locale_digits(formats.date_format(date, "YEAR_MONTH_FORMAT"))
        return locale_digits(self.year)

    @property
    def iso_date(self):
        """For <time datetime>: 2005, 2005-03 or 2005-03-14."""
        if self.date_precision == Precision.DAY and self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.date_precision == Precision.MONTH and self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @property
    def picker_detail(self):
        """Pickers (a news item's events) name an event with its year: titles alone can repeat."""
        return str(self.year) if self.year else ""

    @property
    def category_label(self):
        """The category's name in the visitor's language. (Django's get_category_display() hashes every
        choice's lazy label on each call: measurable on a timeline of hundreds of events.)"""
        return Category(self.category).label

    consent_free_image_fields = ("listing_image", "image")  # the share image falls back to it

    @property
    def share_image(self):
        """What social networks show: the card image, else the event's photo (else base.html's share card)."""
        return self.listing_image or self.image

    @property
    def category_icon(self):
        return CATEGORY_ICONS.get(self.category, "history")

    @property
    def has_date_within_year(self):
        """True when the date says more than the year (the timeline's year heading already says that)."""
        return bool(self.month) and self.date_precision in (Precision.MONTH, Precision.DAY)

    @property
    def anchor(self):
        """The event's stable anchor on the timeline."""
        return f"event-{self.slug}"

    def related_context(self):
        context = {
            "related_sections": [
                (_("Offices"), live_pages(self.offices)),
                (_("Partners"), live_pages(self.partners)),
                (_("MoUs"), live_pages(self.mous)),
                (_("Programs"), live_pages(self.programs)),
            ],
            "news": pages_naming(self, "news", "events", "-date", "-pk"),  # the reverse side of news' "events"
        }
        if self.pk and self.sort_date:
            context["earlier"], context["later"] = self.neighbours()
            context["timeline_page"] = self.earlier_events().count() // EVENTS_PER_PAGE + 1
        return context

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The timeline's address is this page's without its slug (events live directly under it): no query.
        url = self.get_url(request)  # None in the preview of an event not saved yet
        context["timeline_url"] = url.removesuffix(f"{self.slug}/") if url else None
        if context["timeline_url"] and context.get("timeline_page", 1) > 1:  # the page of the timeline that holds it
            context["timeline_url"] += f"?page={context['timeline_page']}"
        return context

    def neighbours(self):
        """The events just before and just after this one on the timeline (same order: date, then tree)."""
        same_day = Q(sort_date=self.sort_date)
        later = self._siblings().filter(Q(sort_date__gt=self.sort_date) | same_day & Q(path__gt=self.path))
        return self.earlier_events().order_by("-sort_date", "-path").first(), later.order_by(
            "sort_date", "path"
        ).first()

    def earlier_events(self):
        """The live events before this one on the timeline."""
        same_day = Q(sort_date=self.sort_date)
        return self._siblings().filter(Q(sort_date__lt=self.sort_date) | same_day & Q(path__lt=self.path))

    def _siblings(self):
        return (
            TimelineEventPage.objects.live()
            .sibling_of(self, inclusive=False)
            .only("title", "slug", "url_path", "path", "year", "month", "day", "date_precision", "sort_date")
        )
