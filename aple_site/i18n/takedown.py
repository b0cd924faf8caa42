"""A take-down reaches every translation.

A case story taken down in English must not stay live in Khmer (its page, the Khmer listing, search and the
sitemap) with the child's photo. So, whichever language an editor acts in:

- unpublishing a page (in the admin, in bulk, by its expiry or a story's consent ending: every path sends
  Wagtail's `page_unpublished`) unpublishes its translations;
- deleting a page unpublishes its translations first (the admin's delete view then deletes those under a
  translation of the same parent, as the confirmation lists them);
- making a page private (or public again) gives its translations the same privacy.

The admin's unpublish and delete confirmations list the translations that go with the page
(`translations_to_take_down`, registered in aple_site/wagtail_hooks.py for Wagtail's
`construct_translated_pages_to_cascade_actions`)."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_unpublished


def translations_to_take_down(pages, action):
    """For Wagtail's unpublish, delete and move confirmations: the other-language copies of each page."""
    if action not in ("unpublish", "delete"):
        return None
    return {page: list(Page.objects.translation_of(page, inclusive=False)) for page in pages}


def unpublish_translations(page, set_expired=False):
    """Each live translation of `page` unpublished (each one's own `page_unpublished` then finds this page, and
    every other copy, no longer live: the cascade ends there). Plain `Page` objects: saving only the page's own
    row, never its specific relations, which inside a deletion would write rows back that it then deletes."""
    for translation in Page.objects.translation_of(page, inclusive=False).live():
        translation.unpublish(set_expired=set_expired, log_action="wagtail.unpublish")


def _on_unpublish(sender, instance, **kwargs):
    unpublish_translations(instance, set_expired=getattr(instance, "expired", False))


def _on_delete(sender, instance, **kwargs):
    # (pre_delete comes once for Page and once for its specific class: the second finds nothing left live.)
    if isinstance(instance, Page):
        unpublish_translations(instance)


def _restriction_signature(restriction):
    return (restriction.restriction_type, restriction.password, frozenset(g.pk for g in restriction.groups.all()))


def copy_privacy_to_translations(page):
    """The translations of `page` get exactly its own privacy rules (none, a password, login, or groups). Runs
    once the admin's privacy form has committed (its groups are saved after the rule itself)."""
    rules = list(PageViewRestriction.objects.filter(page=page).prefetch_related("groups"))
    wanted = sorted((_restriction_signature(rule) for rule in rules), key=repr)
    for translation in Page.objects.translation_of(page, inclusive=False):
        theirs = list(PageViewRestriction.objects.filter(page=translation).prefetch_related("groups"))
        if sorted((_restriction_signature(rule) for rule in theirs), key=repr) == wanted:
            continue  # already the same: also what ends the echo from the translation's own signals
        PageViewRestriction.objects.filter(page=translation).delete()
        for rule in rules:
            copy = PageViewRestriction.objects.create(
                page=translation, restriction_type=rule.restriction_type, password=rule.password
            )
            copy.groups.set(rule.groups.all())


def _on_privacy_change(sender, instance, **kwargs):
    page_id = instance.page_id
    transaction.on_commit(lambda: _copy_privacy_of(page_id))


def _copy_privacy_of(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        copy_privacy_to_translations(page)


def _on_privacy_groups_change(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, PageViewRestriction):
        _on_privacy_change(sender, instance)


def connect_signals():
    """Called from AppConfig.ready(), before the image withdrawal's handlers: a story's Khmer copy must be down
    before the withdrawal asks whether any live page still shows the child's photo."""
    page_unpublished.connect(_on_unpublish, dispatch_uid="takedown-translations-unpublished")
    pre_delete.connect(_on_delete, dispatch_uid="takedown-translations-deleted")
    post_save.connect(_on_privacy_change, sender=PageViewRestriction, dispatch_uid="takedown-privacy-saved")
    post_delete.connect(_on_privacy_change, sender=PageViewRestriction, dispatch_uid="takedown-privacy-deleted")
    m2m_changed.connect(
        _on_privacy_groups_change, sender=PageViewRestriction.groups.through, dispatch_uid="takedown-privacy-groups"
    )
