"""Factories for the offices section's pages."""

import factory
import wagtail_factories

from .models import OfficeIndexPage, OfficePage


class OfficeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Where we work"
    slug = "where-we-work"

    class Meta:
        model = OfficeIndexPage


class OfficePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Office {n}")
    city = factory.SelfAttribute("title")
    year_opened = 2005
    reason_opened = "Children were at risk here."

    class Meta:
        model = OfficePage
