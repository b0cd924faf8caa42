"""Site-wide pages (the home page and free-form pages) and the site settings editors manage."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import SourceImageIOError
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import BodyBlock
from .consent.models import CookieDuration, CookiePolicyPage  # noqa: F401  (models of this app, in their room)
from .i18n.pages import in_active_language
from .images.models import SiteImage, SiteRendition  # noqa: F401  (models of this app, in their room)
from .mixins import ListingFieldsMixin, SitePage
from .search.models import SearchSynonym  # noqa: F401  (models of this app, in their room)
from .web.home import home_page_figures, home_page_latest
from .web.phone import tel_number
from .web.routing import route_below
from .web.seo import organisation_id, site_root_url


class HomePage(ListingFieldsMixin, SitePage):
    """The site root (exactly one). Says what APLE is for and sends visitors to its story, offices and work."""

    result_label = gettext_lazy("Home page")  # in search results, beside the title

    mission = models.CharField(
        max_length=250,
        help_text="The organisation's mission in one sentence; the first thing visitors read.",
    )
    what_we_do = RichTextField(
        features=["bold", "italic", "link"],
        help_text="A short paragraph or two on what APLE does, in plain words.",
    )
    vision = models.CharField(
        max_length=250, blank=True, help_text="Optional: the vision, in one sentence, shown beside the mission."
    )
    donate_heading = models.CharField(
        max_length=100, blank=True, help_text="Heading of the call to action for donors, e.g. 'Support our work'."
    )
    donate_text = models.TextField(
        blank=True,
        max_length=400,
        help_text=(
            "Why a gift matters, in a sentence or two. The button links to the donate address set in "
            "Settings → Site settings; without that address the call to action is hidden."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("mission"),
        FieldPanel("vision"),
        FieldPanel("what_we_do"),
        InlinePanel("pathways", heading="Ways into the site", label="Pathway", min_num=0, max_num=6),
        MultiFieldPanel(
            [FieldPanel("donate_heading"), FieldPanel("donate_text")], heading="Call to action for donors"
        ),
    ]
    search_fields = SitePage.search_fields + [index.SearchField("mission"), index.SearchField("what_we_do")]

    parent_page_types = ["wagtailcore.Page"]
    # The content apps' sections are wired in settings (HOME_PAGE_SECTIONS): the core names no content app.
    subpage_types = [
        "aple_site.StandardPage",
        "aple_site.CookiePolicyPage",
        "aple_site.PrivacyNoticePage",
        *settings.HOME_PAGE_SECTIONS,
    ]
    max_count = 1

    class Meta:
        verbose_name = "home page (one per language)"

    def route(self, request, path_components):
        """Wagtail's routing, in two queries whatever the depth (aple_site/web/routing.py)."""
        return route_below(self, request, path_components)

    def related_context(self):
        context = {}
        pathways = list(self.pathways.select_related("page"))
        # Each pathway's page in the visitor's language (a translated home page may still point at the
        # original section pages), fetched together.
        targets = {
            page.translation_key: page
            for page in in_active_language(Page.objects.filter(pk__in=[p.page_id for p in pathways]))
        }
        context["pathways"] = [
            (pathway, target, target.specific_class.icon if target.specific_class else SitePage.icon)
            for pathway in pathways
            if (target := targets.get(pathway.page.translation_key))
        ]
        context["key_figures"] = home_page_figures(self)
        context["latest"] = home_page_latest(self)
        return context

    def organisation_data(self, site_settings):
        """schema.org JSON-LD for APLE as an NGO, with only what is known."""
        root_url = site_root_url(self)
        data = {
            "@context": "https://schema.org",
            "@type": "NGO",
            "@id": organisation_id(root_url),  # the office pages' Place blocks point here
            "name": "Action Pour Les Enfants",
            "alternateName": "APLE",
            "url": self.full_url,
            "description": self.mission,
            "foundingDate": "2003",
            "foundingLocation": {"@type": "Place", "name": _("Phnom Penh, Cambodia")},
            "areaServed": {"@type": "Country", "name": _("Cambodia")},
        }
        if site_settings.logo:
            try:
                logo = site_settings.logo.get_rendition("height-240|format-png").url
                data["logo"] = logo if logo.startswith("http") else f"{root_url}{logo}"
            except SourceImageIOError:  # not stored (a full disk): the home page goes without it
                pass
        if site_settings.contact_email:
            data["email"] = site_settings.contact_email
        if site_settings.contact_phone or site_settings.hotline_phone:
            data["telephone"] = tel_number(site_settings.contact_phone or site_settings.hotline_phone)
        if site_settings.hotline_phone:
            data["contactPoint"] = [
                {
                    "@type": "ContactPoint",
                    "contactType": _("child abuse reporting hotline"),
                    "telephone": tel_number(site_settings.hotline_phone),
                    "areaServed": "KH",
                    "availableLanguage": ["km", "en"],
                    "hoursAvailable": {
                        "@type": "OpeningHoursSpecification",
                        "dayOfWeek": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
                        "opens": "00:00",
                        "closes": "23:59",
                    },
                }
            ]
        if links := [link.value["url"] for link in site_settings.social_links]:
            data["sameAs"] = links
        return data


class HomePagePathway(Orderable):
    """A prominent link from the home page to a section (history, offices, programs)."""

    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="pathways")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", help_text="The page this pathway leads to."
    )
    heading = models.CharField(
        max_length=80, blank=True, help_text="Optional; the page's title is used when this is empty."
    )
    text = models.CharField(max_length=200, help_text="One sentence telling visitors what they will find there.")

    panels = [FieldPanel("page"), FieldPanel("heading"), FieldPanel("text")]

    @property
    def display_heading(self):
        return self.heading or self.page.title


class StandardPage(ListingFieldsMixin, SitePage):
    """A free-form page (about us, policies) under the home page or another standard page."""

    icon = "book-open"

    intro = models.TextField(blank=True, max_length=500, help_text="Optional opening paragraph, shown larger.")
    body = StreamField(BodyBlock(), blank=True, help_text="The page's content, built from blocks.")

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = SitePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    description_field = "intro"
    parent_page_types = ["aple_site.HomePage", "aple_site.StandardPage"]
    subpage_types = ["aple_site.StandardPage"]

    class Meta:
        verbose_name = "page with free text (about us, policies…)"


class PrivacyNoticePage(ListingFieldsMixin, SitePage):
    """The privacy notice (one per site, under the home page). Its table of what the site keeps, and for how
    long, is drawn from the settings that decide it (retention days, log rotation) on every render, so the
    notice cannot drift from what the site does; editors write the text around it."""

    intro = models.TextField(
        max_length=600, help_text="A short, plain summary: what APLE keeps about visitors, and why so little."
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text="Anything else the notice must say: who is responsible, how to ask about or delete your data.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = SitePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    description_field = "intro"
    parent_page_types = ["aple_site.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "privacy notice"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["retention"] = {
            "consent_log_days": settings.CONSENT_LOG_RETENTION_DAYS,
            "report_days": settings.REPORT_RETENTION_DAYS,
            "server_log_days": settings.SERVER_LOG_RETENTION_DAYS,
        }
        return context


class SocialLinkBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=40, help_text="The network's name as visitors know it, e.g. 'Facebook'.")
    url = blocks.URLBlock(help_text="The full address of APLE's profile on that network.")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details and links shown in every page's header and footer, and the donate address.

    The hotline and emergency numbers are safety-critical: a worried person calls them from the header of any
    page. The before-launch checklist (docs/before-launch.md) asks staff to confirm each one."""

    logo = models.ForeignKey(
        "aple_site.SiteImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "APLE's logo, shown in the header of every page and in search engines' results. Best as a wide PNG or "
            "SVG with a transparent background, light enough to read on the dark blue header. Leave empty to show "
            "the APLE wordmark."
        ),
    )
    hotline_phone = models.CharField(
        "24/7 hotline",
        max_length=40,
        blank=True,
        help_text=(
            "APLE's 24/7 hotline for reporting child sexual abuse, as people dial it in Cambodia (e.g. 092 311 511). "
            "Shown at the top of every page. Check it by calling it before you change it."
        ),
    )
    emergency_phone = models.CharField(
        "emergency number",
        max_length=20,
        blank=True,
        help_text="The police number to call when a child is in immediate danger (e.g. 1288). Shown in the footer.",
    )
    contact_email = models.EmailField(blank=True, help_text="Public e-mail address shown in the footer.")
    contact_phone = models.CharField(
        max_length=40,
        blank=True,
        help_text="Public phone number for general questions (not the hotline), e.g. +855 23 000 000.",
    )
    donate_url = models.URLField(
        "donate page address",
        blank=True,
        help_text="Where 'Donate' buttons lead (a donation platform or page). Leave empty to hide them.",
    )
    footer_text = models.TextField(
        "footer text (English)",
        blank=True,
        max_length=400,
        help_text="A sentence or two about APLE, shown at the bottom of every English page.",
    )
    footer_text_km = models.TextField(
        "footer text (Khmer)",
        blank=True,
        max_length=400,
        help_text="The same in Khmer, shown at the bottom of every Khmer page. Empty: the English text is shown.",
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())], blank=True, help_text="Links to APLE's profiles, shown in the footer."
    )

    panels = [
        FieldPanel("logo"),
        MultiFieldPanel([FieldPanel("hotline_phone"), FieldPanel("emergency_phone")], heading="Help numbers"),
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")], heading="Contact"),
        FieldPanel("donate_url"),
        MultiFieldPanel([FieldPanel("footer_text"), FieldPanel("footer_text_km")], heading="Footer"),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = "site settings"
