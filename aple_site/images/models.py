"""The image model every upload uses: alt text is required, and the file is stored without metadata."""

import logging
import os
import secrets

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models.signals import pre_save
from django.dispatch import receiver

from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image, SourceImageIOError
from wagtail.models import UploadedFile

from .sandbox import EXTENSIONS, clean_image

logger = logging.getLogger(__name__)

# The longest side, in pixels, of any rendition of an image that shows (or may show) an identifiable child: such
# an image is never served at full size, so a copy taken from the site is too small to identify a child in print.
IDENTIFIABLE_MAX_SIDE = 800


def unguessable_name(filename):
    """A file name no one can guess, with the upload's extension: 128 random bits. A phone names photos
    IMG_0420.jpg (easy to guess, and a name like 'sokha-age-9.jpg' would name a child); every rendition's file
    name starts with its original's, so the admin's thumbnails of a photo no page shows are unguessable too."""
    extension = os.path.splitext(filename)[1].lower()[:5]
    return secrets.token_urlsafe(16) + extension


class ChildInImage(models.TextChoices):
    UNKNOWN = "unknown", "Not yet checked (treated as showing an identifiable child)"
    IDENTIFIABLE = "yes", "Shows a child who could be recognised"
    NO_IDENTIFIABLE_CHILD = "no", "Shows no child who could be recognised"


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

    shows_identifiable_child = models.CharField(
        "shows an identifiable child",
        max_length=7,
        choices=ChildInImage.choices,
        default=ChildInImage.UNKNOWN,
        help_text=(
            "Could anyone recognise a child in this image (a face, a name, a school uniform, a home)? Until someone "
            "checks, it counts as yes. An image that may show an identifiable child can be used only in a case "
            "story whose consent covers it, never as a news image, a card or a share image, and it is never shown "
            f"larger than {IDENTIFIABLE_MAX_SIDE} pixels."
        ),
    )

    admin_form_fields = (*Image.admin_form_fields, "shows_identifiable_child")

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"

    @property
    def may_identify_a_child(self):
        """Unknown counts as yes: only an image someone checked is free of the rule."""
        return self.shows_identifiable_child != ChildInImage.NO_IDENTIFIABLE_CHILD

    def capped(self, filter):
        """The filter as it is applied to this image: limited to IDENTIFIABLE_MAX_SIDE for an image that may show
        an identifiable child (whatever a template asks for, 'original' included)."""
        spec = filter.spec if isinstance(filter, Filter) else filter
        if not self.may_identify_a_child:
            return Filter(spec=spec)
        return Filter(spec=f"{spec}|max-{IDENTIFIABLE_MAX_SIDE}x{IDENTIFIABLE_MAX_SIDE}")

    def get_rendition(self, filter):
        try:
            return super().get_rendition(self.capped(filter))
        except OSError as error:
            raise self.unavailable(error) from error

    def get_renditions(self, *filters):
        # Keyed by the specs asked for, as Wagtail's template tags look them up.
        asked = [filter.spec if isinstance(filter, Filter) else filter for filter in filters]
        capped = [self.capped(spec) for spec in asked]
        try:
            found = super().get_renditions(*capped)
        except OSError as error:
            raise self.unavailable(error) from error
        return {spec: found[applied.spec] for spec, applied in zip(asked, capped, strict=True)}

    def unavailable(self, error):
        """A rendition that cannot be written (a full disk, an unreachable object store) as the error Wagtail's
        template tags turn into an image that is not shown (static/css: `not-found`): the page is served without
        it, not as a 500. Logged, with the image's id only."""
        if isinstance(error, SourceImageIOError):
            return error
        logger.error("Image %s: a rendition could not be stored (%s)", self.pk, error)
        return SourceImageIOError(str(error))

    def get_upload_to(self, filename):
        return super().get_upload_to(unguessable_name(filename))

    def move_to_a_new_address(self):
        """Store the original under a new unguessable name: renditions made from now on get new addresses, so
        an address kept from before a withdrawal never shows the image again. The old file goes once the change
        is committed."""
        storage, old_name = self.file.storage, self.file.name
        with storage.open(old_name) as original:
            new_name = storage.save(self.get_upload_to(old_name), ContentFile(original.read()))
        type(self).objects.filter(pk=self.pk).update(file=new_name)
        self.file.name = new_name
        transaction.on_commit(lambda: storage.delete(old_name))

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
        instance.file = ContentFile(cleaned, name=unguessable_name("upload" + EXTENSIONS[image_format]))
