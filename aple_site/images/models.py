"""The image model every upload uses: alt text is required, and the file is stored without metadata."""

import os

from django.core.files.base import ContentFile
from django.db import models

from wagtail.images.models import AbstractImage, AbstractRendition, Image

from .metadata import without_metadata


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
        if self.file and not getattr(self.file, "_committed", True):
            cleaned = without_metadata(self.file)
            if cleaned is not None:
                self.file = ContentFile(cleaned, name=os.path.basename(self.file.name))
                self._set_image_file_metadata()
        super().save(*args, **kwargs)


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
