"""Ways to give: the Donate button, the platforms and bank details staff set up, and amounts in each language."""

from decimal import Decimal

from django.test import TestCase
from django.utils import translation

from wagtail.models import Site

from giving.factories import WaysToGivePageFactory
from giving.models import GiftExample, GivingSettings, WaysToGivePage
from giving.money import format_amount
from programs.factories import ProgramPageFactory
from tests.base import DONATE, in_khmer, set_site_settings
from tests.content_base import ContentTestCase


class WaysToGiveTests(ContentTestCase):
    def test_the_donate_button_appears_in_the_header_only_with_a_donate_address(self):
        self.assertNotIn("button--donate", self.client.get(self.home.url).content.decode())
        set_site_settings(donate_url=DONATE)
        self.assertIn(
            f'class="button button--donate" href="{DONATE}"', self.client.get(self.home.url).content.decode()
        )
        give = WaysToGivePageFactory(parent=self.home)
        html = self.client.get(self.home.url).content.decode()
        self.assertIn(f'class="button button--donate" href="{give.url}"', html)  # every way to give, not one

    def test_support_this_program_leads_to_ways_to_give(self):
        set_site_settings(donate_url=DONATE)
        give = WaysToGivePageFactory(parent=self.home)
        html = self.client.get(ProgramPageFactory(parent=self.strategy).url).content.decode()
        cta = html[html.index('class="donate-cta"') :]
        self.assertIn(f'href="{give.url}"', cta[: cta.index("</section>")])

    def test_a_page_with_nothing_set_up_still_says_how_to_give(self):
        set_site_settings(contact_email="info@example.org")
        html = self.client.get(WaysToGivePageFactory(parent=self.home).url).content.decode()
        self.assertIn("To give to APLE, write to us at", html)
        for hidden in ("give-online", "bank-transfer", "what-a-gift-does"):
            self.assertNotIn(f'id="{hidden}"', html)

    def test_every_way_staff_set_up_is_shown(self):
        give = WaysToGivePageFactory(parent=self.home)
        give.gift_examples = [
            GiftExample(amount=Decimal("25"), currency="USD", pays_for="a day of transport to court"),
            GiftExample(amount=Decimal("100000"), currency="KHR", pays_for="a family's travel to a hearing"),
        ]
        give.save_revision().publish()
        giving = GivingSettings.for_site(Site.objects.get(is_default_site=True))
        giving.donation_links = [
            ("link", {"provider": "GlobalGiving", "frequency": "monthly", "url": "https://gg.example.org/monthly"}),
            ("link", {"provider": "GlobalGiving", "frequency": "one_off", "url": "https://gg.example.org/once"}),
        ]
        giving.account_name, giving.account_number, giving.swift_code = "APLE", "000 111 222", "TESTKHPP"
        giving.save()
        html = self.client.get(give.url).content.decode()
        once = html.index('href="https://gg.example.org/once" rel="noopener">')
        self.assertLess(once, html.index('href="https://gg.example.org/monthly"'))  # giving once comes first
        self.assertIn("Give once with GlobalGiving", html)
        self.assertIn("Give every month with GlobalGiving", html)
        self.assertIn("000 111 222", html)
        self.assertIn("TESTKHPP", html)
        self.assertIn("$25</strong>", html)
        self.assertIn("KHR\u00a0100,000</strong>", html)
        self.assertNotIn("To give to APLE, write to us at", html)
        # No payment data: nothing on the page asks for an amount, a card or an account.
        self.assertNotRegex(html, r'<input[^>]+name="(amount|card|account|iban)')

    def test_bank_details_are_hidden_until_the_account_is_set(self):
        give = WaysToGivePageFactory(parent=self.home)
        giving = GivingSettings.for_site(Site.objects.get(is_default_site=True))
        giving.bank_name = "A bank"  # a name alone is not enough to give
        giving.save()
        self.assertNotIn('id="bank-transfer"', self.client.get(give.url).content.decode())

    def test_amounts_are_written_for_the_page_language(self):
        cases = {
            "en": [("25", "USD", "$25"), ("12.50", "USD", "$12.50"), ("100000", "KHR", "KHR\u00a0100,000")],
            "km": [("25", "USD", "២៥$"), ("12.50", "USD", "១២.៥០$"), ("100000", "KHR", "១០០,០០០៛")],
        }
        for language, amounts in cases.items():
            with translation.override(language):
                for amount, currency, expected in amounts:
                    self.assertEqual(format_amount(Decimal(amount), currency), expected)


class SeededWaysToGiveTests(TestCase):
    def test_the_khmer_page_offers_the_same_ways_to_give_written_in_khmer(self):
        giving = GivingSettings.for_site(Site.objects.get(is_default_site=True))
        giving.donation_links = [("link", {"provider": "GlobalGiving", "frequency": "one_off", "url": DONATE})]
        giving.account_name, giving.account_number = "APLE", "000 111 222"
        giving.save()
        khmer = WaysToGivePage.objects.get(locale__language_code="km")
        khmer.gift_examples = [GiftExample(amount=Decimal("25"), currency="USD", pays_for="ការធ្វើដំណើរ")]
        khmer.save_revision().publish()
        html = self.client.get(khmer.url).content.decode()
        self.assertIn(f'href="{DONATE}"', html)
        self.assertIn(in_khmer("Give once with %(provider)s", provider="GlobalGiving"), html)
        self.assertIn("000 111 222", html)
        self.assertIn("២៥$</strong>", html)
