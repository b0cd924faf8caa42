"""What donors read: APLE's strategies, the programs under each, and the projects a program runs."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from aple_site.blocks import BodyBlock
from aple_site.caching.version import cached
from aple_site.i18n.forms import SharedFieldPanel
from aple_site.i18n.languages import locale_digits
from aple_site.i18n.pages import in_active_language, linked_to, pages_naming
from aple_site.mixins import IntroMixin, ListingFieldsMixin, SectionIndexPage, SitePage, live_pages, with_image

from .years import this_year

TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class StrategyStatus(models.TextChoices):
    BY_PERIOD = "by_period", _("Follow its period")
    CURRENT = "current", _("Current")
    ARCHIVED = "archived", _("Archived (an earlier strategy)")


def current_strategy_among(strategies):
    """The one strategy that is current among `strategies`: one staff marked current, else the latest whose period
    includes this year; None when there is none. Validation allows one at most; this picks one regardless."""
    current = [strategy for strategy in strategies if strategy.is_current()]
    marked = [strategy for strategy in current if strategy.status == StrategyStatus.CURRENT]
    return max(marked or current, key=lambda strategy: strategy.start_year, default=None)


class ProgramIndexPage(SectionIndexPage):
    """'Our work' (one per site, under the home page): the current strategy's programs as cards, a filter
    by office, and links to earlier strategies."""

    icon = "target"  # static/icons/: marks this page on cards and in links

    cache_query_params = ("office",)  # the filter

    subpage_types = ["programs.StrategyPage"]

    class Meta:
        verbose_name = "Our work (the list of strategies)"

    def related_context(self):
        strategies = list(StrategyPage.objects.live().child_of(self).order_by("-start_year"))
        current = current_strategy_among(strategies)
        # With no current strategy, the most recent one is shown for what it is (its period, "ended in …").
        shown = current or next(iter(strategies), None)
        programs = shown.programs_for_cards() if shown else []
        return {
            "current_strategy": current,
            "shown_strategy": shown,
            "earlier_strategies": [s for s in strategies if s is not shown],
            "programs": programs,
            "offices": sorted({o for p in programs for o in p.live_offices}, key=lambda o: o.title),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        programs, offices = context["programs"], context["offices"]
        chosen = request.GET.get("office", "")
        context["chosen_office"] = next((o for o in offices if o.slug == chosen), None)
        context["unknown_office"] = bool(chosen) and context["chosen_office"] is None
        if context["chosen_office"]:
            programs = [p for p in programs if context["chosen_office"] in p.live_offices]
        context["programs"] = programs
        return context


class StrategyPage(IntroMixin, ListingFieldsMixin, SitePage):
    """A strategy period (e.g. 2016–2020) under 'Our work', with its programs as children. Publishing a new
    strategy never loses the old one: it stays, presented as an earlier strategy.

    A strategy is current only while its period includes this year, or while staff mark it current (e.g. when
    the next one is late); at most one is current. The period and status are the same in every language: they
    are set on the English page and copied to its translations (aple_site/i18n/shared.py)."""

    icon = "target"  # static/icons/: marks this page on cards and in links
    result_label = _("Strategy")  # in search results, beside the title

    def result_date(self):
        return self.period

    start_year = models.PositiveSmallIntegerField(help_text="First year of the strategy, e.g. 2016.")
    end_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Last year, e.g. 2020. Leave empty while the strategy has no end year."
    )
    status = models.CharField(
        max_length=10,
        choices=StrategyStatus.choices,
        default=StrategyStatus.BY_PERIOD,
        help_text=(
            "'Follow its period': the strategy is shown as current while its period includes this year, and as an "
            "earlier strategy after it. 'Current': shown as current whatever its period, e.g. until the next "
            "strategy is published. 'Archived': shown as an earlier strategy. Only one strategy can be current; "
            "'Our work' shows its programs and asks donors to support them. Set on the English page: a translation "
            "takes the English page's years and status when either is published."
        ),
    )
    overview = RichTextField(
        features=TEXT_FEATURES, help_text="What the strategy set out to do, in a paragraph or two."
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([SharedFieldPanel("start_year"), SharedFieldPanel("end_year")]),
                SharedFieldPanel("status"),
            ],
            heading="Period",
        ),
        FieldPanel("intro"),
        FieldPanel("overview"),
    ]
    search_fields = SitePage.search_fields + [index.SearchField("overview")]
    parent_page_types = ["programs.ProgramIndexPage"]
    subpage_types = ["programs.ProgramPage"]

    shared_fields = (*ListingFieldsMixin.shared_fields, "start_year", "end_year", "status")

    class Meta:
        verbose_name = "strategy"
        verbose_name_plural = "strategies"

    def clean(self):
        super().clean()
        if self.end_year and self.start_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": "The last year cannot be before the first year."})
        if self.start_year and self.is_current() and (other := self._other_current_strategy()):
            raise ValidationError({"status": self._two_current_message(other)})

    def _other_current_strategy(self):
        others = StrategyPage.objects.live().filter(locale_id=self.locale_id)
        return current_strategy_among(others.exclude(translation_key=self.translation_key))

    def _two_current_message(self, other):
        reason = (
            "is marked current" if self.status == StrategyStatus.CURRENT else "has a period that includes this year"
        )
        return (
            f"Only one strategy can be current, and “{other.title}” ({other.period}) is current already, while this "
            f"one {reason}. Archive “{other.title}” or correct its period first, or choose 'Archived' here."
        )

    def is_current(self):
        """Current: marked so by staff, or following its period and that period includes this year."""
        if self.status != StrategyStatus.BY_PERIOD:
            return self.status == StrategyStatus.CURRENT
        year = this_year()
        return self.start_year <= year and (self.end_year is None or year <= self.end_year)

    @property
    def timing(self):
        """'current'; 'upcoming' (its period starts after this year); 'ended' (its last year is past); or
        'archived' (staff archived it before its period ended)."""
        if self.is_current():
            return "current"
        if self.status == StrategyStatus.BY_PERIOD and self.start_year > this_year():
            return "upcoming"
        if self.end_year and self.end_year < this_year():
            return "ended"
        return "archived"

    @property
    def status_label(self):
        """The status as visitors read it, e.g. 'Current' or 'Ended in 2020'."""
        return {
            "current": _("Current"),
            "upcoming": _("Starts in %(year)s") % {"year": locale_digits(self.start_year)},
            "ended": _("Ended in %(year)s") % {"year": locale_digits(self.end_year)},
            "archived": _("Archived"),
        }[self.timing]

    @property
    def period(self):
        if self.end_year:
            return f"{locale_digits(self.start_year)}–{locale_digits(self.end_year)}"
        return _("from %(year)s") % {"year": locale_digits(self.start_year)}

    def programs_for_cards(self):
        """Live programs with their image and live offices, in a fixed number of queries."""
        office_model = ProgramPage._meta.get_field("offices").related_model  # no import of the offices app
        offices = Prefetch("offices", queryset=office_model.objects.live().order_by("title"), to_attr="live_offices")
        return list(
            with_image(ProgramPage.objects.live(), "image").child_of(self).prefetch_related(offices).order_by("path")
        )

    def related_context(self):
        context = {"programs": self.programs_for_cards()}
        if not self.is_current():
            context["current_strategy"] = self.current_sibling()
        return context

    def current_sibling(self):
        """The current strategy beside this one (in this page's language), or None."""
        if self.pk is None:
            return None
        # Cached until content changes (and per year, as a period's end makes a strategy past): program and project
        # pages of an earlier strategy ask for it on every render.
        return cached(
            f"current-strategy:{self.path[: -self.steplen]}:{this_year()}",
            lambda: current_strategy_among(StrategyPage.objects.live().sibling_of(self, inclusive=False)),
        )


class ProgramPage(ListingFieldsMixin, SitePage):
    """A program of a strategy: what problem it addresses, what APLE does, for whom, where and with whom,
    and the evidence that it works. Projects the program runs are its children."""

    icon = "target"  # static/icons/: marks this page on cards and in links
    result_label = _("Program")  # in search results, beside the title

    summary = models.TextField(max_length=300, help_text="The donor summary: two sentences, shown on cards. Required.")
    image = models.ForeignKey(
        "aple_site.SiteImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. Shown on cards and when the page is shared. Never show a child's face.",
    )
    problem = RichTextField(features=TEXT_FEATURES, blank=True, help_text="The problem this program addresses.")
    approach = RichTextField(
        "what APLE does", features=TEXT_FEATURES, blank=True, help_text="What APLE does about it."
    )
    who_it_serves = RichTextField(features=TEXT_FEATURES, blank=True, help_text="Who the program serves.")
    offices = ParentalManyToManyField(
        "offices.OfficePage", blank=True, related_name="programs", help_text="Where: the offices that run it."
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        SharedFieldPanel("image"),
        FieldPanel("problem"),
        FieldPanel("approach"),
        FieldPanel("who_it_serves"),
        SharedFieldPanel("offices", widget=forms.CheckboxSelectMultiple),
        HelpPanel(
            "Partners name the programs they take part in, on each partner's page (Our partners → the "
            "partner → 'Where and in what we work together'); this program's page lists them under 'With whom'.",
            heading="Partners",
        ),
        InlinePanel("impact_figures", heading="Impact figures", label="Figure"),
    ]
    search_fields = SitePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("problem"),
        index.SearchField("approach"),
        index.SearchField("who_it_serves"),
    ]
    description_field = "summary"
    parent_page_types = ["programs.StrategyPage"]
    subpage_types = ["programs.ProjectPage"]
    shared_fields = (*ListingFieldsMixin.shared_fields, "image", "offices")
    picker_shows_parent = True  # pickers name its strategy: "Legal support (Strategy 2021–2025)"

    class Meta:
        verbose_name = "program"

    consent_free_image_fields = ("listing_image", "image")  # the share image falls back to it

    @property
    def share_image(self):
        return self.listing_image or self.image

    def figures_for_page(self):
        """The impact figures, the recent ones apart from the history, newest first, each with its publication
        in the visitor's language (one query, and one more only when a figure names a publication)."""
        figures = sorted(
            self.impact_figures.select_related("publication"),
            key=lambda figure: (-figure.year, figure.sort_order or 0),
        )
        keys = {figure.publication.translation_key for figure in figures if figure.publication_id}
        publications = {}
        if keys:
            publications = {
                page.translation_key: page
                for page in in_active_language(Page.objects.filter(translation_key__in=keys))
            }
        for figure in figures:
            figure.publication_page = (
                publications.get(figure.publication.translation_key) if figure.publication_id else None
            )
        return {
            "figures": [figure for figure in figures if figure.is_recent],
            "earlier_figures": [figure for figure in figures if not figure.is_recent],
        }

    def related_context(self):
        context = {"offices": live_pages(self.offices)}
        context.update(self.figures_for_page())
        context.update(strategy_standing(self, depth_below=1))
        if self.pk is not None:
            context["partners"] = in_active_language(linked_to(self.partners.model, "programs", self), "title")
            context["projects"] = list(ProjectPage.objects.live().child_of(self).order_by("path"))
            context["events"] = in_active_language(linked_to(self.events.model, "programs", self), "sort_date", "path")
            if hasattr(self, "publications"):  # the reverse side of publications' "programs" (that app may be off)
                reports = linked_to(self.publications.model, "programs", self)
                context["publications"] = in_active_language(reports, "-year", "title")
        # The reverse side of news' "programs" (that app may be off).
        context["news"] = pages_naming(self, "news", "programs", "-date", "-pk")
        return context


class ProjectPage(ListingFieldsMixin, SitePage):
    """A project run by a program (a child of the program)."""

    icon = "target"  # static/icons/: marks this page on cards and in links
    result_label = _("Project")  # in search results, beside the title

    summary = models.TextField(max_length=300, help_text="What the project does, in two sentences.")
    body = StreamField(BodyBlock(), blank=True, help_text="Optional: more about the project.")

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = SitePage.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    description_field = "summary"
    parent_page_types = ["programs.ProgramPage"]
    subpage_types = []

    class Meta:
        verbose_name = "project"

    def related_context(self):
        return {"program": self.get_parent() if self.pk else None, **strategy_standing(self, depth_below=2)}


def strategy_standing(page, depth_below):
    """What a program or project `page` says about its strategy (the page `depth_below` levels up): the strategy,
    whether it is current, and when it is not, the current one to point to. A program of an earlier strategy asks
    no one for money. The strategy is cached until content changes, as every program and project asks for it."""
    strategy = None
    if page.pk is not None:
        path = page.path[: -depth_below * page.steplen]
        strategy = cached(f"strategy-at:{path}", lambda: StrategyPage.objects.filter(path=path).first() or False)
    strategy = strategy or None
    is_current = strategy is None or strategy.is_current()
    return {
        "strategy": strategy,
        "strategy_is_current": is_current,
        "current_strategy": None if is_current else strategy.current_sibling(),
    }


# Impact figures are rows of a program page, kept in their own module (programs/figures.py); imported here so that
# Django registers the model with this app.
from .figures import ImpactFigure  # noqa: E402, F401
