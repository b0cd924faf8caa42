"""Factories for publications: a real two-page PDF, read as the editor's form reads it on save."""

import factory
import wagtail_factories

from tests.pdf_files import make_pdf

from .models import PublicationIndexPage, PublicationPage, TransparencyPage, pdf_details_for


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
