"""The image model every upload uses: alt text is required, and the file is stored without metadata."""

import os

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver

from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import UploadedFile

from .sandbox import EXTENSIONS, clean_image


class SiteImage(AbstractImage):
    """Every image uploaded in the admin. `description` is the alt text used wherever it is shown."""

    description = models.CharField(
        "alt text",
        max_length=255,
        help_text=(
            "Describe what the image shows for people who cannot see it, in one sentence "
            "(e.g. 'Two social workers talking with a family outside their home'). Never name a child."
        ),
    )

    admin_form_fields = Image.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"

    def save(self, *args, **kwargs):
        # A newly uploaded file is not yet committed to storage: clean it before it is ever written.
        # (The admin's form has cleaned and stored it already: aple_site/images/forms.py. This covers code.)
        if self.file and not getattr(self.file, "_committed", True):
            self.file.seek(0)
            cleaned, _ = clean_image(self.file.read())
            self.file = ContentFile(cleaned, name=os.path.basename(self.file.name))
            self._set_image_file_metadata()
        super().save(*args, **kwargs)


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


@receiver(pre_save, sender=UploadedFile)
def clean_pending_upload(sender, instance, **kwargs):
    """The admin's multiple upload keeps a file whose alt text is still to be written as an UploadedFile (in
    media/uploaded_files/) until the editor completes its form: clean it before it is written there too."""
    pending = instance.file and not getattr(instance.file, "_committed", True)
    if pending and instance.for_content_type_id == ContentType.objects.get_for_model(SiteImage).pk:
        instance.file.seek(0)
        cleaned, image_format = clean_image(instance.file.read())
        stem = os.path.splitext(os.path.basename(instance.file.name))[0] or "image"
        instance.file = ContentFile(cleaned, name=stem + EXTENSIONS[image_format])
