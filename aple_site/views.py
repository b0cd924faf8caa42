"""Page serving, error views, the health check and robots.txt. The 500 page is rendered from a static template with no database access, so it still
works when the database is what failed."""

import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, HttpResponseNotFound, HttpResponseServerError, JsonResponse
from django.template import loader
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import requires_csrf_token

from wagtail import views as wagtail_views
from wagtail.models import Site

from .i18n import localized_root

logger = logging.getLogger(__name__)


@requires_csrf_token
def page_not_found(request, exception=None):
    return HttpResponseNotFound(loader.render_to_string("404.html", {"request_path": request.path}, request))


def server_error(request):
    # No request context: context processors (site settings, navigation) would touch the database.
    return HttpResponseServerError(loader.get_template("500.html").render({}))


@never_cache
def health(request):
    """For load balancers: 200 when the app can reach its database, 503 when it cannot."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: database unreachable")
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@cache_control(max_age=60 * 60, public=True)
def robots_txt(request):
    """Crawlers may read the public site, not the admin or the consent endpoints."""
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.WAGTAIL_ADMIN_PATH}/",
        "Disallow: /cookies/",
        *(f"Disallow: /{code}/cookies/" for code, _name in settings.LANGUAGES),
        "Disallow: /documents/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def serve_page(request, path):
    """Wagtail's page view, routed from the visitor's home page as kept in the cache.

    Wagtail would look up the site's home page, the active locale and the home page's translation on every
    request before routing. Wagtail's serve() reuses a route found earlier in the request (it documents
    request._wagtail_route_for_request for that), so its hooks and privacy checks still run as usual."""
    site = Site.find_for_request(request)
    if site is not None:
        components = [component for component in path.split("/") if component]
        try:
            request._wagtail_route_for_request = localized_root(site).route(request, components)
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)
