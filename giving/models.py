"""Ways to give: where donors give online (through the providers APLE uses, never through this site), how to
give by bank transfer, and what a gift pays for. No payment data ever touches this site: every gift is made
on the provider's site or at the donor's bank."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from aple_site.blocks import BodyBlock
from aple_site.caching.version import cached_setting
from aple_site.mixins import ListingFieldsMixin, SitePage

from .money import format_amount


class Frequency(models.TextChoices):
    ONE_OFF = "one_off", _("Give once")
    MONTHLY = "monthly", _("Give every month")


class Currency(models.TextChoices):
    USD = "USD", _("US dollars")
    KHR = "KHR", _("Cambodian riel")


class WaysToGivePage(ListingFieldsMixin, SitePage):
    """'Ways to give' (one per site, under the home page), where every Donate button leads: giving online
    through the donation platforms and by bank transfer (both in Settings → Giving, the same in every language),
    and what gifts pay for (rows on the page, so that each language words them). Each part is hidden until it is
    filled in."""

    icon = "heart-handshake"  # static/icons/: marks this page on cards and in links

    intro = models.TextField(max_length=600, help_text="Why a gift matters, in two or three plain sentences.")
    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text="Optional: anything else donors should know, e.g. gifts from companies or in memory of someone.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel(
            "gift_examples",
            heading="What a gift does",
            label="Example",
            help_text="Only what APLE's finance team has confirmed, e.g. '$25: a day of a social worker's visits'.",
        ),
        HelpPanel(
            "The donation platforms' addresses and the bank account are the same in every language: they are set once "
            "in Settings → Giving, and shown here when set.",
            heading="Giving online and by bank transfer",
        ),
        FieldPanel("body"),
    ]
    search_fields = SitePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    description_field = "intro"
    parent_page_types = ["aple_site.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "Ways to give"

    def related_context(self):
        return {"gift_examples": list(self.gift_examples.all())}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        giving = cached_setting(GivingSettings, request)
        links = [link.value for link in giving.donation_links]
        # Giving once first: the common case, and the one the main button stands for.
        context["donation_links"] = sorted(links, key=lambda link: link["frequency"] != Frequency.ONE_OFF)
        context["bank_transfer"] = giving
        return context


class DonationLinkBlock(blocks.StructBlock):
    """A donation platform's page for APLE (GlobalGiving or another), for giving once or every month."""

    provider = blocks.CharBlock(max_length=60, help_text="The platform's name as donors know it, e.g. 'GlobalGiving'.")
    frequency = blocks.ChoiceBlock(choices=Frequency.choices, default=Frequency.ONE_OFF)
    url = blocks.URLBlock(label="Address", help_text="The full address (https://…) of APLE's page on that platform.")
    note = blocks.CharBlock(
        required=False,
        max_length=160,
        help_text="Optional, e.g. 'Gifts from the USA are tax-deductible' (only if the platform says so).",
    )


class GiftExample(Orderable):
    """What a gift of a given amount pays for, as staff have confirmed it."""

    page = ParentalKey(WaysToGivePage, on_delete=models.CASCADE, related_name="gift_examples")
    amount = models.DecimalField(max_digits=12, decimal_places=2, help_text="e.g. 25 or 100000.")
    currency = models.CharField(
        max_length=3, choices=Currency.choices, default=Currency.USD, help_text="The currency the amount is shown in."
    )
    pays_for = models.CharField(
        "what it pays for", max_length=200, help_text="In plain words, e.g. 'a child's transport to court and back'."
    )

    panels = [FieldRowPanel([FieldPanel("amount"), FieldPanel("currency")]), FieldPanel("pays_for")]

    @property
    def display_amount(self):
        return format_amount(self.amount, self.currency)


@register_setting(icon="form")
class GivingSettings(BaseSiteSetting):
    """Where donors give, the same in every language and shown on the Ways to give page: the donation platforms'
    pages (no payment is ever made on this site) and APLE's bank account for transfers. Each part is hidden
    while empty; the bank details are shown once the account name and number are set."""

    donation_links = StreamField(
        [("link", DonationLinkBlock())],
        blank=True,
        help_text=(
            "The pages of the donation platforms APLE uses, one for giving once and one for giving every month. "
            "Donors pay there: this site never sees a card or account number."
        ),
    )

    bank_name = models.CharField(max_length=120, blank=True, help_text="e.g. the bank's full name.")
    account_name = models.CharField(max_length=120, blank=True, help_text="The account holder's name.")
    account_number = models.CharField(
        max_length=60,
        blank=True,
        help_text="Shown to donors exactly as typed here: they copy it into their bank's form.",
    )
    swift_code = models.CharField(
        "SWIFT/BIC code", max_length=11, blank=True, help_text="For gifts from abroad, e.g. ABAAKHPP."
    )
    bank_address = models.CharField(max_length=250, blank=True, help_text="The branch's address, if donors need it.")
    reference_note = models.CharField(
        "what to write as the reference",
        max_length=200,
        blank=True,
        help_text="e.g. 'Your name and \"Donation\"', so the finance team can thank the donor. Shown on English pages.",
    )
    reference_note_km = models.CharField(
        "what to write as the reference (Khmer)",
        max_length=200,
        blank=True,
        help_text="The same in Khmer, shown on the Khmer page. Empty: the English text is shown.",
    )

    panels = [
        FieldPanel("donation_links", heading="Give online"),
        MultiFieldPanel(
            [
                HelpPanel("Check every digit with the finance team before saving: donors copy them as they are."),
                FieldPanel("bank_name"),
                FieldPanel("account_name"),
                FieldPanel("account_number"),
                FieldPanel("swift_code"),
                FieldPanel("bank_address"),
                FieldPanel("reference_note"),
                FieldPanel("reference_note_km"),
            ],
            heading="Bank transfer",
        ),
    ]

    class Meta:
        verbose_name = "giving"

    @property
    def is_complete(self):
        return bool(self.account_name and self.account_number)
