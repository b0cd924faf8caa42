"""Page serving: Wagtail's page view, routed from the visitor's home page as kept in the cache."""

from django.http import Http404

from wagtail import views as wagtail_views

from ..i18n.pages import localized_home


def serve_page(request, path):
    """Wagtail's page view, routed from the visitor's home page as kept in the cache.

    Wagtail would look up the site's home page, the active locale and the home page's translation on every
    request before routing. Wagtail's serve() reuses a route found earlier in the request (it documents
    request._wagtail_route_for_request for that), so its hooks and privacy checks still run as usual."""
    home = localized_home(request)
    if home is not None:
        components = [component for component in path.split("/") if component]
        try:
            request._wagtail_route_for_request = home.route(request, components)
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)
