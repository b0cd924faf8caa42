"""The organisations APLE works with."""

from django import forms
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from aple_site.i18n.forms import SharedFieldPanel
from aple_site.i18n.languages import locale_digits
from aple_site.i18n.pages import in_active_language, linked_to, pages_naming
from aple_site.mixins import ListingFieldsMixin, SectionIndexPage, SitePage, live_pages, with_image

from .mous import MoUIndexPage


class PartnerKind(models.TextChoices):
    GOVERNMENT = "government", _("Government body")
    NGO = "ngo", _("Non-governmental organisation")
    INTERNATIONAL = "international", _("International organisation")
    COMMUNITY = "community", _("Community")
    NETWORK = "network", _("Working group or network")


KIND_HEADINGS = {
    PartnerKind.GOVERNMENT: _("Government bodies"),
    PartnerKind.NGO: _("Non-governmental organisations"),
    PartnerKind.INTERNATIONAL: _("International organisations"),
    PartnerKind.COMMUNITY: _("Communities"),
    PartnerKind.NETWORK: _("Working groups and networks"),
}


class PartnerIndexPage(SectionIndexPage):
    """'Our partners' (one per site, under the home page): every partner, grouped by kind."""

    icon = "handshake"  # static/icons/: marks this page on cards and in links

    subpage_types = ["history.PartnerPage"]

    class Meta:
        verbose_name = "Our partners (the list of partners)"

    def related_context(self):
        partners = list(with_image(PartnerPage.objects.live(), "logo").child_of(self).order_by("title"))
        return {
            # "See also" the agreements page, in this page's language (from the same home page).
            "mou_index": MoUIndexPage.objects.live().sibling_of(self).first(),
            "groups": [
                (kind.label, [p for p in partners if p.kind == kind])
                for kind in PartnerKind
                if any(p.kind == kind for p in partners)
            ],
        }


class PartnerPage(ListingFieldsMixin, SitePage):
    """An organisation APLE works with, under 'Our partners'. It names the offices and programs it works with
    (their pages list it in return); events and MoUs that name it are listed on its page."""

    icon = "handshake"  # static/icons/: marks this page on cards and in links
    result_label = _("Partner")  # in search results, beside the title

    kind = models.CharField(max_length=20, choices=PartnerKind.choices, help_text="What kind of organisation it is.")
    logo = models.ForeignKey(
        "aple_site.SiteImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. Use the partner's logo only with their permission.",
    )
    website = models.URLField(blank=True, help_text="The partner's own website, if it has one.")
    how_we_work = RichTextField(
        features=["bold", "italic", "link"],
        help_text="How APLE and this partner work together, in a short paragraph.",
    )
    since_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The year the partnership began. Leave empty if it is not known."
    )
    offices = ParentalManyToManyField(
        "offices.OfficePage",
        blank=True,
        related_name="partners",
        help_text="APLE's offices that work with this partner. Each office's page lists it.",
    )
    programs = ParentalManyToManyField(
        "programs.ProgramPage",
        blank=True,
        related_name="partners",
        help_text="APLE's programs this partner takes part in. Each program's page lists it under 'With whom'.",
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [SharedFieldPanel("kind"), SharedFieldPanel("since_year"), SharedFieldPanel("website")], heading="About"
        ),
        SharedFieldPanel("logo"),
        FieldPanel("how_we_work"),
        MultiFieldPanel(
            [
                SharedFieldPanel("offices", widget=forms.CheckboxSelectMultiple),
                SharedFieldPanel("programs", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Where and in what we work together",
        ),
    ]
    search_fields = SitePage.search_fields + [index.SearchField("how_we_work")]
    description_field = "card_text"
    parent_page_types = ["history.PartnerIndexPage"]
    subpage_types = []
    shared_fields = (*ListingFieldsMixin.shared_fields, "kind", "logo", "website", "since_year", "offices", "programs")

    class Meta:
        verbose_name = "partner"

    @property
    def card_text(self):
        """The card's text: the editor's summary, else the start of 'how we work'."""
        return self.listing_summary or Truncator(strip_tags(self.how_we_work)).words(24)

    @property
    def card_meta(self):
        if not self.since_year:
            return ""
        return _("Working together since %(year)s") % {"year": locale_digits(self.since_year)}

    def related_context(self):
        context = {"offices": live_pages(self.offices), "programs": live_pages(self.programs)}
        if self.pk is None:  # previewing a partner that was never saved: nothing links to it yet
            return context
        # Pages that name this partner in any language, each shown in the visitor's language.
        context["events"] = in_active_language(linked_to(self.events.model, "partners", self), "sort_date", "path")
        context["mous"] = in_active_language(linked_to(self.mous.model, "counterpart", self), "title")
        context["news"] = pages_naming(
            self, "news", "partners", "-date", "-pk"
        )  # the reverse side of news' "partners"
        return context
