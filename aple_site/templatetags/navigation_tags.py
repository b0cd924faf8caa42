"""Navigation built from the page tree: the main menu, breadcrumbs and the site's settings-driven links."""

from django import template
from django.apps import apps

from wagtail.models import Page, Site

from ..caching import cached

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


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
