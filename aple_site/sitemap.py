"""sitemap.xml: every live public page in every language, each with its hreflang alternates."""

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap lists the site's root page tree, which is the English one only; this one lists the
    trees of the root page's translations too."""

    def items(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True)
        in_a_home = Q()
        for path in homes:
            in_a_home |= Q(path__startswith=path)
        return Page.objects.live().public().filter(in_a_home).order_by("path").defer_streamfields().specific()
