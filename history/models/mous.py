"""Memorandums of understanding (MoUs) APLE has signed."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from aple_site.i18n.forms import SharedFieldPanel
from aple_site.i18n.languages import locale_digits
from aple_site.i18n.pages import in_active_language, linked_to
from aple_site.mixins import ListingFieldsMixin, SectionIndexPage, SitePage


class MoUStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Ended")


class MoUIndexPage(SectionIndexPage):
    """'Agreements' (one per site, under the home page): the MoUs, active ones first."""

    icon = "file-signature"  # static/icons/: marks this page on cards and in links

    subpage_types = ["history.MoUPage"]

    class Meta:
        verbose_name = "Agreements (the list of MoUs)"

    def related_context(self):
        mous = MoUPage.objects.live().child_of(self).select_related("counterpart", "document")
        return {"mous": list(mous.order_by("status", "-signed_year", "title"))}


class MoUPage(ListingFieldsMixin, SitePage):
    """One MoU, under 'Agreements': who it is with, what it covers, and when it was signed and ends."""

    icon = "file-signature"  # static/icons/: marks this page on cards and in links
    result_label = _("Agreement (MoU)")  # in search results, beside the title

    def result_date(self):
        return self.card_meta

    counterpart = models.ForeignKey(
        "history.PartnerPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="mous",
        help_text="The partner APLE signed this MoU with. Create the partner page first if it does not exist.",
    )
    purpose = models.TextField(max_length=1200, help_text="What the MoU is for and what it covers, in plain words.")
    status = models.CharField(
        max_length=10, choices=MoUStatus.choices, default=MoUStatus.ACTIVE, help_text="Is APLE still working under it?"
    )
    signed_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The year it was signed. Leave empty if it is not known."
    )
    end_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The year it ends or ended. Leave empty if it is open-ended or not known."
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: the signed MoU, if it may be published.",
    )

    content_panels = Page.content_panels + [
        SharedFieldPanel("counterpart"),
        FieldPanel("purpose"),
        MultiFieldPanel(
            [
                SharedFieldPanel("status"),
                FieldRowPanel([SharedFieldPanel("signed_year"), SharedFieldPanel("end_year")]),
            ],
            heading="Dates",
        ),
        SharedFieldPanel("document"),
    ]
    search_fields = SitePage.search_fields + [index.SearchField("purpose")]
    description_field = "purpose"
    parent_page_types = ["history.MoUIndexPage"]
    subpage_types = []
    shared_fields = (*ListingFieldsMixin.shared_fields, "counterpart", "status", "signed_year", "end_year", "document")

    class Meta:
        verbose_name = "agreement (MoU)"
        verbose_name_plural = "agreements (MoUs)"

    @property
    def card_meta(self):
        """'Signed in 2009 · ends 2014', with what is known."""
        parts = []
        if self.signed_year:
            parts.append(_("Signed in %(year)s") % {"year": locale_digits(self.signed_year)})
        if self.end_year:
            parts.append(_("ends %(year)s") % {"year": locale_digits(self.end_year)})
        return " · ".join(parts)

    def clean(self):
        super().clean()
        if self.counterpart_id is None:
            raise ValidationError({"counterpart": "Choose the partner this MoU was signed with."})
        if self.signed_year and self.end_year and self.end_year < self.signed_year:
            raise ValidationError(
                {"end_year": f"The end year cannot be before the year it was signed ({self.signed_year})."}
            )

    def related_context(self):
        context = {}
        if self.pk:
            context["events"] = in_active_language(linked_to(self.events.model, "mous", self), "sort_date", "path")
        # The partner in the visitor's language (a translated MoU still points at the original partner).
        context["counterpart"] = (
            next(iter(in_active_language(type(self.counterpart).objects.filter(pk=self.counterpart_id))), None)
            if self.counterpart_id
            else None
        )
        return context
