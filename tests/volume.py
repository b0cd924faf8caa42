"""More of the same content, for measuring: copies of every event, partner, MoU, office and program with their
links, in both languages. Used by the query-budget test and `make bench`; never by the site itself."""

import io

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pypdfium2 as pdfium

from history.models import MoUPage, PartnerPage, TimelineEventPage
from offices.models import OfficePage
from programs.models import ProgramPage
from publications.models import PublicationIndexPage, PublicationPage, pdf_details_for

MULTIPLIED = (TimelineEventPage, PartnerPage, MoUPage, OfficePage, ProgramPage)


def multiply_content(scale):
    """Copy each original page (scale - 1) times under its own parent. Safe to run again: copies that exist
    are not made twice, and copies are never copied."""
    for model in MULTIPLIED:
        for page in list(model.objects.filter(slug__regex=r"^[a-z0-9-]+[a-z]$")):
            parent = page.get_parent()
            for n in range(2, scale + 1):
                slug = f"{page.slug}-{n}"
                if not model.objects.child_of(parent).filter(slug=slug).exists():
                    page.copy(to=parent, update_attrs={"slug": slug, "title": f"{page.title} ({n})"}, log_action=None)


def add_publications(count):
    """Top each language's library up to `count` publications, all sharing one blank two-page PDF (the seed has
    none: APLE's reports are added by staff). For `make bench`, which measures the library at 5 and at 50."""
    document = get_document_model().objects.filter(title="Measuring: blank report").first()
    if document is None:
        pdf = pdfium.PdfDocument.new()
        for _ in range(2):
            pdf.new_page(595, 842)
        buffer = io.BytesIO()
        pdf.save(buffer)
        document = get_document_model()(title="Measuring: blank report")
        document.file.save("measuring-blank-report.pdf", ContentFile(buffer.getvalue()), save=True)
    pdf_details_for(document)
    types = ["annual_report", "financial_statement", "research", "policy", "training_guide", "campaign"]
    for library in PublicationIndexPage.objects.all():
        for n in range(PublicationPage.objects.child_of(library).count(), count):
            page = PublicationPage(
                title=f"Measuring report {n + 1}",
                slug=f"measuring-report-{n + 1}",
                year=2010 + n % 15,
                publication_type=types[n % len(types)],
                summary="A publication made for measuring the library's speed.",
                document=document,
            )
            library.add_child(instance=page)
            page.save_revision().publish()
            library.refresh_from_db()


def add_news_and_stories(count):
    """Top each language's news and case stories up to `count` items (the seed has none: staff write them), the
    first news item linked to a program and an office so that their pages list it. For `make bench`."""
    import datetime

    from django.utils import timezone

    from news.models import NewsIndexPage, NewsPage
    from stories.models import StoryIndexPage, StoryPage

    today = timezone.localdate()
    for index in NewsIndexPage.objects.all():
        for n in range(NewsPage.objects.child_of(index).count(), count):
            page = NewsPage(
                title=f"Measuring news {n + 1}",
                slug=f"measuring-news-{n + 1}",
                date=datetime.date(2020 + n % 6, 1 + n % 12, 1 + n % 28),
                summary="A news item made for measuring the news pages' speed.",
            )
            index.add_child(instance=page)
            if n == 0:
                page.programs.add(*ProgramPage.objects.filter(locale=index.locale)[:1])
                page.offices.add(*OfficePage.objects.filter(locale=index.locale)[:1])
            page.save_revision().publish()
            index.refresh_from_db()
    for index in StoryIndexPage.objects.all():
        for n in range(StoryPage.objects.child_of(index).count(), count):
            page = StoryPage(
                title=f"Measuring story {n + 1}",
                slug=f"measuring-story-{n + 1}",
                date=datetime.date(2020 + n % 6, 1 + n % 12, 1),
                summary="A story made for measuring the stories pages' speed.",
                consent_obtained_on=today,
                consent_given_by="measuring only",
                consent_record_location="measuring only",
                consent_expires_on=today + datetime.timedelta(days=365),
            )
            index.add_child(instance=page)
            page.save_revision().publish()
            index.refresh_from_db()
