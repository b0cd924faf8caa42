"""`{% icon "phone" %}`: a self-hosted SVG icon from static/icons/ (Lucide, ISC licence), inlined.

Inline rather than <img> or a sprite: no extra request on a slow connection, the icon takes the text colour
(`currentColor`), and nothing depends on a third party or an icon font. Icons are decoration: the text beside
them says what they mean, so they are hidden from assistive technology.

A list that repeats a few icons many times (the timeline's categories) draws each once in the page instead:
`{% icon_symbols names %}` before the list, `{% icon_use name %}` in it (a few dozen bytes each, not 400)."""

import re
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


def _symbol_id(name):
    return f"icon-symbol-{name}"


@register.simple_tag
def icon_symbols(names):
    """An invisible SVG that defines each icon of `names` once, for icon_use to draw."""
    symbols = []
    for name in dict.fromkeys(names):
        svg = _svg(name)
        if svg is None:
            continue
        opening, _, rest = svg.partition(">")
        attributes = re.sub(r'\s(xmlns|class|width|height)="[^"]*"', "", opening.removeprefix("<svg"))
        inner = rest.rsplit("</svg>", 1)[0]
        symbols.append(f'<symbol id="{_symbol_id(name)}"{attributes}>{inner}</symbol>')
    if not symbols:
        return ""
    return mark_safe(f'<svg class="icon-symbols" aria-hidden="true" focusable="false">{"".join(symbols)}</svg>')


@register.simple_tag
def icon_use(name):
    """The icon `name` as defined on the page by icon_symbols."""
    classes = f"icon icon--{name}"
    return mark_safe(
        f'<svg class="{classes}" aria-hidden="true" focusable="false" width="24" height="24">'
        f'<use href="#{_symbol_id(name)}"/></svg>'
    )
