"""Documents uploaded in the admin: PDFs are stored without their hidden data."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model

from tests.base import SiteTestCase
from tests.pdf_files import HIDDEN, hidden_data_in, make_pdf, make_pdf_with_hidden_data


class PdfUploadTests(SiteTestCase):
    def upload(self, data, filename="report.pdf"):
        return self.client.post(
            reverse("wagtaildocs:add"), {"title": "A report", "file": SimpleUploadedFile(filename, data)}
        )

    def stored(self):
        document = get_document_model().objects.latest("pk")
        with document.open_file() as file:
            return file.read()

    def test_a_pdf_is_stored_without_its_author_xmp_and_its_photos_exif(self):
        self.login_as_superuser()
        original = make_pdf_with_hidden_data()
        self.assertEqual(hidden_data_in(original), list(HIDDEN))  # the test file does carry them
        self.assertEqual(self.upload(original).status_code, 302)
        stored = self.stored()
        self.assertEqual(hidden_data_in(stored), [])
        self.assertNotIn(b"SecretCam", stored)

    def test_a_pdf_that_cannot_be_cleaned_is_a_form_error_and_nothing_is_stored(self):
        self.login_as_superuser()
        response = self.upload(b"%PDF-1.4 this is not really a PDF")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "could not be stored without its hidden data")
        self.assertFalse(get_document_model().objects.exists())

    def test_a_clean_pdf_keeps_its_pages_and_text(self):
        self.login_as_superuser()
        self.upload(make_pdf(["First page", "Second page"]))
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(self.stored())
        self.assertEqual(len(pdf), 2)
        self.assertIn("Second page", pdf[1].get_textpage().get_text_bounded())

    def test_other_documents_are_stored_as_they_are(self):
        self.login_as_superuser()
        self.upload(b"Opening hours: 8 to 5.", filename="hours.txt")
        self.assertEqual(self.stored(), b"Opening hours: 8 to 5.")
