"""Documents uploaded in the admin: PDFs and office documents are stored without their hidden data."""

import io
import zipfile

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model

from aple_site.documents.forms import CLEANERS
from tests import document_files
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


class HiddenDataTests(SiteTestCase):
    """What exiftool finds in stored documents: nothing that names a person, a place or a camera — in the file,
    and in every picture inside it."""

    upload = PdfUploadTests.upload
    stored = PdfUploadTests.stored

    def assert_nothing_revealing(self, data, suffix, pictures):
        self.assertEqual(document_files.revealing(document_files.exif_of(data, suffix)), {})
        self.assertTrue(pictures)
        for picture in pictures:
            self.assertEqual(document_files.revealing(document_files.exif_of(picture, ".img")), {})

    def test_office_documents_are_stored_without_authors_and_their_photos_gps(self):
        self.login_as_superuser()
        for suffix, make in (
            (".docx", document_files.docx),
            (".xlsx", document_files.xlsx),
            (".odt", document_files.odt),
        ):
            with self.subTest(suffix):
                original = make()
                self.assertIn(document_files.AUTHOR, document_files.text_in_zip(original))
                before = document_files.pictures_in_zip(original)
                self.assertTrue(
                    all(document_files.revealing(document_files.exif_of(p, ".img")) for p in before.values())
                )
                self.assertEqual(self.upload(original, filename=f"report{suffix}").status_code, 302)
                stored = self.stored()
                self.assertNotIn(document_files.AUTHOR, document_files.text_in_zip(stored))  # properties, comments
                after = document_files.pictures_in_zip(stored)
                self.assertEqual(set(after), set(before))  # every picture is still there, without its metadata
                self.assert_nothing_revealing(stored, suffix, after.values())

    def test_an_opendocument_stays_an_opendocument(self):
        self.login_as_superuser()
        self.upload(document_files.odt(), filename="report.odt")
        with zipfile.ZipFile(io.BytesIO(self.stored())) as archive:
            first = archive.infolist()[0]
            self.assertEqual((first.filename, first.compress_type), ("mimetype", zipfile.ZIP_STORED))

    def test_a_document_inside_a_document_is_cleaned_too(self):
        self.login_as_superuser()
        nested = document_files.docx({"word/embeddings/Sheet1.xlsx": document_files.xlsx()})
        self.assertEqual(self.upload(nested, filename="report.docx").status_code, 302)
        with zipfile.ZipFile(io.BytesIO(self.stored())) as archive:
            sheet = archive.read("word/embeddings/Sheet1.xlsx")
        self.assertNotIn(document_files.AUTHOR, document_files.text_in_zip(sheet))
        self.assert_nothing_revealing(sheet, ".xlsx", document_files.pictures_in_zip(sheet).values())

    def test_what_cannot_be_cleaned_is_refused_with_a_clear_error(self):
        self.login_as_superuser()
        cases = {
            "an embedded object": document_files.docx({"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0"}),
            "a TIFF photo": document_files.docx({"word/media/image2.tiff": document_files.tiff_photo()}),
            "not a document": b"PK\x03\x04 broken",
        }
        for case, data in cases.items():
            with self.subTest(case):
                response = self.upload(data, filename="report.docx")
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "could not be stored without its hidden data")
        self.assertFalse(get_document_model().objects.exists())

    def test_a_pdf_loses_attachments_thumbnails_scripts_comment_authors_and_private_data(self):
        self.login_as_superuser()
        original = document_files.pdf_with_everything_hidden()
        self.assertEqual(len(document_files.pictures_in_pdf(original)), 4)  # photo, thumbnail, two attachments
        self.assertIn("JavaScript", document_files.everything_in_pdf(original))
        self.assertEqual(self.upload(original).status_code, 302)
        stored = self.stored()
        everything = document_files.everything_in_pdf(stored)
        for gone in (document_files.AUTHOR, "/JavaScript", "/JS", "/EmbeddedFiles", "/Thumb", "/PieceInfo"):
            self.assertNotIn(gone, everything)
        self.assertIn("Check the address", everything)  # the comment itself stays, without its author
        pictures = document_files.pictures_in_pdf(stored)
        self.assertEqual(len(pictures), 1)  # the page's photo
        self.assert_nothing_revealing(stored, ".pdf", pictures)

    def test_every_accepted_format_but_plain_text_is_cleaned(self):
        accepted = {f".{extension}" for extension in settings.WAGTAILDOCS_EXTENSIONS}
        self.assertEqual(accepted - set(CLEANERS), {".txt"})
