"""Structured data and social sharing tags."""

from django import template
from django.utils.translation import gettext

from ..addresses import absolute
from ..web import seo

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`url` on the site's configured address (addresses.py), whatever Host the request came with."""
    return absolute(context["request"], url)


@register.filter
def json_ld(data):
    return seo.json_ld(data)


@register.filter
def organisation_json_ld(home_page, site_settings):
    return seo.json_ld(home_page.organisation_data(site_settings))


@register.simple_tag(takes_context=True)
def breadcrumb_json_ld(context, ancestors, page):
    """schema.org BreadcrumbList for the trail shown in the breadcrumbs."""
    request = context.get("request")
    trail = [*ancestors, page]
    items = [
        {
            "@type": "ListItem",
            "position": n,
            "name": gettext("Home") if p.depth == 2 else p.title,
            "item": p.get_full_url(request),
        }
        for n, p in enumerate(trail, start=1)
    ]
    return seo.json_ld({"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items})
