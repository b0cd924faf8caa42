"""Abstract page mixins that bring their own fields and panels, so page models never copy them."""

from http import HTTPMethod

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from .caching.version import cached, versioned_key
from .i18n.forms import PageFormInItsLanguage, SharedFieldPanel
from .i18n.languages import active_language
from .i18n.pages import in_active_language
from .i18n.shared import SharedFieldsMixin
from .images.consent import refuse_identifiable_images
from .search.terms import english_terms, index_terms


class ListingFieldsMixin(models.Model):
    """A summary and an image used wherever the page appears as a card, and as its social preview."""

    listing_summary = models.TextField(
        blank=True,
        max_length=300,
        help_text=(
            "One or two sentences shown on cards that link to this page, and to search engines when "
            "'Search description' is empty. At most 300 characters."
        ),
    )
    listing_image = models.ForeignKey(
        "aple_site.SiteImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "Optional. Shown on cards and when the page is shared on social media, so it must be an image that "
            "shows no identifiable child."
        ),
    )

    promote_panels = Page.promote_panels + [
        MultiFieldPanel(
            [FieldPanel("listing_summary"), SharedFieldPanel("listing_image")], heading="Cards and sharing"
        ),
        FieldPanel("review_by"),
    ]

    # The same image in every language (aple_site/i18n/shared.py); page types add their own facts to this.
    shared_fields = ("listing_image",)

    # The attribute whose text describes the page when neither 'Search description' nor the card summary
    # is filled in (e.g. "intro", "summary"); None for none.
    description_field = None

    # The image fields whose images appear on cards or in link previews (share_image), where no consent covers a
    # child: a subclass whose share image falls back to its own image adds that field.
    consent_free_image_fields = ("listing_image",)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        refuse_identifiable_images(self, self.consent_free_image_fields)

    def get_meta_description(self):
        """The description search engines and link previews show: the editor's, else the card summary, else
        the page's own text (description_field)."""
        fallback = getattr(self, self.description_field) if self.description_field else ""
        return self.search_description or self.listing_summary or fallback


class IntroMixin(models.Model):
    """An opening paragraph for section and listing pages."""

    intro = models.TextField(
        blank=True, max_length=600, help_text="Opening paragraph shown at the top of the page, before the list."
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    description_field = "intro"

    class Meta:
        abstract = True


def live_pages(relation):
    """The live pages of a page relation in the visitor's language, by title (one query).

    Works on saved relations and on the in-memory ones of an admin preview (which have no `.live()`)."""
    return in_active_language(relation.all(), "title")


def with_image(queryset, field):
    """Fetch each page's image and its renditions with the pages, so a listing's query count does not
    grow with its items (Wagtail reads renditions from the prefetch cache)."""
    return queryset.select_related(field).prefetch_related(f"{field}__renditions")


TITLE_WEIGHT = 3


class SitePage(SharedFieldsMixin, Page):
    """Base of every page type on the site: Wagtail's Page with cheaper request handling and Khmer search, and
    an editor's form in the page's language whose facts shared with the English page are entered there."""

    base_form_class = PageFormInItsLanguage

    review_by = models.DateField(
        "review by",
        null=True,
        blank=True,
        help_text=(
            "Optional: the date by which someone should check this page is still true (a phone number, a period, "
            "who leads a program). From 30 days before it, the page is listed on the dashboard under 'Pages to "
            "review'; visitors never see this date. Set a new date after checking."
        ),
    )

    # No page takes a form post (the password form posts to Wagtail's own view): anything else gets a 405.
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]

    # The query parameters the page's answer depends on (a filter, a page number). The page cache keys a page by
    # these alone, so that any other query string (?utm_source=…, ?x=1) shares one entry; a page type that reads
    # request.GET must name what it reads here (aple_site/caching/page_cache.py).
    cache_query_params = ()

    # Whether the page's own content may be kept and reused across requests ({% page_body %}, base.html): False for
    # a page whose content is the visitor's own (a form, with its CSRF token and errors).
    body_cacheable = True

    # The icon (static/icons/) that marks pages of this type on cards and in lists of links.
    icon = "arrow-right"

    # What search results call a page of this type, beside its title: a strategy and the timeline event of the
    # same name read apart. Page types name their own.
    result_label = gettext_lazy("Page")

    # Subclasses extend SitePage.search_fields, so every page indexes the stems of its English words and the terms
    # of its Khmer (aple_site/search/terms.py).
    search_fields = Page.search_fields + [index.SearchField("search_terms")]

    class Meta:
        abstract = True

    def search_terms(self):
        """Index terms (English stems, Khmer terms) for every other searchable field of the page. The stems of the
        title count TITLE_WEIGHT times: a page named after what was searched ranks above pages that mention it
        (the database backends rank by how often a term occurs; only the title's own words are weighted apart)."""
        texts = []
        for field in type(self).search_fields:
            if isinstance(field, index.SearchField) and field.field_name not in ("search_terms", "title"):
                value = field.get_value(self)
                texts += value if isinstance(value, list) else [str(value or "")]
        # (Khmer terms are every short character sequence: repeating them lengthens the entry more than it helps.)
        title_stems = english_terms(self.title)
        return " ".join([title_stems] * TITLE_WEIGHT + [index_terms(" ".join([self.title, *texts]))])

    def result_date(self):
        """The date search results show beside the page, as visitors read it on the page ('' when it has none).
        Page types with a date of their own (an event, a news item, a strategy's period) return it."""
        return ""

    def serve(self, request, *args, **kwargs):
        request.page_cache_query_params = self.cache_query_params
        response = super().serve(request, *args, **kwargs)
        keep = getattr(request, "related_context_to_keep", None)
        if keep and hasattr(response, "add_post_render_callback"):

            def store(response):  # (returns None: a callback's answer would replace the response)
                cache.set(*keep, settings.CACHE_SECONDS)

            response.add_post_render_callback(store)
        return response

    def related_context(self):
        """What the page shows besides its own fields that depends on nothing in the request but the visitor's
        language: related pages, figures, neighbours, the children a listing shows. Page types return it here
        rather than in get_context, so that it is built once per page, language and content version
        (related_context_for) instead of on every request: the SQL Django builds for these lists cost more than
        the rest of a page. Values must be lists or plain values, never querysets (they are pickled)."""
        return {}

    def related_context_for(self, request):
        """related_context(), cached until content changes; built afresh in a preview (Wagtail sets
        request.is_preview), where the page is an unsaved revision whose relations live in memory."""
        if self.pk is None or getattr(request, "is_preview", False):
            return self.related_context()
        key = versioned_key(f"related:{self.pk}:{active_language()}")
        context = cache.get(key)
        if context is None:
            context = self.related_context()
            # Kept once the page is rendered (serve): rendering makes the image renditions the page lacked and adds
            # them to its images' prefetched renditions, which a copy kept before rendering would lack for good
            # (Wagtail then asks the database for each).
            request.related_context_to_keep = (key, context)
        return context

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.related_context_for(request))
        return context

    def get_view_restrictions(self):
        """The privacy restrictions on this page and its ancestors, in one query instead of Wagtail's two, and
        in none on the pages that have none (most of them), as remembered until the content changes: a change
        to any page's privacy bumps the content version (aple_site/caching/version.py).

        Wagtail's rule: an alias (here or above) uses its source page's restrictions. aple_site/tests/test_routing.py
        compares the answer with Wagtail's own method on restricted pages, their descendants and aliases."""
        if self.pk is not None and not cached(f"restricted:{self.path}", lambda: self._view_restrictions().exists()):
            return PageViewRestriction.objects.none()  # (building the query costs more than the page's own lists)
        return self._view_restrictions()

    def _view_restrictions(self):
        steplen = self.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths)
        ).distinct()


class SectionIndexPage(IntroMixin, ListingFieldsMixin, SitePage):
    """Base of each section's listing page (history, partners, agreements, offices, programs): one per site,
    under the home page, with an intro above the list of its children. Subclasses name those children
    (subpage_types) and fetch them in get_context."""

    search_fields = SitePage.search_fields + [index.SearchField("intro")]
    result_label = gettext_lazy("Section")
    parent_page_types = ["aple_site.HomePage"]
    max_count = 1
    # False for a section that starts empty (news, case stories): the menu leaves it out until it has a live child.
    shown_when_empty = True

    class Meta:
        abstract = True
