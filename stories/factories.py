"""Factories for case stories, each with a complete consent record."""

import datetime

from django.utils import timezone

import factory
import wagtail_factories

from .models import StoryIndexPage, StoryPage


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Case stories"
    slug = "stories"
    intro = "Stories told with consent."

    class Meta:
        model = StoryIndexPage


class StoryPageFactory(wagtail_factories.PageFactory):
    """A story with a complete consent record that runs for another year."""

    title = factory.Sequence(lambda n: f"Story {n}")
    date = datetime.date(2026, 2, 1)
    summary = "How a family was helped."
    pseudonym_notice = True
    consent_obtained_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    consent_given_by = "the child's mother"
    consent_record_location = "Phnom Penh office, safeguarding file"
    consent_expires_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=365))

    class Meta:
        model = StoryPage
