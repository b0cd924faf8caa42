"""Page routing: the same answer as Wagtail's, found with fewer queries.

Two shortcuts, both proven against Wagtail's own routing by aple_site/tests/test_routing.py (every seeded page in both
languages, an alias, a password-protected page, a RoutablePageMixin page and its routes, a moved page):

- serve_page starts from the visitor's home page as kept in the cache. Wagtail's page view would look up the
  site's root page, the active locale, the root's translation and its specific page on every request. It
  hands the route to Wagtail's own view through the attribute Wagtail documents for caching it
  (Page.route_for_request), so Wagtail's hooks, privacy checks and serving run exactly as usual; if Wagtail
  ever stopped reading it, Wagtail would route the request itself.
- route_below (HomePage.route) finds the page with one query on the URL paths along the address, instead of
  Wagtail's walk down the tree (two queries per level), and remembers the page found (when it is a page that
  answers its own address only) until the content changes: every publish, unpublish, move or deletion bumps the
  content version, so a remembered page is never one that is gone or elsewhere now."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import Http404

from wagtail import views as wagtail_views
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from ..caching.version import versioned_key
from ..i18n.pages import localized_home


def serve_page(request, path):
    """Wagtail's page view, routed from the visitor's home page as kept in the cache."""
    home = localized_home(request)
    if home is not None:
        components = [component for component in path.split("/") if component]
        try:
            request._wagtail_route_for_request = home.route(request, components)
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)


def routes_itself(page):
    """Whether the page's type answers sub-paths of its own (RoutablePageMixin, or any route() override)."""
    return page.specific_class is not None and page.specific_class.route is not Page.route


def route_below(home, request, path_components):
    """Wagtail's route from `home` for `path_components`: the page whose URL is the address, or, as in Wagtail's
    walk, the first page along the address whose type routes its own sub-paths, given the rest of it."""
    if not path_components:
        return Page.route(home, request, [])
    key = versioned_key(f"route:{home.pk}:{hashlib.sha256('/'.join(path_components).encode()).hexdigest()}")
    if page := cache.get(key):
        return RouteResult(page)
    result = _route_below(home, request, path_components)
    page, args, kwargs = result
    if not args and not kwargs and not routes_itself(page):
        cache.set(key, page, settings.CACHE_SECONDS)
    return result


def _route_below(home, request, path_components):
    prefixes = [
        home.url_path + "".join(f"{c}/" for c in path_components[:n]) for n in range(1, len(path_components) + 1)
    ]
    along = Page.objects.filter(url_path__in=prefixes, path__startswith=home.path).order_by("depth")
    target, remaining = home, path_components
    for page in along:  # from the top: each is the parent of the next
        target, remaining = page, path_components[page.depth - home.depth :]
        if remaining and routes_itself(page):
            break
    if target is home:
        raise Http404
    # Wagtail's own route() from there: serves the page, hands a routable page its sub-path, or raises Http404
    # for an address that goes on below the last page that exists.
    return target.specific.route(request, remaining)
