"""The document form of the admin (add, edit, multiple upload, the chooser's upload): a PDF or an office document
is stored without its hidden data (pdf_metadata.py, office_metadata.py, each in a bounded child process), and one
that cannot be cleaned is a form error. Plain text has no hidden data."""

import os
import subprocess

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm

from ..ops.child_process import run_bounded

PDF_REFUSED = _(
    "This PDF could not be stored without its hidden data (author, location and camera details of its photos): it "
    "may be damaged, protected by a password, or too large, or hold a picture in a format that cannot be cleaned "
    "(JPEG 2000). Save it again as a standard PDF (File → Save as PDF, or Print → Save as PDF) and upload it again."
)
OFFICE_REFUSED = _(
    "This document could not be stored without its hidden data (author, location and camera details of its "
    "photos): it may be damaged, protected by a password or too large, or hold an embedded object or a picture "
    "in a format that cannot be cleaned (TIFF, HEIC). Replace such pictures with JPEG or PNG, or save the "
    "document as a PDF, and upload it again."
)

# What each extension is cleaned by: (child module, what a clean result starts with, refusal, content type).
CLEANERS = {
    ".pdf": ("aple_site.documents.pdf_metadata", b"%PDF", PDF_REFUSED, "application/pdf"),
    ".docx": (
        "aple_site.documents.office_metadata",
        b"PK",
        OFFICE_REFUSED,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ".xlsx": (
        "aple_site.documents.office_metadata",
        b"PK",
        OFFICE_REFUSED,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    ".odt": ("aple_site.documents.office_metadata", b"PK", OFFICE_REFUSED, "application/vnd.oasis.opendocument.text"),
    ".ods": (
        "aple_site.documents.office_metadata",
        b"PK",
        OFFICE_REFUSED,
        "application/vnd.oasis.opendocument.spreadsheet",
    ),
}


def clean_document(data, extension):
    """The document `data` without its hidden data, or None when it cannot be cleaned. `extension` ('.pdf', ...)
    must be one of CLEANERS."""
    module, magic, _refusal, _type = CLEANERS[extension]
    args = [] if extension == ".pdf" else [str(settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS)]
    try:
        child = run_bounded(
            module,
            data,
            memory_mb=settings.PDF_READING_MAX_MEMORY_MB,
            cpu_seconds=settings.PDF_READING_MAX_SECONDS,
            args=args,
        )
    except subprocess.TimeoutExpired:
        return None
    return child.stdout if child.returncode == 0 and child.stdout.startswith(magic) else None


class SiteDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or "file" not in self.changed_data:
            return upload
        extension = os.path.splitext(upload.name.lower())[1]
        if extension not in CLEANERS:
            return upload  # plain text (settings.WAGTAILDOCS_EXTENSIONS lists what may be uploaded at all)
        upload.seek(0)
        cleaned = clean_document(upload.read(), extension)
        if cleaned is None:
            raise ValidationError(CLEANERS[extension][2], code="document_not_cleaned")
        return SimpleUploadedFile(os.path.basename(upload.name), cleaned, content_type=CLEANERS[extension][3])
