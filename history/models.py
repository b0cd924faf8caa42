"""The organisation's story: the history section of the site."""

from wagtail.models import Page
from wagtail.search import index

from aple_site.mixins import IntroMixin, ListingFieldsMixin


class HistoryIndexPage(IntroMixin, ListingFieldsMixin, Page):
    """'Our history' (one per site, under the home page): how APLE grew, told as a timeline."""

    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["aple_site.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "history index page"
