"""`{% page_fragment "header" %}…{% endpage_fragment %}`: a part of a page's furniture that depends on the page, its
language and its site only (the help bar with its language links, the header with its menu, the breadcrumbs),
rendered once per page and content version instead of on every uncached request. A preview, and a view that is
not a saved page (search, a 404), render it afresh. Fragments the same on every page use Django's
{% cache furniture_seconds "name" furniture_key %} (aple_site/caching/context_processors.py)."""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost

from wagtail.models import Page

from ..i18n.languages import active_language
from .version import versioned_key

register = template.Library()


class PageFragmentNode(template.Node):
    def __init__(self, name, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        key = fragment_key(self.name, context)
        if key is None:
            return self.nodelist.render(context)
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, settings.CACHE_SECONDS)
        return html


def fragment_key(name, context):
    """The fragment's key, or None when it must be rendered: no saved page, a preview, an unknown host."""
    page, request = context.get("page"), context.get("request")
    if not isinstance(page, Page) or page.pk is None or request is None or getattr(request, "is_preview", False):
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    return versioned_key(f"fragment:{name}:{request.scheme}:{host}:{active_language()}:{page.pk}")


@register.tag
def page_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'":
        raise template.TemplateSyntaxError('{% page_fragment "name" %} takes one quoted name')
    nodelist = parser.parse(("endpage_fragment",))
    parser.delete_first_token()
    return PageFragmentNode(bits[1][1:-1], nodelist)
