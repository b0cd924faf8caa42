"""`{% icon "phone" %}`: a self-hosted SVG icon from static/icons/ (Lucide, ISC licence), inlined.

Inline rather than <img> or a sprite: no extra request on a slow connection, the icon takes the text colour
(`currentColor`), and nothing depends on a third party or an icon font. Icons are decoration: the text beside
them says what they mean, so they are hidden from assistive technology."""

from functools import lru_cache
from pathlib import Path

from django import template
from django.contrib.staticfiles import finders
from django.utils.safestring import mark_safe

register = template.Library()


FALLBACK = "arrow-right"


@lru_cache(maxsize=64)
def _svg(name):
    """The icon's SVG, or None when static/icons/ has no such file."""
    path = finders.find(f"icons/{name}.svg") if name and "/" not in name else None
    return Path(path).read_text(encoding="utf-8").strip() if path else None


@register.simple_tag
def icon(name, css_class=""):
    """An unknown name (a page type without an icon) draws the fallback arrow rather than breaking the page."""
    if _svg(name) is None:
        name = FALLBACK
    classes = f"icon icon--{name} {css_class}".strip()
    attributes = f'<svg class="{classes}" aria-hidden="true" focusable="false" width="24" height="24"'
    return mark_safe(_svg(name).replace("<svg", attributes, 1))  # the file is ours, not user input
