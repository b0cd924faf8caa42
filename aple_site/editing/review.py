"""What is due for a check: pages whose 'review by' date is near or past, and images whose alt text is missing or
is only a file name."""

import datetime

from django.db.models import Q
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import get_page_models

REVIEW_NOTICE_DAYS = 30  # a page is listed this many days before its 'review by' date
FILE_NAME = r"(\.(jpe?g|png|gif|webp|avif|svg|heic)$|^(img|dsc|image|photo|pxl)[-_ ]?[0-9])"


def pages_due_for_review(today=None):
    """Pages (specific) whose 'review by' date is within REVIEW_NOTICE_DAYS or past, soonest first.

    The date is a field of every page type (SitePage), so each type with such pages answers for itself: one
    small query per page type, on the dashboard only."""
    limit = (today or timezone.localdate()) + datetime.timedelta(days=REVIEW_NOTICE_DAYS)
    due = []
    for model in get_page_models():
        if any(field.name == "review_by" for field in model._meta.local_fields):  # every SitePage type
            due += model.objects.filter(review_by__lte=limit).select_related("locale")
    return sorted(due, key=lambda page: (page.review_by, page.path))


def images_without_alt_text():
    """Images with no alt text, or alt text that is a file name ('IMG_2041.jpg'), newest first."""
    bad = Q(description="") | Q(description__iregex=FILE_NAME)
    return get_image_model().objects.filter(bad).order_by("-created_at")
