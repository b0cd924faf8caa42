"""What the site caches across requests, and how one change invalidates all of it.

Every cache key carries the *content version*: a counter in the cache that any published, unpublished, moved
or deleted page, any change to who may see a page (its privacy), image, setting or snippet bumps, and that
`restore_site` bumps after it replaces the database. Old entries are then never read again and expire on their
own, so invalidation is one atomic increment (shared by every app server when the cache is Redis).
Editors' drafts bump it too: cheap, and it keeps the rule simple."""

import time
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "aple:content-version"


# During a request, the version read first: one cache round trip per request instead of one per cached part, and
# every part of one page built from the same version. Reset when each request starts (connect_signals).
_request_version = ContextVar("aple_request_content_version", default=None)


def content_version():
    seen = _request_version.get()
    if seen is not None and "version" in seen:
        return seen["version"]
    version = cache.get(VERSION_KEY)
    if version is None:
        # Start from the clock, so that a flushed cache never brings back a version used before.
        cache.add(VERSION_KEY, int(time.time() * 1000), timeout=None)
        version = cache.get(VERSION_KEY)
    if seen is not None and version is not None:
        seen["version"] = version
    return version


def _remember_version_per_request(**kwargs):
    _request_version.set({})


def _forget_version(**kwargs):
    _request_version.set(None)


def bump_content_version(**kwargs):
    if (seen := _request_version.get()) is not None:
        seen.pop("version", None)  # this request's own change: what it builds next is the new content
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not in the cache (expired or flushed): start a new series
        content_version()


_MISSING = object()


def cached(name, build, timeout=None):
    """build(), cached under `name` until the content changes."""
    key = versioned_key(name)
    value = cache.get(key, _MISSING)
    if value is _MISSING:  # (None is an answer too: "there is no current strategy" is cached like any other)
        value = build()
        cache.set(key, value, settings.CACHE_SECONDS if timeout is None else timeout)
    return value


def versioned_key(name):
    """The cache key of `name` in the current content version and day, for code that reads, builds and stores in
    steps of its own (cached() does all three). Read the key once, before building: what was built from the
    content before a change is then stored under the old version, never as the changed content.

    The day is part of every key because some content changes with the date alone, no one editing anything: a
    case story is gone from the first minute of the day its consent expires (before the hourly publish_scheduled
    unpublishes it), a strategy's period ends with its last year. Every entry is built afresh once a day."""
    return f"aple:{content_version()}:{timezone.localdate().isoformat()}:{name}"


def cached_setting(model, request):
    """A site setting (a BaseSiteSetting model) of the request's site, cached until content changes (settings are
    content): a page reads it without a query."""
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return model()
    return cached(f"setting:{model._meta.label_lower}:{site.pk}", lambda: model.for_site(site))


def _is_content(sender):
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.settings.models import BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import BaseViewRestriction, Locale, Page, Site

    from cookie_consent.models import Cookie, CookieGroup

    content = (
        Page,
        BaseViewRestriction,
        AbstractImage,
        AbstractDocument,  # a deleted or replaced PDF must not stay linked from a cached page
        BaseSiteSetting,
        Site,
        Locale,
        Redirect,
        Cookie,
        CookieGroup,
    )
    return issubclass(sender, content)


def _model_changed(sender, **kwargs):
    if _is_content(sender) or sender._meta.label in {
        "aple_site.CookieDuration",
        "aple_site.CookieGroupText",
        "aple_site.SearchSynonym",
        "wagtailsearchpromotions.SearchPromotion",
    }:
        bump_content_version()


def _groups_changed(sender, instance, action, **kwargs):
    """A privacy rule's groups (who may see a page) are a many-to-many relation: no post_save for them."""
    from wagtail.models import BaseViewRestriction

    model = kwargs.get("model")
    restriction_changed = isinstance(instance, BaseViewRestriction) or (
        isinstance(model, type) and issubclass(model, BaseViewRestriction)
    )
    if action.startswith("post_") and restriction_changed:
        bump_content_version()


def connect_signals():
    """Called from AppConfig.ready()."""
    request_started.connect(_remember_version_per_request, dispatch_uid="aple-content-version-request")
    request_finished.connect(_forget_version, dispatch_uid="aple-content-version-request-end")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_content_version, dispatch_uid=f"aple-content-version-{signal!r}")
    post_save.connect(_model_changed, dispatch_uid="aple-content-version-save")
    post_delete.connect(_model_changed, dispatch_uid="aple-content-version-delete")
    m2m_changed.connect(_groups_changed, dispatch_uid="aple-content-version-groups")
