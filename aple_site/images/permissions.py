"""Moderators alone change or delete an image that a live page shows.

An editor's page changes wait for a moderator (the 'Moderators approval' workflow), but an image is not a page:
replacing its file, changing its alt text or deleting it would change published pages with no one approving.
The form refuses such changes (aple_site/images/forms.py); the delete views ask Wagtail's image permission
policy, which `guard_live_images()` extends."""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy


def can_change_live_images(user):
    """Moderators are the people who may publish pages (superusers included)."""
    return bool(user and user.is_active and PagePermissionPolicy().user_has_permission(user, "publish"))


def live_pages_showing(image):
    """The live pages that refer to the image (in a field or a StreamField block), in Wagtail's reference index."""
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(image).filter(base_content_type=page_type).values_list("object_id", flat=True)
    )
    return Page.objects.live().filter(pk__in=[int(pk) for pk in page_ids])


def used_on_live_pages(image):
    """Does any live page show the image?"""
    return image.pk is not None and live_pages_showing(image).exists()


class LiveImagePermissionPolicy(CollectionOwnershipPermissionPolicy):
    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" and not can_change_live_images(user) and used_on_live_pages(instance):
            return False
        return super().user_has_permission_for_instance(user, action, instance)


def guard_live_images():
    """Called from AppConfig.ready(). Wagtail's image views (single and bulk delete included) all hold the one
    policy object of wagtail.images.permissions, created at import; it has no setting to replace it, so its
    class is extended in place."""
    from wagtail.images import permissions

    if not isinstance(permissions.permission_policy, LiveImagePermissionPolicy):
        permissions.permission_policy.__class__ = LiveImagePermissionPolicy
