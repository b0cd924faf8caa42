"""Navigation built from the page tree: the main menu, breadcrumbs and the site's settings-driven links."""

from django import template
from django.apps import apps
from django.conf import settings
from django.urls import translate_url

from wagtail.models import Page, Site

from ..caching import cached
from ..i18n import active_language, language_versions, localized_root

register = template.Library()


def _site_root(request):
    """The home page in the visitor's language."""
    site = Site.find_for_request(request) if request else None
    return localized_root(site) if site else None


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """Live children of the home page that editors marked 'Show in menus', in tree order."""
    request = context.get("request")
    root = _site_root(request)
    current = context.get("page")
    items = cached(f"menu:{root.pk}", lambda: list(_menu_items(root))) if root else []
    return {
        "root": root,
        "items": items,
        "current_path": getattr(current, "url_path", ""),
        "request": request,
    }


def _menu_items(root):
    return root.get_children().live().in_menu().only("title", "url_path", "path", "depth")


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the home page to the current page; nothing on the home page itself."""
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": [], "page": page}
    ancestors = page.get_ancestors().filter(depth__gte=2).only("title", "url_path", "path", "depth")
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}


# Page types that page furniture (header, footer, banner) links to: fetched together, in one query.
LINKED_PAGE_TYPES = ("offices.OfficeIndexPage", "aple_site.StandardPage", "aple_site.CookiePolicyPage")


def _first_pages_by_type(root, labels):
    """{label: first live page of that type under root, in tree order, or None}, in one query."""
    from django.contrib.contenttypes.models import ContentType

    types = {ContentType.objects.get_for_model(apps.get_model(label)).pk: label for label in labels}
    found = dict.fromkeys(labels)
    pages = (
        Page.objects.live()
        .descendant_of(root, inclusive=True)
        .filter(content_type_id__in=types)
        .order_by("path")
        .only("title", "url_path", "path", "content_type_id")
    )
    for page in pages:
        label = types[page.content_type_id]
        if found[label] is None:
            found[label] = page
    return found


@register.simple_tag(takes_context=True)
def page_of_type(context, model_label):
    """The first live page of a type ('app_label.ModelName') in the current site, or None.

    For links to pages (e.g. the offices index) whose address editors may change. Cached on the request,
    and the page furniture's links across requests until content changes."""
    request = context.get("request")
    root = _site_root(request)
    if root is None:
        return None
    cache = getattr(request, "_pages_by_type", None)
    if cache is None or model_label not in cache:
        if model_label in LINKED_PAGE_TYPES:
            found = cached(f"linked-pages:{root.pk}", lambda: _first_pages_by_type(root, LINKED_PAGE_TYPES))
        else:
            found = _first_pages_by_type(root, (model_label,))
        cache = {**(cache or {}), **found}
        request._pages_by_type = cache
    return cache[model_label]


@register.simple_tag(takes_context=True)
def home_url(context):
    """The home page in the visitor's language, e.g. /km/."""
    root = _site_root(context.get("request"))
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
                    "full_url": request.build_absolute_uri(translate_url(request.get_full_path(), code)),
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
