"""Structured data and social sharing tags."""

import json

from django import template
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from .addresses import absolute

register = template.Library()


def site_root_url(page):
    """The page's site address (https://host), or "" for a page outside any site."""
    url_parts = page.get_url_parts()
    return url_parts[1] if url_parts else ""


def organisation_id(root_url):
    """The one identifier of APLE in the site's structured data, the same in both languages: the office
    pages' Place blocks point at the home page's organisation through it."""
    return f"{root_url}/#organisation"


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`url` on the site's configured address (addresses.py), whatever Host the request came with."""
    return absolute(context["request"], url)


@register.filter
def json_ld(data):
    """A <script type="application/ld+json"> block, escaped so page text can never close the script."""
    payload = json.dumps(data, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


@register.filter
def organisation_json_ld(home_page, site_settings):
    return json_ld(home_page.organisation_data(site_settings))


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
    return json_ld({"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items})
