"""A page past its expiry is gone from every list at once, as its own address already is.

Wagtail unpublishes an expired page when `publish_scheduled` runs (hourly here), so a case story whose consent
ended (its expire_at is the first minute of that day: stories/models.py) stayed in search results and the sitemap
for up to an hour after its page answered 404. Lists built from queries leave such pages out themselves."""

from django.utils import timezone

from wagtail.models import Page


def not_past_expiry(pages):
    """The pages (a queryset, a search's included) without the live ones whose expiry has passed. By id: the
    search backends filter only on the fields Page indexes for filtering, and expire_at is not one of them. (A
    handful at most: the hourly publish_scheduled unpublishes them.)"""
    expired = Page.objects.filter(live=True, expire_at__lte=timezone.now()).values_list("pk", flat=True)
    return pages.exclude(pk__in=list(expired))
