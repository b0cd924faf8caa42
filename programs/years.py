"""This year, in the site's time zone: a strategy's status and an impact figure's age both follow it."""

from django.utils import timezone


def this_year():
    return timezone.localdate().year
