"""The site's image model: Wagtail's own, with alt text (the description) required, and every uploaded
photo re-encoded without its metadata.

Photos on a child-protection site must be described for people who cannot see them, and must never
carry EXIF: a GPS tag or a camera serial number in a photo can reveal where a child lives."""

import os
from io import BytesIO

from django.core.files.base import ContentFile
from django.db import models

from wagtail.images.models import AbstractImage, AbstractRendition, Image

from PIL import Image as PILImage
from PIL import ImageOps

# Formats re-encoded without metadata. Uploads are limited to these (WAGTAILIMAGES_EXTENSIONS), so no
# original keeps its EXIF, XMP or text chunks. GIFs carry no EXIF and may be animated: stored as they are.
REENCODE = {"JPEG": {"quality": 90, "optimize": True}, "PNG": {"optimize": True}, "WEBP": {"quality": 90}}
METADATA_KEYS = ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "dpi", "adobe", "adobe_transform")


def without_metadata(fileobj):
    """The image's bytes re-encoded with no EXIF/XMP/comments (colour profile kept), turned the right way
    up first since the orientation tag goes too. None for formats that are stored as they are."""
    fileobj.seek(0)
    with PILImage.open(fileobj) as original:
        image_format = original.format
        if image_format not in REENCODE:
            return None
        image = ImageOps.exif_transpose(original)
        icc_profile = original.info.get("icc_profile")
        for key in METADATA_KEYS:
            image.info.pop(key, None)
        if image_format == "JPEG" and image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
        options = dict(REENCODE[image_format])
        if icc_profile:
            options["icc_profile"] = icc_profile
        output = BytesIO()
        image.save(output, format=image_format, **options)
    return output.getvalue()


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
