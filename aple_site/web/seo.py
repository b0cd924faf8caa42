"""Structured data: the organisation's identifier and JSON-LD blocks (the tags are templatetags/seo_tags.py)."""

import json

from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe


def site_root_url(page):
    """The page's site address (https://host), or "" for a page outside any site."""
    url_parts = page.get_url_parts()
    return url_parts[1] if url_parts else ""


def organisation_id(root_url):
    """The one identifier of APLE in the site's structured data, the same in both languages: the office
    pages' Place blocks point at the home page's organisation through it."""
    return f"{root_url}/#organisation"


def json_ld(data):
    """A <script type="application/ld+json"> block, escaped so page text can never close the script."""
    payload = json.dumps(data, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')
