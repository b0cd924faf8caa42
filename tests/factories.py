"""One factory per page type (wagtail-factories). tests/test_factories.py fails when a page type has none."""

import factory
import wagtail_factories

from aple_site.models import CookiePolicyPage, HomePage, StandardPage
from history.models import HistoryIndexPage
from offices.models import OfficeIndexPage
from programs.models import ProgramIndexPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Protecting Cambodia's children"
    slug = "home-test"
    mission = "We protect children from sexual abuse and exploitation."
    what_we_do = "<p>We help the police, the courts and communities.</p>"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "An opening paragraph."

    class Meta:
        model = StandardPage


class CookiePolicyPageFactory(wagtail_factories.PageFactory):
    title = "Cookie policy"
    slug = "cookie-policy"
    intro = "How this site uses cookies."

    class Meta:
        model = CookiePolicyPage


class HistoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Our history"
    slug = "history"

    class Meta:
        model = HistoryIndexPage


class OfficeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Where we work"
    slug = "where-we-work"

    class Meta:
        model = OfficeIndexPage


class ProgramIndexPageFactory(wagtail_factories.PageFactory):
    title = "Our work"
    slug = "our-work"

    class Meta:
        model = ProgramIndexPage
