"""What crawlers read: robots.txt, and sitemap.xml with every live public page in every language, each with
its hreflang alternates (x-default included)."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse
from django.views.decorators.cache import cache_control

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from ..addresses import absolute
from .expiry import not_past_expiry


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap lists the site's root page tree, which is the English one only; this one lists the
    trees of the root page's translations too."""

    def pages(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True)
        in_a_home = Q()
        for path in homes:
            in_a_home |= Q(path__startswith=path)
        return not_past_expiry(Page.objects.live().public().filter(in_a_home)).order_by("path")

    def items(self):
        return self.pages().defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        """Each entry with a hreflang alternate for every language the page exists in (itself included),
        worked out for all pages in one query rather than one per page."""
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            alternates = self.alternates().get(url["location"], [])
            if len(alternates) > 1:
                # x-default, as in the pages' <head>: English for a reader of any other language.
                default = [
                    {"lang_code": "x-default", "location": a["location"]}
                    for a in alternates
                    if a["lang_code"] == settings.LANGUAGE_CODE
                ]
                url["alternates"] = alternates + default
        return urls

    def alternates(self):
        if not hasattr(self, "_alternates"):
            versions = defaultdict(list)
            for page in self.pages().select_related("locale"):
                location = page.get_full_url(self.request)
                versions[page.translation_key].append({"lang_code": page.locale.language_code, "location": location})
            self._alternates = {v["location"]: group for group in versions.values() for v in group}
        return self._alternates


@cache_control(max_age=60 * 60, public=True)
def robots_txt(request):
    """Crawlers may read the public site, not the consent endpoints. The admin is not named: robots.txt is public,
    and naming ADMIN_PATH here would tell everyone where it is (the admin's pages say noindex themselves)."""
    lines = [
        "User-agent: *",
        "Disallow: /cookies/",
        *(f"Disallow: /{code}/cookies/" for code, _name in settings.LANGUAGES),
        "Disallow: /documents/",
        f"Sitemap: {absolute(request, '/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
