"""A page taken down takes down the copies of the children's images it showed.

An image that may show an identifiable child is shown through renditions (aple_site/images/models.py caps their
size). When the page that showed it is unpublished (by an editor, or when a story's consent expires) or deleted,
and no other live page shows the image, its renditions are deleted with their files: an address someone kept, or a
search engine's copy of it, then finds nothing; and the original moves to a new unguessable name
(SiteImage.move_to_a_new_address), so renditions made later, the admin's thumbnails included, never come back
at an address known from before.
Images recorded as showing no identifiable child are left alone."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import pre_delete

from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_unpublished

from .models import ChildInImage, SiteImage
from .permissions import live_pages_showing


def withdraw_child_images(page, leaving=False):
    """Delete the renditions of the images `page` refers to that may identify a child and that no other live page
    shows. `leaving`: the page is being deleted, so it does not count although it is still live."""
    image_type = ContentType.objects.get_for_model(SiteImage)
    image_ids = (
        ReferenceIndex.get_references_for_object(page)
        .filter(to_content_type=image_type)
        .values_list("to_object_id", flat=True)
    )
    images = SiteImage.objects.filter(pk__in=[int(pk) for pk in image_ids]).exclude(
        shows_identifiable_child=ChildInImage.NO_IDENTIFIABLE_CHILD
    )
    for image in images:
        shown_on = live_pages_showing(image)
        if leaving:
            shown_on = shown_on.exclude(pk=page.pk)
        if not shown_on.exists():
            for rendition in image.renditions.all():
                rendition.delete()  # Wagtail deletes the file with it
            image.move_to_a_new_address()


def on_unpublish(sender, instance, **kwargs):
    withdraw_child_images(instance)


def on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        withdraw_child_images(instance, leaving=True)


def connect_signals():
    page_unpublished.connect(on_unpublish, dispatch_uid="withdraw-child-images-unpublished")
    pre_delete.connect(on_delete, dispatch_uid="withdraw-child-images-deleted")
