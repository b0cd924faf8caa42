"""Template tags for the page furniture built from the page tree: the main menu, breadcrumbs, links to pages of
a type (the footer's), the home page's address and the language switcher."""

import operator
from functools import reduce

from django import template
from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.db.models.functions import Substr
from django.urls import translate_url

from wagtail import hooks
from wagtail.models import Page, Site

from ..addresses import absolute
from ..caching.version import cached
from ..i18n.languages import active_language
from ..i18n.pages import language_versions, localized_home
from ..web.phone import tel_number

register = template.Library()


@register.filter
def with_any(items, names):
    """`{{ pages|with_any:"phone,email" }}`: the items that have at least one of these attributes filled in."""
    fields = [name.strip() for name in names.split(",")]
    return [item for item in items if any(getattr(item, field, None) for field in fields)]


@register.filter
def tel(number):
    """`{{ number|tel }}`: the number as a tel: link dials it (aple_site/web/phone.py)."""
    return tel_number(number)


def _site_root(context):
    """The home page in the visitor's language, or None."""
    request = context.get("request")
    return localized_home(request) if request is not None else None


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """Live children of the home page that editors marked 'Show in menus', in tree order."""
    root = _site_root(context)
    current = context.get("page")
    items = _cached_menu(root)
    return {
        "root": root,
        "items": items,
        "current_path": getattr(current, "url_path", ""),
        "request": context.get("request"),
    }


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """The main menu's pages, for pages that list them (the 404 page)."""
    return _cached_menu(_site_root(context))


def _cached_menu(root):
    return cached(f"menu:{root.pk}", lambda: list(_menu_items(root))) if root else []


def _menu_items(root):
    """The menu's pages, without a section that waits for its first item (shown_when_empty = False, e.g. news):
    a menu entry that leads to "nothing here yet" would waste a visitor's time."""
    items = list(root.get_children().live().in_menu().only("title", "url_path", "path", "depth", "content_type"))
    waiting = [item for item in items if not getattr(item.specific_class, "shown_when_empty", True)]
    if not waiting:
        return items
    # One query: the distinct parents (their paths) of the waiting sections' live children.
    children = Page.objects.live().public().filter(depth=root.depth + 2)
    children = children.filter(reduce(operator.or_, (Q(path__startswith=item.path) for item in waiting)))
    parent = Substr("path", 1, root.steplen * (root.depth + 1))
    filled = set(children.annotate(parent=parent).values_list("parent", flat=True).distinct())
    return [item for item in items if item not in waiting or item.path in filled]


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the home page to the current page; nothing on the home page itself."""
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": [], "page": page}
    ancestors = page.get_ancestors().filter(depth__gte=2).only("title", "url_path", "path", "depth")
    if page.pk is not None and not getattr(context.get("request"), "is_preview", False):
        ancestors = cached(f"ancestors:{page.path}", lambda: list(ancestors))  # (a move bumps the content version)
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}


def _first_page_of_type(root, model):
    """The first live page of `model` under root (itself included), in tree order, or None."""
    return (
        model.objects.live()
        .descendant_of(root, inclusive=True)
        .order_by("path")
        .only("title", "url_path", "path")
        .first()
    )


@register.simple_tag(takes_context=True)
def page_of_type(context, model_label):
    """The first live page of a type ('app_label.ModelName') in the visitor's home page's tree, or None (also
    when no such type is installed).

    For links from the page furniture to pages whose address editors may change (the cookie policy, the
    offices). Cached across requests until content changes."""
    root = _site_root(context)
    try:
        model = apps.get_model(model_label)
    except (LookupError, ValueError):
        return None
    if root is None:
        return None
    # False stands for "there is none", so that a missing page is cached too.
    found = cached(f"page-of-type:{root.pk}:{model_label}", lambda: _first_page_of_type(root, model) or False)
    return found or None


@register.simple_tag(takes_context=True)
def pages_of_type(context, model_label):
    """Every live page of a type in the visitor's home page's tree, in tree order (an empty list when the type
    is not installed). For page furniture that lists a few pages, such as the offices' contact details in the
    footer. Cached across requests until content changes."""
    root = _site_root(context)
    try:
        model = apps.get_model(model_label)
    except (LookupError, ValueError):
        return []
    if root is None:
        return []
    return cached(
        f"pages-of-type:{root.pk}:{model_label}",
        lambda: list(model.objects.live().public().descendant_of(root).order_by("path")),
    )


@register.simple_tag(takes_context=True)
def footer_links(context):
    """Links the content apps add to the footer, without the core naming them: each answers the Wagtail hook
    "footer_links": fn(home) -> [{"label", "title", "url"}] (e.g. the latest annual report). Cached until
    content changes."""
    root = _site_root(context)
    if root is None:
        return []
    return cached(
        f"footer-links:{root.pk}", lambda: [link for hook in hooks.get_hooks("footer_links") for link in hook(root)]
    )


@register.simple_tag(takes_context=True)
def home_url(context):
    """The home page in the visitor's language, e.g. /km/."""
    root = _site_root(context)
    return root.get_url(context.get("request")) if root else f"/{active_language()}/"


def _language_versions(context):
    """The current page (or view) in every language; cached on the request."""
    request = context.get("request")
    if request is None:
        return []
    if not hasattr(request, "_language_versions"):
        page = context.get("page")
        if isinstance(page, Page) and page.pk and Site.find_for_request(request):
            request._language_versions = language_versions(page, request)
        else:
            # A view that is not a page (search, cookie settings, a 404): the same address in each language.
            request._language_versions = [
                {
                    "code": code,
                    "name": name,
                    "url": translate_url(request.get_full_path(), code),
                    "full_url": absolute(request, translate_url(request.get_full_path(), code)),
                    "translated": True,
                }
                for code, name in settings.LANGUAGES
            ]
    return request._language_versions


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in the other languages; to that language's home page, saying so, when the page
    has no translation yet."""
    current = active_language()
    return {"versions": [v for v in _language_versions(context) if v["code"] != current], "current": current}


@register.inclusion_tag("includes/language_alternates.html", takes_context=True)
def language_alternates(context):
    """<link rel="alternate" hreflang> for every language the page exists in, and x-default (English)."""
    versions = [v for v in _language_versions(context) if v["translated"]]
    default = next((v for v in versions if v["code"] == settings.LANGUAGE_CODE), None)
    return {"versions": versions if len(versions) > 1 else [], "default": default}
