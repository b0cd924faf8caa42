"""Factories for the 'Get help' section's pages."""

import factory
import wagtail_factories

from .models import ContactPage, HelpIndexPage, HelpPage, ReportAbusePage


class HelpIndexPageFactory(wagtail_factories.PageFactory):
    title = "Get help"
    slug = "get-help"
    intro = "Worried about a child?"

    class Meta:
        model = HelpIndexPage


class HelpPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Help page {n}")
    intro = "Help in plain words."

    class Meta:
        model = HelpPage


class ReportAbusePageFactory(wagtail_factories.PageFactory):
    title = "Report abuse"
    slug = "report-abuse"
    intro = "How to report a child at risk."

    class Meta:
        model = ReportAbusePage


class ContactPageFactory(wagtail_factories.PageFactory):
    title = "Contact"
    slug = "contact"
    intro = "Write to us."

    class Meta:
        model = ContactPage
