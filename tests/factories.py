"""One factory per page type (wagtail-factories). tests/test_factories.py fails when a page type has none."""

import datetime

from django.utils import timezone

import factory
import wagtail_factories

from aple_site.models import CookiePolicyPage, HomePage, PrivacyNoticePage, StandardPage
from giving.models import WaysToGivePage
from help.models import ContactPage, HelpIndexPage, HelpPage, ReportAbusePage
from history.models import HistoryIndexPage, MoUIndexPage, MoUPage, PartnerIndexPage, PartnerPage, TimelineEventPage
from news.models import NewsIndexPage, NewsPage
from offices.models import OfficeIndexPage, OfficePage
from programs.models import ProgramIndexPage, ProgramPage, ProjectPage, StrategyPage
from publications.models import PublicationIndexPage, PublicationPage, TransparencyPage, pdf_details_for
from stories.models import StoryIndexPage, StoryPage
from tests.pdf_files import make_pdf


class ImageFactory(wagtail_factories.ImageFactory):
    """An image someone has checked and recorded as showing no identifiable child, as a page's card or photo must
    be. Tests of the rule for children's images pass shows_identifiable_child="yes" or "unknown"."""

    description = "A photo"
    shows_identifiable_child = "no"


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


class PrivacyNoticePageFactory(wagtail_factories.PageFactory):
    title = "Privacy notice"
    slug = "privacy"
    intro = "What this site keeps about you."

    class Meta:
        model = PrivacyNoticePage


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


class OfficePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Office {n}")
    city = factory.SelfAttribute("title")
    year_opened = 2005
    reason_opened = "Children were at risk here."

    class Meta:
        model = OfficePage


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


class PdfDocumentFactory(wagtail_factories.DocumentFactory):
    """A Wagtail document holding a two-page PDF of real text."""

    title = factory.Sequence(lambda n: f"Report {n}")
    file = factory.django.FileField(
        filename="report.pdf", data=make_pdf(["Annual report of APLE", "Court support for children in Kampot"])
    )


class PublicationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Reports and publications"
    slug = "publications"
    intro = "APLE's reports."

    class Meta:
        model = PublicationIndexPage


class PublicationPageFactory(wagtail_factories.PageFactory):
    """A publication whose PDF has been read (page count, cover, text), as the editor's form does on save."""

    title = factory.Sequence(lambda n: f"Publication {n}")
    year = 2025
    publication_type = "annual_report"
    document_language = "en"
    summary = "What the publication is about."
    document = factory.SubFactory(PdfDocumentFactory)

    class Meta:
        model = PublicationPage
        skip_postgeneration_save = True  # read_pdf publishes the page

    @factory.post_generation
    def read_pdf(obj, create, extracted, **kwargs):
        if create and obj.document is not None:
            pdf_details_for(obj.document)
            obj.save_revision().publish()  # indexes the text for search, as publishing in the admin does


class TransparencyPageFactory(wagtail_factories.PageFactory):
    title = "Transparency"
    slug = "transparency"
    intro = "How APLE is registered and governed."
    registration = "<p>A local NGO since 2014.</p>"

    class Meta:
        model = TransparencyPage


class WaysToGivePageFactory(wagtail_factories.PageFactory):
    title = "Ways to give"
    slug = "ways-to-give"
    intro = "Why a gift matters."

    class Meta:
        model = WaysToGivePage


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
