"""What donors see: a way to give, an honest status for every strategy, and the reports behind the figures."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from aple_site.models import HomePage, SiteSettings
from giving.models import GiftExample, GivingSettings, WaysToGivePage
from giving.money import format_amount
from programs.models import ImpactFigure, ProgramPage, StrategyPage, this_year
from publications.models import PublicationIndexPage, PublicationPage, TransparencyPage
from tests.content_base import ContentTestCase
from tests.factories import (
    PdfDocumentFactory,
    ProgramPageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    StrategyPageFactory,
    TransparencyPageFactory,
    WaysToGivePageFactory,
)
from tests.pdf_files import make_pdf

DONATE = "https://give.example.org/aple"


def set_site_settings(**values):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in values.items():
        setattr(settings, name, value)
    settings.save()


def in_khmer(text, **values):
    """`text` as the Khmer catalogue translates it."""
    with translation.override("km"):
        return translation.gettext(text) % values if values else translation.gettext(text)


class DonorPageTreeTests(ContentTestCase):
    def test_tree(self):
        for model in (PublicationIndexPage, TransparencyPage, WaysToGivePage):
            self.assertAllowedParentPageTypes(model, {HomePage})
        self.assertAllowedSubpageTypes(PublicationIndexPage, {PublicationPage})
        self.assertAllowedParentPageTypes(PublicationPage, {PublicationIndexPage})
        for model in (PublicationPage, TransparencyPage, WaysToGivePage):
            self.assertAllowedSubpageTypes(model, set())

    def test_pages_render_edit_preview_and_can_be_created(self):
        library = PublicationIndexPageFactory(parent=self.home)
        publication = PublicationPageFactory(parent=library)
        cases = [
            (library, {"intro": "Reports."}),
            (
                publication,
                {
                    "publication_type": "research",
                    "year": 2024,
                    "document_language": "en-km",
                    "document": publication.document_id,
                    "summary": "S.",
                },
            ),
            (
                TransparencyPageFactory(parent=self.home),
                {
                    "intro": "",
                    "registration": rich_text("<p>R.</p>"),
                    "governance": rich_text(""),
                    "accountability": rich_text(""),
                },
            ),
            (
                WaysToGivePageFactory(parent=self.home),
                {"intro": "Why.", "body": streamfield([]), "gift_examples": inline_formset([])},
            ),
        ]
        for page, fields in cases:
            with self.subTest(page=type(page).__name__):
                data = nested_form_data({"title": page.title, "slug": page.slug, **fields})
                self.assertPageIsRenderable(page)
                self.assertPageIsEditable(page, data)
                self.assertPageIsPreviewable(page, post_data=data)
        self.login_as_superuser()
        data = nested_form_data({"title": "Second", "slug": "second", **cases[1][1]})
        self.assertCanCreate(library, PublicationPage, data)


class SeededStrategyStatusTests(TestCase):
    """The seeded 2016–2020 strategy, seen in 2026 or later: never presented as current, in either language."""

    def english_strategy(self):
        return StrategyPage.objects.get(locale__language_code="en", slug="strategy-2016-2020")

    def khmer(self, page):
        return page.get_translation(Locale.objects.get(language_code="km")).specific

    def test_an_ended_strategy_is_not_current_in_either_language(self):
        strategy = self.english_strategy()
        html = self.client.get("/en/our-work/").content.decode()
        self.assertIn("Our 2016–2020 strategy", html)
        self.assertIn("This strategy ran from 2016 to 2020 and has ended.", html)
        self.assertNotIn("current strategy", html)
        self.assertIn("Ended in 2020", self.client.get(strategy.url).content.decode())

        khmer_html = self.client.get("/km/our-work/").content.decode()
        years = {"start": "២០១៦", "end": "២០២០"}
        self.assertIn(in_khmer("This strategy ran from %(start)s to %(end)s and has ended.", **years), khmer_html)
        self.assertNotIn(in_khmer("Our current strategy, %(period)s", period="២០១៦–២០២០"), khmer_html)
        khmer_strategy = self.client.get(self.khmer(strategy).url).content.decode()
        self.assertIn(in_khmer("Ended in %(year)s", year="២០២០"), khmer_strategy)

    def test_programs_of_an_ended_strategy_say_so_and_ask_for_no_money(self):
        set_site_settings(donate_url=DONATE)
        program = ProgramPage.objects.get(locale__language_code="en", slug="court-support")
        for page, notice in (
            (program, "This work was part of Strategy 2016–2020."),
            (self.khmer(program), in_khmer("This work was part of %(title)s.", title="យុទ្ធសាស្ត្រ ២០១៦–២០២០")),
        ):
            with self.subTest(language=page.locale.language_code):
                html = self.client.get(page.url).content.decode()
                self.assertIn(notice, html)
                self.assertNotIn('class="donate-cta"', html)
                self.assertIn("button--donate", html)  # the header's Donate button stays: APLE still asks

    def test_archiving_the_english_strategy_archives_the_khmer_one(self):
        set_site_settings(donate_url=DONATE)
        strategy = self.english_strategy()
        program = self.khmer(ProgramPage.objects.get(locale__language_code="en", slug="court-support"))
        strategy.start_year, strategy.end_year = this_year() - 1, this_year() + 3
        strategy.save_revision().publish()
        self.assertEqual(self.khmer(strategy).end_year, this_year() + 3)
        self.assertIn('class="donate-cta"', self.client.get(program.url).content.decode())
        self.assertIn(in_khmer("Current"), self.client.get(self.khmer(strategy).url).content.decode())

        strategy.status = "archived"
        strategy.save_revision().publish()
        self.assertEqual(self.khmer(strategy).status, "archived")
        html = self.client.get(program.url).content.decode()
        self.assertNotIn('class="donate-cta"', html)
        self.assertIn(in_khmer("This is an earlier strategy; APLE has archived it."), html)

    def test_a_translators_old_draft_cannot_bring_a_status_back(self):
        strategy = self.english_strategy()
        strategy.status = "archived"
        strategy.save_revision().publish()
        khmer = self.khmer(strategy)
        khmer.status, khmer.end_year = "current", 2030
        khmer.save_revision().publish()
        khmer.refresh_from_db()
        self.assertEqual((khmer.status, khmer.end_year), ("archived", 2020))


class StrategyStatusTests(ContentTestCase):
    """self.strategy (2016–2020) is marked current by staff."""

    def test_current_by_period_or_when_marked(self):
        year = this_year()
        cases = [
            ({"start_year": year - 1, "end_year": year + 1, "status": "by_period"}, True),
            ({"start_year": year, "end_year": None, "status": "by_period"}, True),
            ({"start_year": 2016, "end_year": 2020, "status": "by_period"}, False),
            ({"start_year": year + 1, "end_year": year + 5, "status": "by_period"}, False),
            ({"start_year": 2016, "end_year": 2020, "status": "current"}, True),
            ({"start_year": year - 1, "end_year": year + 1, "status": "archived"}, False),
        ]
        for fields, current in cases:
            with self.subTest(**fields):
                self.assertEqual(StrategyPage(title="S", **fields).is_current(), current)

    def test_at_most_one_strategy_is_current(self):
        year = this_year()
        for fields in ({"status": "current"}, {"status": "by_period", "start_year": year - 1, "end_year": year}):
            with self.subTest(**fields), self.assertRaisesMessage(ValidationError, "Only one strategy can be current"):
                page = StrategyPage(title="New", slug="new", overview="x", locale=self.strategy.locale, **fields)
                page.start_year = page.start_year or 2021
                page.clean()
        StrategyPage(title="Old", slug="old", start_year=2011, end_year=2015, overview="x").clean()  # no error

    def test_the_editor_is_told_why_a_second_current_strategy_is_refused(self):
        self.login_as_superuser()
        data = nested_form_data(
            {
                "title": "Strategy 2026–2030",
                "slug": "strategy-2026-2030",
                "start_year": 2026,
                "end_year": 2030,
                "status": "current",
                "intro": "",
                "overview": rich_text("<p>What it sets out to do.</p>"),
                "action-publish": "publish",
            }
        )
        url = reverse("wagtailadmin_pages:add", args=("programs", "strategypage", self.program_index.pk))
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Only one strategy can be current, and “")
        self.assertFalse(StrategyPage.objects.filter(slug="strategy-2026-2030").exists())

    def test_our_work_presents_the_current_strategy_as_current(self):
        html = self.client.get(self.program_index.url).content.decode()
        self.assertIn("Our current strategy, 2016–2020", html)
        self.assertNotIn('role="note"', html)

    def test_with_none_current_the_latest_is_shown_for_what_it_is(self):
        self.strategy.status = "archived"
        self.strategy.save_revision().publish()
        StrategyPageFactory(
            parent=self.program_index, title="Strategy 2011–2015", start_year=2011, end_year=2015, status="by_period"
        )
        html = self.client.get(self.program_index.url).content.decode()
        self.assertIn("Our 2016–2020 strategy", html)
        self.assertIn("This strategy ran from 2016 to 2020 and has ended.", html)
        self.assertIn("Earlier strategies", html)
        self.assertNotIn("current strategy", html)

    def test_a_program_of_an_earlier_strategy_points_to_the_current_work(self):
        set_site_settings(donate_url=DONATE)
        old = StrategyPageFactory(
            parent=self.program_index, title="Strategy 2011–2015", start_year=2011, end_year=2015, status="by_period"
        )
        program = ProgramPageFactory(parent=old)
        html = self.client.get(program.url).content.decode()
        self.assertIn("This work was part of Strategy 2011–2015.", html)
        self.assertIn(f'href="{self.strategy.url}"', html)
        self.assertNotIn("Support this program", html)
        self.assertIn(
            "Support this program", self.client.get(ProgramPageFactory(parent=self.strategy).url).content.decode()
        )


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


class PublicationTests(ContentTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.library = PublicationIndexPageFactory(parent=cls.home)

    def upload_document(self, data, filename="report.pdf"):
        upload = {"title": "Impact report", "file": SimpleUploadedFile(filename, data)}
        upload["collection"] = Collection.get_first_root_node().pk  # asked for once there are several
        response = self.client.post(reverse("wagtaildocs:add"), upload)
        self.assertEqual(response.status_code, 302)  # stored
        return get_document_model().objects.latest("pk")

    def publish_publication(self, document, **fields):
        data = nested_form_data(
            {
                "title": fields.get("title", "Impact report 2025"),
                "slug": fields.get("slug", "impact-report-2025"),
                "publication_type": "annual_report",
                "year": 2025,
                "document_language": "en",
                "document": document.pk,
                "summary": "What APLE did in 2025.",
                "action-publish": "publish",
            }
        )
        url = reverse("wagtailadmin_pages:add", args=("publications", "publicationpage", self.library.pk))
        return self.client.post(url, data)

    def test_an_uploaded_pdf_gets_its_cover_page_count_and_search_entry(self):
        self.login_as_superuser()
        pages = ["Impact report 2025", "Safeguarding in Kampongcham villages", "Annex"]
        document = self.upload_document(make_pdf(pages))
        response = self.publish_publication(document)
        self.assertEqual(response.status_code, 302, response.content.decode()[:3000])
        publication = PublicationPage.objects.child_of(self.library).live().get()
        self.assertEqual(publication.pdf.page_count, 3)
        self.assertEqual(publication.pdf.cover.width, 480)
        self.assertIn("Kampongcham", publication.pdf.text)
        html = self.client.get(publication.url).content.decode()
        self.assertIn("PDF, 3 pages,", html)
        self.assertIn(f'href="{document.url}"', html)
        self.assertRegex(html, r'<img[^>]+class="publication-cover__image"')
        results = self.client.get(reverse("search"), {"q": "Kampongcham"}).content.decode()
        self.assertIn(f'href="{publication.url}"', results)  # found by a word only the PDF holds

    def test_a_file_that_is_not_a_readable_pdf_is_a_form_error(self):
        self.login_as_superuser()
        refused = self.client.post(
            reverse("wagtaildocs:add"),
            {"title": "Broken", "file": SimpleUploadedFile("report.pdf", b"%PDF-1.4 broken beyond repair")},
        )
        self.assertContains(refused, "could not be stored")  # a broken PDF is refused as it is uploaded
        broken = PdfDocumentFactory(file__data=b"%PDF-1.4 broken beyond repair")  # one made before that check
        for document in (broken, self.upload_document(b"plain text", "report.txt")):
            with self.subTest(file=document.file.name):
                response = self.publish_publication(document, slug=document.file.name[-3:])
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "PDF")
                self.assertFalse(PublicationPage.objects.child_of(self.library).exists())

    def test_a_pdf_over_the_size_limit_is_a_form_error(self):
        self.login_as_superuser()
        document = self.upload_document(make_pdf(["A report"]))
        with override_settings(PUBLICATION_MAX_PDF_MB=0):
            response = self.publish_publication(document)
        self.assertContains(response, "larger than 0 MB")
        self.assertFalse(PublicationPage.objects.child_of(self.library).exists())

    def test_replacing_the_pdf_refreshes_the_page_and_search(self):
        publication = PublicationPageFactory(parent=self.library)
        document = publication.document
        document.file.save("new.pdf", ContentFile(make_pdf(["One", "Two", "Three", "Zanzibarword"])), save=False)
        document._set_file_hash()
        document.save()  # as Documents → edit → "Change document file" does
        self.assertIn("PDF, 4 pages,", self.client.get(publication.url).content.decode())
        results = self.client.get(reverse("search"), {"q": "Zanzibarword"}).content.decode()
        self.assertIn(f'href="{publication.url}"', results)

    def test_a_publication_taken_down_takes_its_pdf_down(self):
        publication = PublicationPageFactory(parent=self.library)
        url = publication.document.url
        self.assertEqual(self.client.get(url).status_code, 200)
        publication.unpublish()
        self.assertEqual(self.client.get(url).status_code, 404)
        self.login_as_superuser()  # staff still reach it from the admin
        self.assertEqual(self.client.get(url).status_code, 200)

    def test_a_deleted_document_is_no_longer_offered(self):
        publication = PublicationPageFactory(parent=self.library)
        link = publication.document.url
        self.assertIn(link, self.client.get(publication.url).content.decode())
        publication.document.delete()
        for url in (publication.url, self.library.url):
            self.assertNotIn(link, self.client.get(url).content.decode())

    def test_the_library_query_count_does_not_grow_from_5_to_50_publications(self):
        document = PdfDocumentFactory()
        types = ["annual_report", "financial_statement", "research", "policy", "training_guide"]

        def add(count, start):
            for n in range(start, start + count):
                PublicationPageFactory(
                    parent=self.library, document=document, year=2015 + n % 10, publication_type=types[n % 5]
                )

        add(5, 0)
        few = self.queries_for(self.library.url)
        add(45, 5)
        self.assertEqual(few, self.queries_for(self.library.url))
        self.assertEqual(self.queries_for(self.library.url + "?type=research&year=2017&page=2"), few)

    def test_the_library_filters_and_pages_without_javascript(self):
        document = PdfDocumentFactory()
        PublicationPageFactory(
            parent=self.library,
            document=document,
            title="Old research",
            year=2018,
            publication_type="research",
            document_language="km",
        )
        for n in range(13):
            PublicationPageFactory(parent=self.library, document=document, title=f"Report {n}", year=2024)
        html = self.client.get(self.library.url, {"type": "research"}).content.decode()
        self.assertIn("Old research", html)
        self.assertNotIn("Report 1<", html)
        self.assertIn('<option value="research" selected>', html)
        html = self.client.get(self.library.url, {"language": "km"}).content.decode()
        self.assertIn("Old research", html)
        self.assertNotIn("Report 1<", html)
        first = self.client.get(self.library.url).content.decode()
        self.assertIn('rel="next"', first)
        self.assertIn("Old research", self.client.get(self.library.url, {"page": "2"}).content.decode())
        for bad in ({"type": "nope"}, {"year": "'; drop"}, {"page": "999"}, {"page": "x"}, {"year": ["1", "2"]}):
            with self.subTest(bad=bad):
                response = self.client.get(self.library.url, bad)
                self.assertEqual(response.status_code, 200)

    def test_program_pages_list_their_publications_and_figures_cite_them(self):
        program = ProgramPageFactory(parent=self.strategy)
        report = PublicationPageFactory(parent=self.library, title="Court support report 2025")
        report.programs.set([program])
        report.save_revision().publish()
        program.impact_figures = [ImpactFigure(value=12, label="cases", year=this_year(), publication=report)]
        program.save_revision().publish()
        html = self.client.get(program.url).content.decode()
        self.assertIn("Reports on this program", html)
        self.assertIn(f'Source: <a href="{report.url}">Court support report 2025</a>', html)
        self.assertIn(f'href="{program.url}"', self.client.get(report.url).content.decode())

    def test_the_footer_links_the_latest_annual_report(self):
        self.assertNotIn("Latest annual report", self.client.get(self.home.url).content.decode())
        PublicationPageFactory(parent=self.library, title="Annual report 2023", year=2023)
        PublicationPageFactory(parent=self.library, title="Annual report 2025", year=2025)
        PublicationPageFactory(
            parent=self.library, title="Accounts 2026", year=2026, publication_type="financial_statement"
        )
        html = self.client.get(self.home.url).content.decode()
        footer = html[html.index("<footer") :]
        self.assertRegex(footer, r"Latest annual report: <a href=\"[^\"]+\">Annual report 2025</a>")

    def test_the_transparency_page_query_count_does_not_grow_with_statements(self):
        page = TransparencyPageFactory(parent=self.home)
        document = PdfDocumentFactory()

        def add(count):
            for _ in range(count):
                PublicationPageFactory(parent=self.library, document=document, publication_type="financial_statement")

        add(1)
        few = self.queries_for(page.url)
        add(9)
        self.assertEqual(few, self.queries_for(page.url))

    def test_transparency_lists_the_financial_statements_only(self):
        page = TransparencyPageFactory(parent=self.home)
        html = self.client.get(page.url).content.decode()
        self.assertIn("A local NGO since 2014.", html)
        self.assertIn("No financial statement has been published here yet.", html)
        self.assertNotIn('id="governance"', html)  # empty, so hidden
        PublicationPageFactory(
            parent=self.library, title="Audited accounts 2024", publication_type="financial_statement"
        )
        PublicationPageFactory(parent=self.library, title="Annual report 2024")
        html = self.client.get(page.url).content.decode()
        main = html[html.index("<main") : html.index("</main>")]
        self.assertIn("Audited accounts 2024", main)
        self.assertNotIn("Annual report 2024", main)


class ImpactFigureTests(ContentTestCase):
    def test_recent_figures_are_the_present_and_old_ones_history(self):
        program = ProgramPageFactory(parent=self.strategy)
        program.impact_figures = [
            ImpactFigure(value=40, label="children supported in court", year=this_year() - 1, source="Case records"),
            ImpactFigure(value=15, label="police officers trained", year=this_year() - 3, source="Report"),
        ]
        program.save_revision().publish()
        html = self.client.get(program.url).content.decode()
        impact = html[html.index('id="impact"') : html.index('id="earlier-figures"')]
        self.assertIn(f"in {this_year() - 1}", impact)
        self.assertNotIn("police officers trained", impact)
        self.assertIn(f"In {this_year() - 3}: 15 police officers trained", html)

    def test_old_figures_are_flagged_on_the_dashboard(self):
        program = ProgramPageFactory(parent=self.strategy, title="Court support")
        program.impact_figures = [ImpactFigure(value=15, label="officers trained", year=2019, source="Report")]
        program.save_revision().publish()
        self.login_as_superuser()
        html = self.client.get(reverse("wagtailadmin_home")).content.decode()
        self.assertIn("Impact figures to update", html)
        self.assertIn(reverse("wagtailadmin_pages:edit", args=(program.pk,)), html)

    def test_a_figure_says_where_it_comes_from_and_describes_a_begun_year(self):
        with self.assertRaisesMessage(ValidationError, "Say where the figure comes from"):
            ImpactFigure(value=1, label="x", year=2024).clean()
        with self.assertRaisesMessage(ValidationError, "in the future"):
            ImpactFigure(value=1, label="x", year=this_year() + 1, source="Report").clean()

    def test_the_editor_adds_a_figure_with_its_year_and_source(self):
        self.login_as_superuser()
        figure = {"value": "120", "unit": "", "label": "cases", "year": "2025", "publication": "", "source": ""}
        data = nested_form_data(
            {"title": "Court", "slug": "court", "summary": "S.", "impact_figures": inline_formset([figure])}
        )
        url = reverse("wagtailadmin_pages:add", args=("programs", "programpage", self.strategy.pk))
        self.assertContains(self.client.post(url, data), "Say where the figure comes from")


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


class SeededLibraryTests(TestCase):
    def test_a_report_in_english_only_is_listed_for_khmer_readers_marked_as_english(self):
        english_library = PublicationIndexPage.objects.get(locale__language_code="en")
        english_only = PublicationPageFactory(parent=english_library, title="Impact report 2025")
        translated = PublicationPageFactory(parent=english_library, title="Research 2024", year=2024)
        khmer = Locale.objects.get(language_code="km")
        khmer_version = translated.copy_for_translation(khmer)
        khmer_version.title = "ការស្រាវជ្រាវ ២០២៤"
        khmer_version.save_revision().publish()
        html = self.client.get(english_library.get_translation(khmer).url).content.decode()
        self.assertIn(f'<a href="{english_only.url}" lang="en">Impact report 2025</a>', html)
        self.assertIn("ការស្រាវជ្រាវ ២០២៤", html)
        self.assertNotIn(">Research 2024<", html)  # its Khmer version stands for it
        khmer_home = self.client.get("/km/").content.decode()
        self.assertIn("Impact report 2025", khmer_home[khmer_home.index("<footer") :])  # the latest annual report
