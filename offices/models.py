"""Where APLE works: its offices."""

from wagtail.models import Page
from wagtail.search import index

from aple_site.mixins import IntroMixin, ListingFieldsMixin


class OfficeIndexPage(IntroMixin, ListingFieldsMixin, Page):
    """'Where we work' (one per site, under the home page): the offices and why each was opened."""

    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["aple_site.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "office index page"
