"""Metadata stripping: every uploaded image is re-encoded without EXIF, XMP or comments before it is stored.

A GPS tag or a camera serial number in a photo can reveal where a child lives."""

from io import BytesIO

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
