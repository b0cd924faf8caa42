"""Metadata stripping: every uploaded image is re-encoded from its pixels alone before it is stored.

A GPS tag, a camera serial number or a comment in a photo can reveal where a child lives. Copying pixels into
new images and saving those with explicit options (never the original's `info`) leaves nothing behind: no EXIF,
XMP, IPTC, comments, or PNG text chunks, whatever Pillow calls the file (a phone's multi-picture JPEG is "MPO").
Animation frames and their timing are kept. A colour profile is applied, then dropped: the pixels are converted
to sRGB (what browsers assume) and the file carries no profile, since a profile is a free-form blob whose text
(its description, copyright, any private tag) would otherwise be copied byte for byte into every rendition.

This module imports nothing from Django: aple_site/images/sandbox.py runs it in a child process with bounded
time and memory (`python -m aple_site.images.metadata MAX_PIXELS < upload > clean`)."""

import sys
from io import BytesIO

from PIL import Image as PILImage
from PIL import ImageCms, ImageOps, ImageSequence

# What each accepted format is stored as. MPO (a JPEG followed by more pictures: a depth map, a preview) keeps
# its first picture, as a plain JPEG.
STORED_AS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "GIF": "GIF", "WEBP": "WEBP"}
# Fast, lossless-enough settings: PNG's `optimize` would spend tens of seconds on a large image.
SAVE_OPTIONS = {"JPEG": {"quality": 90}, "PNG": {"compress_level": 6}, "GIF": {}, "WEBP": {"quality": 90}}
# The only keys a clean file may carry: they describe pixels and timing, not people or places.
HARMLESS_INFO = {"transparency", "duration", "loop", "background", "disposal", "blend", "version"}
HARMLESS_INFO |= {"dpi", "jfif", "jfif_version", "jfif_unit", "jfif_density", "progressive", "progression"}
HARMLESS_INFO |= {"gamma", "aspect", "interlace", "bbox", "default_image", "extension", "background_color"}
HARMLESS_INFO |= {"timestamp", "srgb", "chromaticity", "adobe", "adobe_transform", "mp", "mpoffset"}
# Keys that identify (the rest of `info` is checked against HARMLESS_INFO too, after cleaning).
REVEALING_INFO = ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc", "icc_comment", "icc_profile")


class RefusedImage(ValueError):
    """The upload cannot be stored; `code` says why (see aple_site/images/forms.py for the editors' messages)."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def pixel_count(image):
    """Every pixel the file holds: an animation's frames count one by one."""
    frames = 1 if image.format == "MPO" else getattr(image, "n_frames", 1)
    return image.width * image.height * frames


def _clean_copy(frame, mode=None):
    """The frame's pixels in a new image whose info holds nothing but how to show them."""
    image = frame.convert(mode) if mode and frame.mode != mode else frame.copy()
    image.info = {k: v for k, v in frame.info.items() if k in ("transparency", "duration")}
    if mode and mode != frame.mode:
        image.info.pop("transparency", None)
    return image


def without_metadata(data, max_pixels):
    """The image `data` (bytes) re-encoded from its pixels: (bytes, stored format). Turned the right way up first,
    since the orientation tag goes with the rest of EXIF. Raises RefusedImage."""
    PILImage.MAX_IMAGE_PIXELS = max_pixels  # Pillow's own bomb check then refuses before decoding
    try:
        with PILImage.open(BytesIO(data)) as original:
            image_format = STORED_AS.get(original.format)
            if image_format is None:
                raise RefusedImage("unsupported")
            if pixel_count(original) > max_pixels:
                raise RefusedImage("too_many_pixels")
            output = _encode(original, image_format)
    except RefusedImage:
        raise
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as exc:
        raise RefusedImage("too_many_pixels") from exc
    except MemoryError as exc:
        raise RefusedImage("too_large") from exc
    except Exception as exc:  # noqa: BLE001 - truncated, corrupt or hostile files fail here in many ways
        raise RefusedImage("corrupt") from exc
    _check_clean(output)
    return output, image_format


def in_srgb(image, icc_profile):
    """`image` converted from the colour profile `icc_profile` to sRGB (RGB or RGBA), in a new image; the image
    unchanged when the profile cannot be read (its pixels are then shown as sRGB, as browsers would anyway)."""
    try:
        source = ImageCms.ImageCmsProfile(BytesIO(icc_profile))
    except (OSError, ImageCms.PyCMSError):
        return image
    mode = "RGBA" if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info else "RGB"
    if image.mode not in ("RGB", "RGBA", "CMYK", "L"):
        image = image.convert(mode)
    mode = "RGB" if image.mode in ("CMYK", "L") else mode
    try:
        if image.mode == mode:  # a phone's photo (Display P3): converted where it is, no second copy
            ImageCms.profileToProfile(image, source, SRGB, outputMode=mode, inPlace=True)
            return image
        return ImageCms.profileToProfile(image, source, SRGB, outputMode=mode)
    except (OSError, ImageCms.PyCMSError, ValueError):
        return image


SRGB = ImageCms.createProfile("sRGB")


def _encode(original, image_format):
    options = dict(SAVE_OPTIONS[image_format])
    icc_profile = original.info.get("icc_profile")
    animated = image_format != "JPEG" and getattr(original, "n_frames", 1) > 1
    output = BytesIO()
    if animated:
        frames = [
            _clean_copy(frame, "RGBA" if image_format != "GIF" else None) for frame in ImageSequence.Iterator(original)
        ]
        durations = [frame.info.get("duration", 100) for frame in frames]
        loop = original.info.get("loop", 0)
        if image_format == "PNG":
            options.update(disposal=0, blend=0)  # every frame is whole: Pillow composites them when reading
        frames[0].save(
            output,
            format=image_format,
            save_all=True,
            append_images=frames[1:],
            duration=durations,
            loop=loop,
            **options,
        )
    else:
        # In place, and no further copy: a 40-megapixel photo is 120 MB of pixels, held once.
        kept = {k: v for k, v in original.info.items() if k == "transparency"}
        original.load()
        ImageOps.exif_transpose(original, in_place=True)
        image = original
        if icc_profile:
            image = in_srgb(image, icc_profile)
            if image.mode in ("RGB", "RGBA") and original.mode not in ("RGB", "RGBA"):
                kept.pop("transparency", None)  # (now in an alpha channel, when there was any)
        if image_format == "JPEG" and image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
            kept.pop("transparency", None)
        image.info = kept
        image.save(output, format=image_format, **options)
    return output.getvalue()


def _check_clean(data):
    """Belt and braces: read the result back and refuse it if any frame still carries something revealing."""
    with PILImage.open(BytesIO(data)) as result:
        for frame in ImageSequence.Iterator(result):
            frame.load()
            if any(key in frame.info for key in REVEALING_INFO) or set(frame.info) - HARMLESS_INFO:
                raise RefusedImage("metadata_left")
            if frame.getexif():
                raise RefusedImage("metadata_left")
            if getattr(frame, "text", None):
                raise RefusedImage("metadata_left")


def main():
    """Child-process entry point: upload on stdin, clean file on stdout; a refusal's code on stderr, exit 3."""
    max_pixels = int(sys.argv[1])
    try:
        output, image_format = without_metadata(sys.stdin.buffer.read(), max_pixels)
    except RefusedImage as refused:
        sys.stderr.write(refused.code)
        sys.exit(3)
    sys.stderr.write(image_format)
    sys.stdout.buffer.write(output)


if __name__ == "__main__":
    main()
