"""The impact figures of a program: a number, what was counted, the year it describes and where it comes from. Rows
of a program page (ProgramPage.impact_figures); the program page decides which are recent and which are history."""

from django.core.exceptions import ValidationError
from django.db import models

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.models import Orderable

from .years import this_year


class ImpactFigure(Orderable):
    """One figure of a program's impact: a number, what was counted, the year it describes and where it comes
    from. Figures more than two years old are shown as history and listed on the editors' dashboard."""

    program = ParentalKey("programs.ProgramPage", on_delete=models.CASCADE, related_name="impact_figures")
    value = models.DecimalField(max_digits=12, decimal_places=2, help_text="The number, e.g. 120 or 87.5.")
    unit = models.CharField(max_length=30, blank=True, help_text="Optional unit after the number, e.g. '%'.")
    label = models.CharField(max_length=120, help_text="What was counted, e.g. 'cases supported in court'.")
    year = models.PositiveSmallIntegerField(
        help_text=(
            "The year the figure describes, e.g. 2025. Visitors read 'in 2025' beside it; after two years it is "
            "shown as history, not as the present, and the dashboard asks for a newer figure."
        )
    )
    publication = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The report in 'Reports and publications' the figure comes from, if it is there.",
    )
    source = models.CharField(
        max_length=200,
        blank=True,
        help_text="Or, when it is not from a report in the library, where it comes from, e.g. 'APLE case records'.",
    )

    panels = [
        FieldRowPanel([FieldPanel("value"), FieldPanel("unit")]),
        FieldPanel("label"),
        FieldPanel("year"),
        PageChooserPanel("publication", "publications.PublicationPage"),
        FieldPanel("source"),
    ]

    def clean(self):
        super().clean()
        if not self.publication_id and not self.source:
            raise ValidationError(
                {"source": "Say where the figure comes from: choose a publication or write it here."}
            )
        if self.year and self.year > this_year():
            raise ValidationError({"year": "A figure describes a year that has begun; this one is in the future."})

    @property
    def display_value(self):
        number = self.value.normalize()
        return f"{number:f}{self.unit}" if self.unit == "%" else f"{number:f}"

    @property
    def is_recent(self):
        """Describes this year or the two before it; older figures are history."""
        return self.year >= this_year() - 2
