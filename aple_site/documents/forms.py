"""The document form of the admin (add, edit, multiple upload, the chooser's upload): a PDF is stored without its
hidden data (pdf_metadata.py, in a bounded child process), and one that cannot be cleaned is a form error."""

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
    "may be damaged, protected by a password, or too large. Save it again as a standard PDF and upload it again."
)


def clean_pdf(data):
    """The PDF `data` without its hidden data, or None when it cannot be cleaned."""
    try:
        child = run_bounded(
            "aple_site.documents.pdf_metadata",
            data,
            memory_mb=settings.PDF_READING_MAX_MEMORY_MB,
            cpu_seconds=settings.PDF_READING_MAX_SECONDS,
        )
    except subprocess.TimeoutExpired:
        return None
    return child.stdout if child.returncode == 0 and child.stdout.startswith(b"%PDF") else None


class SiteDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or "file" not in self.changed_data or not upload.name.lower().endswith(".pdf"):
            return upload
        upload.seek(0)
        cleaned = clean_pdf(upload.read())
        if cleaned is None:
            raise ValidationError(PDF_REFUSED, code="pdf_not_cleaned")
        return SimpleUploadedFile(os.path.basename(upload.name), cleaned, content_type="application/pdf")
