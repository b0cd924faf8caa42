"""Where APLE works: its offices, and why each was opened."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from aple_site.i18n.forms import SharedFieldPanel
from aple_site.i18n.languages import locale_digits
from aple_site.i18n.pages import in_active_language, linked_to, pages_naming
from aple_site.mixins import ListingFieldsMixin, SectionIndexPage, SitePage, with_image
from aple_site.web.seo import organisation_id, site_root_url

from .map import HEIGHT, WIDTH, outline_path, place_on_map


class OfficeIndexPage(SectionIndexPage):
    """'Where we work' (one per site, under the home page): an overview map and the offices."""

    icon = "map-pin"  # static/icons/: marks this page on cards and in links

    subpage_types = ["offices.OfficePage"]

    class Meta:
        verbose_name = "Where we work (the list of offices)"

    def related_context(self):
        offices = list(with_image(OfficePage.objects.live(), "photo").child_of(self).order_by("year_opened", "title"))
        return {
            "offices": offices,
            "map_markers": [marker for office in offices if (marker := place_on_map(office))],
            "map_width": WIDTH,
            "map_height": HEIGHT,
            "outline": outline_path(),
        }


class OfficePage(ListingFieldsMixin, SitePage):
    """One office, under 'Where we work': when and why it opened, what the team does, how to reach it.
    Contact fields stay empty unless APLE publishes them: never guess an address or a phone number.

    Offices are the base other sections point at: partners, programs and events name their offices, and
    this page lists them."""

    icon = "map-pin"  # static/icons/: marks this page on cards and in links
    result_label = gettext_lazy("Office")  # in search results, beside the title

    city = models.CharField(max_length=80, help_text="The town or city, e.g. 'Siem Reap'.")
    province = models.CharField(
        max_length=80,
        blank=True,
        help_text=(
            "The province, e.g. 'Preah Sihanouk'. Cards show it beside the office when the English page's province "
            "and town differ (Sihanoukville, Preah Sihanouk), in every language."
        ),
    )
    # Decided on the English page and shared: "Siem Reap, Siem Reap" says nothing in English, while the Khmer names
    # of the same town and province always differ ("ក្រុង…" against "ខេត្ត…"), which gave the cards of the two
    # languages different facts.
    province_shown_on_cards = models.BooleanField(default=True, editable=False)
    year_opened = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The year the office opened. Leave empty if it is not known."
    )
    reason_opened = models.TextField(max_length=800, help_text="Why APLE opened an office here.")
    team_work = models.TextField(
        "what the team does",
        max_length=1200,
        blank=True,
        help_text="What the team in this office does, in plain words.",
    )
    address = models.TextField(blank=True, max_length=300, help_text="Postal address, only if APLE publishes it.")
    phone = models.CharField(max_length=40, blank=True, help_text="Public phone number, with country code.")
    email = models.EmailField(blank=True, help_text="Public e-mail address of this office.")
    opening_hours = models.CharField(max_length=200, blank=True, help_text="e.g. 'Monday to Friday, 8:00–17:00'.")
    latitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(9), MaxValueValidator(15)],
        help_text="Where to place the office on the maps, in decimal degrees (Cambodia: 9 to 15), e.g. 13.36710.",
    )
    longitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(102), MaxValueValidator(108)],
        help_text="Decimal degrees east (Cambodia: 102 to 108), e.g. 103.84480.",
    )
    photo = models.ForeignKey(
        "aple_site.SiteImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional photo of the office or the town. Never show children's faces.",
    )
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("city"), FieldPanel("province")]), SharedFieldPanel("year_opened")],
            heading="Where and when",
        ),
        FieldPanel("reason_opened"),
        FieldPanel("team_work"),
        SharedFieldPanel("photo"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([SharedFieldPanel("phone"), SharedFieldPanel("email")]),
                FieldPanel("opening_hours"),
            ],
            heading="Contact (only what APLE publishes)",
        ),
        MultiFieldPanel(
            [FieldRowPanel([SharedFieldPanel("latitude"), SharedFieldPanel("longitude")])],
            heading="Position on the map",
        ),
        HelpPanel(
            "Partners, programs and timeline events name the offices they concern, on their own pages; "
            "this office's page lists them.",
            heading="Partners, programs and events",
        ),
    ]
    search_fields = SitePage.search_fields + [
        index.SearchField("city"),
        index.SearchField("reason_opened"),
        index.SearchField("team_work"),
    ]
    description_field = "reason_opened"
    parent_page_types = ["offices.OfficeIndexPage"]
    subpage_types = []
    shared_fields = (
        *ListingFieldsMixin.shared_fields,
        *("year_opened", "phone", "email", "latitude", "longitude", "photo", "province_shown_on_cards"),
    )

    class Meta:
        verbose_name = "office"

    def save(self, *args, **kwargs):
        self.province_shown_on_cards = bool(self.province) and self.province != self.city  # a translation takes the
        super().save(*args, **kwargs)  # English page's decision (shared_fields)

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": "Enter both latitude and longitude, or neither."})

    consent_free_image_fields = ("listing_image", "photo")  # the share image falls back to it

    @property
    def share_image(self):
        """What social networks show: the card image, else the office's photo (else base.html's share card)."""
        return self.listing_image or self.photo

    @property
    def card_meta(self):
        """'Preah Sihanouk · Opened in 2005', with what is known."""
        parts = [self.province] if self.province and self.province_shown_on_cards else []
        if self.year_opened:
            parts.append(_("Opened in %(year)s") % {"year": locale_digits(self.year_opened)})
        return " · ".join(parts)

    @property
    def has_position(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def osm_link(self):
        """A plain link to the office's position on OpenStreetMap (no request until the visitor follows it)."""
        if not self.has_position:
            return ""
        return f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=14/{self.latitude}/{self.longitude}"

    @property
    def osm_embed(self):
        if not self.has_position:
            return ""
        lat, lon, d = float(self.latitude), float(self.longitude), 0.02
        return (
            "https://www.openstreetmap.org/export/embed.html?"
            f"bbox={lon - d:.5f}%2C{lat - d:.5f}%2C{lon + d:.5f}%2C{lat + d:.5f}&layer=mapnik&marker={lat:.5f}%2C{lon:.5f}"
        )

    def structured_data(self):
        """schema.org JSON-LD for this place, with only the fields that are known."""
        address = {"@type": "PostalAddress", "addressLocality": self.city, "addressCountry": "KH"}
        if self.province:
            address["addressRegion"] = self.province
        if self.address:
            address["streetAddress"] = self.address
        root_url = site_root_url(self)
        data = {"@type": "Place", "@id": f"{self.full_url}#place", "name": self.title, "address": address}
        data["url"] = self.full_url
        if self.has_position:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
        if self.phone:
            data["telephone"] = self.phone
        if self.opening_hours:
            data["openingHours"] = self.opening_hours
        data["containedInPlace"] = {"@type": "Country", "name": _("Cambodia")}
        # Place has no property naming its organisation: the organisation (described in full on the home page,
        # under the same @id) names this place as one of its locations.
        organisation = {"@type": "NGO", "@id": organisation_id(root_url), "location": {"@id": data["@id"]}}
        return {"@context": "https://schema.org", "@graph": [data, organisation]}

    def related_context(self):
        context = {}
        if self.pk is not None:
            # Pages that name this office in any language, each shown in the visitor's language.
            context["partners"] = in_active_language(linked_to(self.partners.model, "offices", self), "title")
            context["programs"] = in_active_language(linked_to(self.programs.model, "offices", self), "title")
            context["events"] = in_active_language(linked_to(self.events.model, "offices", self), "sort_date", "path")
        context["news"] = pages_naming(self, "news", "offices", "-date", "-pk")  # the reverse side of news' "offices"
        return context
