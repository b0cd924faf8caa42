from django.http import HttpResponse

from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page


class RoutableTestPage(RoutablePageMixin, Page):
    """Answers sub-paths of its own, as a news index with a feed and year archives would."""

    parent_page_types = ["aple_site.HomePage", "aple_site.StandardPage"]

    @path("")
    def index_route(self, request):
        return HttpResponse(f"index of {self.title}")

    @path("feed/")
    def feed(self, request):
        return HttpResponse(f"feed of {self.title}")

    @re_path(r"^year/(\d{4})/$")
    def year(self, request, year):
        return HttpResponse(f"{year} of {self.title}")
