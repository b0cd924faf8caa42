"""The reports behind the figures: the library, each PDF's cover, pages and text, and the Transparency page."""

from unittest import mock

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from aple_site.models import HomePage, SiteImage
from giving.factories import WaysToGivePageFactory
from giving.models import WaysToGivePage
from programs.factories import ProgramPageFactory
from programs.models import ImpactFigure, this_year
from publications.factories import (
    PdfDocumentFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    TransparencyPageFactory,
)
from publications.models import PublicationIndexPage, PublicationPage, TransparencyPage
from tests.content_base import ContentTestCase
from tests.pdf_files import make_pdf


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

    def test_two_requests_reading_a_new_pdf_at_once_both_succeed(self):
        """The editor's autosave and their "Submit" validate the same new document at the same moment: the one
        that saves its details second uses the first one's (it was a 500 and a lost submission)."""
        from publications import models

        self.login_as_superuser()
        document = self.upload_document(make_pdf(["A report", "Its second page"]))
        read_pdf = models.read_pdf

        def read_while_another_request_saves(data):
            facts = read_pdf(data)
            with mock.patch.object(models, "read_pdf", read_pdf):
                models.pdf_details_for(document)  # the other request, done first
            return facts

        images = SiteImage.objects.count()
        with mock.patch.object(models, "read_pdf", read_while_another_request_saves):
            details = models.pdf_details_for(document)

        self.assertEqual(details, models.PdfDetails.objects.get(document=document))
        self.assertEqual(details.page_count, 2)
        self.assertEqual(SiteImage.objects.count(), images + 1)  # one cover: the second request's went

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
