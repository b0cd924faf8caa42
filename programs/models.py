"""What donors read: APLE's strategies, the programs under each, and the projects a program runs."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from aple_site.blocks import BodyBlock
from aple_site.i18n.languages import locale_digits
from aple_site.i18n.pages import in_active_language, linked_to
from aple_site.mixins import IntroMixin, ListingFieldsMixin, SectionIndexPage, SitePage, live_pages, with_image

TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class StrategyStatus(models.TextChoices):
    CURRENT = "current", _("Current")
    ARCHIVED = "archived", _("Archived (an earlier strategy)")


class ProgramIndexPage(SectionIndexPage):
    """'Our work' (one per site, under the home page): the current strategy's programs as cards, a filter
    by office, and links to earlier strategies."""

    icon = "target"  # static/icons/: marks this page on cards and in links

    cache_query_params = ("office",)  # the filter

    subpage_types = ["programs.StrategyPage"]

    class Meta:
        verbose_name = "program index page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        strategies = list(StrategyPage.objects.live().child_of(self).order_by("-start_year"))
        current = next((s for s in strategies if s.status == StrategyStatus.CURRENT), None)
        context["current_strategy"] = current
        context["earlier_strategies"] = [s for s in strategies if s is not current]
        programs = current.programs_for_cards() if current else []
        offices = sorted({o for p in programs for o in p.live_offices}, key=lambda o: o.title)
        chosen = request.GET.get("office", "")
        context["offices"] = offices
        context["chosen_office"] = next((o for o in offices if o.slug == chosen), None)
        context["unknown_office"] = bool(chosen) and context["chosen_office"] is None
        if context["chosen_office"]:
            programs = [p for p in programs if context["chosen_office"] in p.live_offices]
        context["programs"] = programs
        return context


class StrategyPage(IntroMixin, ListingFieldsMixin, SitePage):
    """A strategy period (e.g. 2016–2020) under 'Our work', with its programs as children. Publishing a new
    strategy never loses the old one: mark the old one 'Archived'."""

    icon = "target"  # static/icons/: marks this page on cards and in links

    start_year = models.PositiveSmallIntegerField(help_text="First year of the strategy, e.g. 2016.")
    end_year = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Last year, e.g. 2020, if set.")
    status = models.CharField(
        max_length=10,
        choices=StrategyStatus.choices,
        default=StrategyStatus.CURRENT,
        help_text="Only one strategy should be current; its programs are shown on 'Our work'.",
    )
    overview = RichTextField(
        features=TEXT_FEATURES, help_text="What the strategy set out to do, in a paragraph or two."
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]), FieldPanel("status")], heading="Period"
        ),
        FieldPanel("intro"),
        FieldPanel("overview"),
    ]
    search_fields = SitePage.search_fields + [index.SearchField("overview")]
    parent_page_types = ["programs.ProgramIndexPage"]
    subpage_types = ["programs.ProgramPage"]

    class Meta:
        verbose_name = "strategy"
        verbose_name_plural = "strategies"

    def clean(self):
        super().clean()
        if self.end_year and self.start_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": "The last year cannot be before the first year."})

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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programs"] = self.programs_for_cards()
        if self.status == StrategyStatus.ARCHIVED:
            context["current_strategy"] = (
                StrategyPage.objects.live().sibling_of(self).filter(status=StrategyStatus.CURRENT).first()
            )
        return context


class ProgramPage(ListingFieldsMixin, SitePage):
    """A program of a strategy: what problem it addresses, what APLE does, for whom, where and with whom,
    and the evidence that it works. Projects the program runs are its children."""

    icon = "target"  # static/icons/: marks this page on cards and in links

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
        FieldPanel("image"),
        FieldPanel("problem"),
        FieldPanel("approach"),
        FieldPanel("who_it_serves"),
        FieldPanel("offices", widget=forms.CheckboxSelectMultiple),
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

    class Meta:
        verbose_name = "program"

    @property
    def share_image(self):
        return self.listing_image or self.image

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["offices"] = live_pages(self.offices)
        context["figures"] = list(self.impact_figures.all())
        context["strategy"] = StrategyPage.objects.parent_of(self).first() if self.pk else None
        if self.pk is not None:
            context["partners"] = in_active_language(linked_to(self.partners.model, "programs", self), "title")
            context["projects"] = ProjectPage.objects.live().child_of(self).order_by("path")
            context["events"] = in_active_language(linked_to(self.events.model, "programs", self), "sort_date", "path")
        return context


class ImpactFigure(Orderable):
    """One figure of a program's impact, shown as a number with its label, period and source."""

    program = ParentalKey(ProgramPage, on_delete=models.CASCADE, related_name="impact_figures")
    value = models.DecimalField(max_digits=12, decimal_places=2, help_text="The number, e.g. 120 or 87.5.")
    unit = models.CharField(max_length=30, blank=True, help_text="Optional unit after the number, e.g. '%'.")
    label = models.CharField(max_length=120, help_text="What was counted, e.g. 'cases supported in court'.")
    period = models.CharField(max_length=60, blank=True, help_text="The period it covers, e.g. '2019' or '2016–2020'.")
    as_of = models.DateField(null=True, blank=True, help_text="Or the date the figure was true on.")
    source = models.CharField(max_length=200, help_text="Where the figure comes from, e.g. 'APLE annual report 2019'.")

    panels = [
        FieldRowPanel([FieldPanel("value"), FieldPanel("unit")]),
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("period"), FieldPanel("as_of")]),
        FieldPanel("source"),
    ]

    @property
    def display_value(self):
        number = self.value.normalize()
        return f"{number:f}{self.unit}" if self.unit == "%" else f"{number:f}"


class ProjectPage(ListingFieldsMixin, SitePage):
    """A project run by a program (a child of the program)."""

    icon = "target"  # static/icons/: marks this page on cards and in links

    summary = models.TextField(max_length=300, help_text="What the project does, in two sentences.")
    body = StreamField(BodyBlock(), blank=True, help_text="Optional: more about the project.")

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = SitePage.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    description_field = "summary"
    parent_page_types = ["programs.ProgramPage"]
    subpage_types = []

    class Meta:
        verbose_name = "project"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["program"] = self.get_parent() if self.pk else None
        return context
