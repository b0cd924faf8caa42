"""`{% page_fragment "header" %}…{% endpage_fragment %}`: a part of a page's furniture that depends on the page, its
language and its site only (the help bar with its language links, the header with its menu, the breadcrumbs),
rendered once per page and content version instead of on every uncached request. A preview, and a view that is
not a saved page (search, a 404), render it afresh.

`{% page_body %}…{% endpage_body %}` (base.html, around the page's content): the same for the page's own content,
keyed also by its address and by the query parameters the page reads (SitePage.cache_query_params, the page
cache's rule). Never for a page with a form (its CSRF token and its errors are the visitor's: body_cacheable =
False), nor for a page with privacy rules (its password form and the page itself share the page's id).

Fragments the same on every page use Django's {% cache furniture_seconds "name" furniture_key %}
(aple_site/context_processors.py)."""

import hashlib
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.core.cache import cache

from wagtail.models import Page

from ..addresses import cache_scope
from ..caching.version import versioned_key
from ..i18n.languages import active_language

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


class PageBodyNode(PageFragmentNode):
    def __init__(self, nodelist):
        super().__init__("body", nodelist)

    def render(self, context):
        page = context.get("page")
        if not getattr(page, "body_cacheable", False) or page.get_view_restrictions():
            return self.nodelist.render(context)
        return super().render(context)


def fragment_key(name, context):
    """The fragment's key, or None when it must be rendered: no saved page, a preview, an unknown host."""
    page, request = context.get("page"), context.get("request")
    if not isinstance(page, Page) or page.pk is None or request is None or getattr(request, "is_preview", False):
        return None
    scope = cache_scope(request)
    if scope is None:
        return None
    where = f"{scope}:{active_language()}:{page.pk}"
    if name == "body":
        read = urlencode([(p, v) for p in sorted(page.cache_query_params) for v in request.GET.getlist(p)])
        where += ":" + hashlib.sha256(f"{request.path}?{read}".encode()).hexdigest()
    return versioned_key(f"fragment:{name}:{where}")


@register.tag
def page_body(parser, token):
    nodelist = parser.parse(("endpage_body",))
    parser.delete_first_token()
    return PageBodyNode(nodelist)


@register.tag
def page_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'":
        raise template.TemplateSyntaxError('{% page_fragment "name" %} takes one quoted name')
    nodelist = parser.parse(("endpage_fragment",))
    parser.delete_first_token()
    return PageFragmentNode(bits[1][1:-1], nodelist)
