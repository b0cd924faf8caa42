"""Navigation built from the page tree: the main menu, breadcrumbs and the site's settings-driven links."""

from django import template
from django.apps import apps

from wagtail.models import Page, Site

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
    items = root.get_children().live().in_menu().only("title", "url_path", "path", "depth") if root else []
    return {
        "root": root,
        "items": items,
        "current_path": getattr(current, "url_path", ""),
        "request": request,
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the home page to the current page; nothing on the home page itself."""
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": [], "page": page}
    ancestors = page.get_ancestors().filter(depth__gte=2).only("title", "url_path", "path", "depth")
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}


@register.simple_tag(takes_context=True)
def page_of_type(context, model_label):
    """The first live page of a type ('app_label.ModelName') in the current site, or None.

    For links to single pages (e.g. the offices index) whose address editors may change."""
    request = context.get("request")
    cache = getattr(request, "_pages_by_type", None) if request else None
    if cache is not None and model_label in cache:
        return cache[model_label]  # header, footer and banner may ask for the same page
    root = _site_root(request)
    page = None
    if root is not None:
        model = apps.get_model(model_label)
        page = model.objects.live().descendant_of(root, inclusive=True).only("title", "url_path", "path").first()
    if request is not None:
        request._pages_by_type = {**(cache or {}), model_label: page}
    return page
