"""The image form of the admin (add, edit and multiple upload): the file is cleaned and stored while the form is
validated, so that anything that goes wrong (a refused image, a full disk) is a message on the form, never an
error page, and nothing that failed is left in storage.

Moderators alone may change an image that appears on a live page: replacing it (or its alt text) changes a
published page without anyone approving it."""

import os

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from PIL import Image as PILImage

from .metadata import RefusedImage, pixel_count
from .models import ChildInImage
from .permissions import can_change_live_images, used_on_live_pages
from .sandbox import EXTENSIONS, clean_image

REFUSALS = {
    "unsupported": _(
        "This file is not a JPEG, PNG, GIF or WebP image. Save it in one of these formats and try again."
    ),
    "too_many_pixels": _(
        "This image has too many pixels (an animation's frames count together). Make it smaller, or use fewer frames, and try again."
    ),
    "too_large": _("This image is too large to process. Make it smaller and try again."),
    "corrupt": _(
        "This file is damaged or incomplete, so it cannot be used. Export the image again and upload the new file."
    ),
    "metadata_left": _("This image's hidden data (such as a location) could not be removed, so it was not stored."),
}
STORAGE_FAILED = _(
    "The image could not be stored: the server may be out of space. Try again later, and tell the site's administrator."
)
LIVE_IMAGE_LOCKED = _(
    "This image appears on a published page, so only a moderator can change it. Ask a moderator, "
    "or upload a new image and use it in a draft of the page."
)


class SiteImageField(WagtailImageField):
    """Wagtail's upload field, made safe with files that are damaged or lie about their size: every error is a
    form error, and an animation's frames count towards the pixel limit."""

    def to_python(self, data):
        try:
            return super().to_python(data)
        except ValidationError:
            raise
        except Exception as exc:  # noqa: BLE001 - Willow decodes some files fully here; broken ones fail in many ways
            raise ValidationError(REFUSALS["corrupt"], code="invalid_image") from exc

    def check_image_pixel_size(self, f):
        # Wagtail asks Willow, which counts one frame per file; Pillow reads every frame's header.
        f.seek(0)
        with PILImage.open(f) as image:
            pixels = pixel_count(image)
        f.seek(0)
        if self.max_image_pixels is not None and pixels > self.max_image_pixels:
            raise ValidationError(REFUSALS["too_many_pixels"], code="file_too_many_pixels")


class SiteImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = kwargs.get("user")
        if "shows_identifiable_child" in self.fields:
            # A form posted without it (a script, an old page) records "not yet checked", which counts as yes.
            self.fields["shows_identifiable_child"].required = False
        if "file" in self.fields:  # built per form, so that it reads the upload limits as they are now
            wagtail_field = self.fields["file"]
            self.fields["file"] = SiteImageField(
                label=wagtail_field.label, required=wagtail_field.required, widget=wagtail_field.widget
            )

    def clean_shows_identifiable_child(self):
        return self.cleaned_data.get("shows_identifiable_child") or ChildInImage.UNKNOWN

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or "file" not in self.changed_data:
            return upload
        upload.seek(0)
        try:
            data, image_format = clean_image(upload.read())
        except RefusedImage as refused:
            raise ValidationError(REFUSALS.get(refused.code, REFUSALS["corrupt"]), code=refused.code) from None
        stem = os.path.splitext(os.path.basename(upload.name))[0] or "image"
        return ContentFile(data, name=stem + EXTENSIONS[image_format])

    def clean(self):
        cleaned_data = super().clean()
        changes_an_image = self.instance.pk and self.has_changed()
        if changes_an_image and not can_change_live_images(self.user) and used_on_live_pages(self.instance):
            raise ValidationError(LIVE_IMAGE_LOCKED, code="live_image")
        upload = cleaned_data.get("file")
        if isinstance(upload, ContentFile) and not self.errors:
            cleaned_data["file"] = self._store(upload)
        return cleaned_data

    def _store(self, upload):
        """Write the clean file now: a failure becomes a form error instead of an error page on save."""
        field = self.instance._meta.get_field("file")
        try:
            return field.storage.save(
                field.generate_filename(self.instance, upload.name), upload, max_length=field.max_length
            )
        except OSError:
            raise ValidationError({"file": STORAGE_FAILED}, code="storage") from None
