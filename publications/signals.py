"""Keeping PdfDetails in step with the documents they describe."""

import logging

from django.db.models.signals import post_delete, post_save

from wagtail.documents import get_document_model
from wagtail.search import index

from .models import PdfDetails, PublicationPage, pdf_details_for
from .pdf import UnreadablePdf

logger = logging.getLogger(__name__)


def reread_replaced_file(sender, instance, **kwargs):
    """A document whose file was replaced (Documents → edit → change file) is read again, so that its
    publications show the new file's cover, page count and text; an unreadable new file loses the old details
    rather than keep showing them."""
    details = PdfDetails.objects.filter(document=instance).first()
    if details is None or details.file_hash == instance.file_hash or not instance.file_hash:
        return
    try:
        pdf_details_for(instance)
    except UnreadablePdf:
        logger.warning("The new file of document %s could not be read as a PDF", instance.pk)
        details.delete()
    for page in PublicationPage.objects.filter(document=instance):
        index.insert_or_update_object(page)  # search finds the new file's words, not the old one's


def delete_cover(sender, instance, **kwargs):
    if instance.cover_id:
        instance.cover.delete()


def connect():
    post_save.connect(reread_replaced_file, sender=get_document_model(), dispatch_uid="publications-reread")
    post_delete.connect(delete_cover, sender=PdfDetails, dispatch_uid="publications-cover")
