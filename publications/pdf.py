"""What the site knows about a publication's PDF (page count, cover, text), read once per file.

PDFs are parsed by PDFium (pypdfium2) in a child process with bounded memory and CPU time, like image
uploads (aple_site/ops/child_process.py): a damaged or hostile file costs a form error, never a worker."""

import base64
import binascii
import json
import subprocess

from django.conf import settings
from django.core.files.base import ContentFile

from wagtail.images import get_image_model
from wagtail.models import Collection

from aple_site.ops.child_process import run_bounded

COVERS_COLLECTION = "Publication covers"


class UnreadablePdf(Exception):
    """The file is not a PDF that can be opened (damaged, protected by a password, or too large)."""


def read_pdf(data):
    """{"pages", "text", "cover" (PNG bytes)} for the PDF `data`, or UnreadablePdf."""
    if len(data) > settings.PUBLICATION_MAX_PDF_MB * 1024 * 1024:
        raise UnreadablePdf("too large")
    try:
        child = run_bounded(
            "publications.pdf_child",
            data,
            memory_mb=settings.PDF_READING_MAX_MEMORY_MB,
            cpu_seconds=settings.PDF_READING_MAX_SECONDS,
        )
    except subprocess.TimeoutExpired as exc:
        raise UnreadablePdf("took too long") from exc
    if child.returncode != 0:
        raise UnreadablePdf(child.stderr.decode(errors="replace").strip()[-200:] or "killed")
    try:
        facts = json.loads(child.stdout)
        facts["cover"] = base64.b64decode(facts["cover"])
    except (ValueError, KeyError, binascii.Error) as exc:
        raise UnreadablePdf("no answer") from exc
    return facts


def cover_image(png, title):
    """The first page as an image in the 'Publication covers' collection (stored without metadata, like every
    image: aple_site/images/models.py)."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=COVERS_COLLECTION).first() or root.add_child(name=COVERS_COLLECTION)
    image = get_image_model()(
        title=f"Cover: {title}"[:255],
        description=f"The cover of “{title}”"[:255],
        collection=collection,
        file=ContentFile(png, name="publication-cover.png"),
    )
    image.save()
    return image
