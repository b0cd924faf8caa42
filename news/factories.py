"""Factories for the news section's pages."""

import datetime

import factory
import wagtail_factories

from .models import NewsIndexPage, NewsPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"
    slug = "news"
    intro = "News from APLE."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News item {n}")
    date = datetime.date(2026, 3, 14)
    summary = "What happened."

    class Meta:
        model = NewsPage
