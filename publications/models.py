"""The reports behind the figures: a library of APLE's publications (annual and impact reports, financial
statements, research, guides), and the transparency page that lists the financial statements.

Each publication is a page under 'Reports and publications' with its PDF kept as a Wagtail document. What the
PDF holds (its page count, a cover rendered from its first page, its text for search) is read once per file
(publications/pdf.py) into PdfDetails, so revisions never carry it and a file is never read twice."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from aple_site.i18n.forms import SharedFieldPanel
from aple_site.i18n.languages import locale_digits
from aple_site.i18n.pages import in_language_or_default, language_of
from aple_site.mixins import IntroMixin, ListingFieldsMixin, SectionIndexPage, SitePage, live_pages

from .pdf import UnreadablePdf, cover_image, read_pdf

TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]
PER_PAGE = 12


class PublicationType(models.TextChoices):
    ANNUAL_REPORT = "annual_report", _("Annual or impact report")
    FINANCIAL_STATEMENT = "financial_statement", _("Financial statement")
    RESEARCH = "research", _("Research")
    POLICY = "policy", _("Policy")
    TRAINING_GUIDE = "training_guide", _("Training guide")
    CAMPAIGN = "campaign", _("Campaign material")


class DocumentLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    KHMER = "km", _("Khmer")
    BOTH = "en-km", _("English and Khmer")


class PdfDetails(models.Model):
    """What one PDF document holds, read from the file when a publication first names it."""

    document = models.OneToOneField(get_document_model_string(), on_delete=models.CASCADE, related_name="pdf_details")
    file_hash = models.CharField(max_length=40, help_text="The file these details were read from.")
    page_count = models.PositiveIntegerField()
    cover = models.ForeignKey("aple_site.SiteImage", null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(blank=True, help_text="The PDF's text where it can be extracted (for search).")

    class Meta:
        verbose_name = "PDF details"
        verbose_name_plural = "PDF details"

    def __str__(self):
        return f"{self.document}: {self.page_count} pages"


def pdf_details_for(document):
    """The document's PdfDetails, read from its file unless already read from the same file."""
    document.get_file_hash()
    document.get_file_size()  # both stored on the document if Wagtail has not yet
    existing = PdfDetails.objects.filter(document=document).select_related("cover").first()
    if existing and existing.file_hash == document.file_hash:
        return existing
    with document.open_file() as file:
        facts = read_pdf(file.read())
    details = existing or PdfDetails(document=document)
    old_cover = details.cover
    details.file_hash = document.file_hash
    details.page_count = facts["pages"]
    details.text = facts["text"]
    details.cover = cover_image(facts["cover"], document.title)
    try:
        with transaction.atomic():
            details.save()
    except IntegrityError:
        # Another request read the same new document at the same moment and saved its details first (the editor's
        # autosave and their "Submit" both validate the page): those are this file's details too.
        if details.cover is not None:
            details.cover.delete()
        return PdfDetails.objects.select_related("cover").get(document=document)
    if old_cover is not None:
        old_cover.delete()  # the cover of the file this document held before
    return details


def with_pdf_details(publications):
    """Fetch each publication's document, PDF details, cover and its renditions with the publications, so that a
    list's query count does not grow with its items."""
    return publications.select_related("locale", "document__pdf_details__cover").prefetch_related(
        "document__pdf_details__cover__renditions"
    )


def published_in(language):
    """Live publications in `language`, and those published in English only (APLE writes many reports in
    English): a Khmer reader still finds every report."""
    return in_language_or_default(PublicationPage.objects.live(), language)


class PublicationIndexPage(SectionIndexPage):
    """'Reports and publications' (one per site, under the home page): every publication, newest first,
    filtered by type, year and language without JavaScript, twelve to a page."""

    icon = "book-open"  # static/icons/: marks this page on cards and in links

    cache_query_params = ("type", "year", "language", "page")  # the filters and the page number
    subpage_types = ["publications.PublicationPage"]

    class Meta:
        verbose_name = "Reports and publications (the library)"

    def publications(self):
        return with_pdf_details(published_in(language_of(self))).order_by("-year", "title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        publications = self.publications()
        facets = publications.values_list("publication_type", "year", "document_language").order_by()
        types, years, languages = (
            (set(column) for column in zip(*facets, strict=True)) if facets else (set(), set(), set())
        )
        chosen = {
            "type": _chosen(request, "type", types),
            "year": _chosen(request, "year", {str(year) for year in years}),
            "language": _chosen(request, "language", languages),
        }
        for field, value in (("publication_type", chosen["type"]), ("year", chosen["year"])):
            if value:
                publications = publications.filter(**{field: value})
        if chosen["language"]:
            publications = publications.filter(document_language__in=_readable_in(chosen["language"]))
        context["filters"] = {
            "types": [choice for choice in PublicationType.choices if choice[0] in types],
            "years": [(str(year), locale_digits(year)) for year in sorted(years, reverse=True)],
            "languages": [choice for choice in DocumentLanguage.choices if choice[0] in languages],
        }
        context["chosen"] = chosen
        context["filtered"] = any(chosen.values())
        context["page_of_publications"] = Paginator(publications, PER_PAGE).get_page(request.GET.get("page"))
        return context


def _chosen(request, name, allowed):
    """The filter value from the query string if it is one of `allowed`, else '' (unknown values are ignored)."""
    value = request.GET.get(name, "")
    return value if value in allowed else ""


def _readable_in(language):
    """The document languages a reader of `language` can read: a bilingual document counts for both."""
    return {language, DocumentLanguage.BOTH} if language != DocumentLanguage.BOTH else {language}


class PublicationPage(ListingFieldsMixin, SitePage):
    """One publication (a report, a financial statement, a guide) with its PDF, under 'Reports and
    publications'. Its year, type, document language, PDF and programs are the same in every language."""

    icon = "book-open"  # static/icons/: marks this page on cards and in links
    result_label = _("Publication")  # in search results, beside the title

    def result_date(self):
        return locale_digits(self.year) if self.year else ""

    year = models.PositiveSmallIntegerField(
        help_text="The year the publication covers, or its last year for a report on two years (e.g. 2018)."
    )
    publication_type = models.CharField(
        "type",
        max_length=20,
        choices=PublicationType.choices,
        help_text="What it is. Financial statements are also listed on the Transparency page.",
    )
    document_language = models.CharField(
        "language of the document",
        max_length=5,
        choices=DocumentLanguage.choices,
        default=DocumentLanguage.ENGLISH,
        help_text="The language the PDF is written in.",
    )
    document = models.ForeignKey(
        get_document_model_string(),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "The publication itself, as a PDF. Its cover, page count and size are shown from the file, and search "
            "finds its text. Remove names, photos and details of children before uploading."
        ),
    )
    summary = models.TextField(
        max_length=600, help_text="What the publication is about, in two or three sentences. Shown in the library."
    )
    programs = ParentalManyToManyField(
        "programs.ProgramPage",
        blank=True,
        related_name="publications",
        help_text="The programs it reports on; their pages list it under 'Reports on this program'.",
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([SharedFieldPanel("publication_type"), SharedFieldPanel("year")]),
                SharedFieldPanel("document_language"),
                SharedFieldPanel("document"),
            ],
            heading="The publication",
        ),
        FieldPanel("summary"),
        SharedFieldPanel("programs", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = SitePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("document_text"),
        index.FilterField("publication_type"),
        index.FilterField("year"),
    ]
    description_field = "summary"
    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types = []
    shared_fields = (
        *ListingFieldsMixin.shared_fields,
        "year",
        "publication_type",
        "document_language",
        "document",
        "programs",
    )

    class Meta:
        verbose_name = "publication"

    def clean(self):
        super().clean()
        if self.document_id is None:
            raise ValidationError({"document": "Choose or upload the publication's PDF."})
        if not self.document.file.name.lower().endswith(".pdf"):
            raise ValidationError({"document": "The publication must be a PDF file."})
        try:
            pdf_details_for(self.document)
        except UnreadablePdf as exc:
            limit = settings.PUBLICATION_MAX_PDF_MB
            raise ValidationError(
                {
                    "document": (
                        "This PDF could not be read: it may be damaged, protected by a password, larger than "
                        f"{limit} MB, or too complex. Save it again as a standard PDF and upload it again."
                    )
                }
            ) from exc

    @property
    def pdf(self):
        """The PdfDetails of the document, or None (e.g. while a draft has none)."""
        document = self.document
        return getattr(document, "pdf_details", None) if document is not None else None

    def document_text(self):
        """For the search index: the PDF's text, where it can be extracted."""
        return self.pdf.text if self.pdf else ""

    @property
    def is_financial_statement(self):
        return self.publication_type == PublicationType.FINANCIAL_STATEMENT

    def related_context(self):
        return {"programs": live_pages(self.programs)} if self.pk is not None else {}


class TransparencyPage(IntroMixin, ListingFieldsMixin, SitePage):
    """'Transparency' (one per site, under the home page): how APLE is registered and governed, how it
    accounts for its money, and its financial statements from the library (listed from the library, never
    typed in)."""

    icon = "shield-check"  # static/icons/: marks this page on cards and in links

    registration = RichTextField(
        features=TEXT_FEATURES,
        blank=True,
        help_text="How APLE is registered, e.g. as a local NGO since 2014, with its registration number if public.",
    )
    governance = RichTextField(
        features=TEXT_FEATURES,
        blank=True,
        help_text="Who governs APLE (its board) and how decisions are made. Hidden while empty.",
    )
    accountability = RichTextField(
        features=TEXT_FEATURES,
        blank=True,
        help_text="How APLE accounts for its money: audits, reports to donors, complaints. Hidden while empty.",
    )

    content_panels = IntroMixin.content_panels + [
        FieldPanel("registration"),
        FieldPanel("governance"),
        FieldPanel("accountability"),
    ]
    search_fields = SitePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("registration"),
        index.SearchField("governance"),
        index.SearchField("accountability"),
    ]
    parent_page_types = ["aple_site.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "Transparency (registration and accounts)"

    def related_context(self):
        statements = published_in(language_of(self)).filter(publication_type=PublicationType.FINANCIAL_STATEMENT)
        return {
            "financial_statements": list(with_pdf_details(statements).order_by("-year", "title")),
            "library": PublicationIndexPage.objects.live().filter(locale_id=self.locale_id).first(),
        }


def latest_annual_report(home):
    """The newest live annual or impact report for readers of `home`'s language (in English if it has no
    translation), or None."""
    reports = published_in(language_of(home))
    return (
        reports.filter(publication_type=PublicationType.ANNUAL_REPORT).order_by("-year", "-first_published_at").first()
    )
