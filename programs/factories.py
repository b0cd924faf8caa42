"""Factories for the programs section's pages: strategies, programs and projects."""

import factory
import wagtail_factories

from .models import ProgramIndexPage, ProgramPage, ProjectPage, StrategyPage


class ProgramIndexPageFactory(wagtail_factories.PageFactory):
    title = "Our work"
    slug = "our-work"

    class Meta:
        model = ProgramIndexPage


class StrategyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Strategy {n}")
    start_year = 2016
    end_year = 2020
    status = "current"
    overview = "<p>Four connected programs.</p>"

    class Meta:
        model = StrategyPage


class ProgramPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Program {n}")
    summary = "What this program does, for donors."

    class Meta:
        model = ProgramPage


class ProjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Project {n}")
    summary = "What this project does."

    class Meta:
        model = ProjectPage
