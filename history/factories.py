"""Factories for the history section's pages: the timeline, partners and MoUs."""

import factory
import wagtail_factories

from .models import HistoryIndexPage, MoUIndexPage, MoUPage, PartnerIndexPage, PartnerPage, TimelineEventPage


class HistoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Our history"
    slug = "history"

    class Meta:
        model = HistoryIndexPage


class TimelineEventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Event {n}")
    year = 2005
    category = "office"
    summary = "Something happened."

    class Meta:
        model = TimelineEventPage


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Our partners"
    slug = "partners"

    class Meta:
        model = PartnerIndexPage


class PartnerPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Partner {n}")
    kind = "ngo"
    how_we_work = "<p>We work together.</p>"

    class Meta:
        model = PartnerPage


class MoUIndexPageFactory(wagtail_factories.PageFactory):
    title = "Agreements"
    slug = "agreements"

    class Meta:
        model = MoUIndexPage


class MoUPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"MoU {n}")
    purpose = "Working together on cases."
    signed_year = 2010

    class Meta:
        model = MoUPage
