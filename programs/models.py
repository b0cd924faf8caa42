"""What donors read: APLE's strategies and programs."""

from wagtail.models import Page
from wagtail.search import index

from aple_site.mixins import IntroMixin, ListingFieldsMixin


class ProgramIndexPage(IntroMixin, ListingFieldsMixin, Page):
    """'Our work' (one per site, under the home page): the current strategy's programs."""

    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["aple_site.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "program index page"
