"""Factories for the giving app's page."""

import wagtail_factories

from .models import WaysToGivePage


class WaysToGivePageFactory(wagtail_factories.PageFactory):
    title = "Ways to give"
    slug = "ways-to-give"
    intro = "Why a gift matters."

    class Meta:
        model = WaysToGivePage
