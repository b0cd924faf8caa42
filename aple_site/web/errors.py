"""The 404 and 500 pages. The 500 page is rendered from a static template with no database access, so it still
works when the database is what failed."""

from django.conf import settings
from django.http import HttpResponseNotFound, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def page_not_found(request, exception=None):
    return HttpResponseNotFound(loader.render_to_string("404.html", {"request_path": request.path}, request))


def server_error(request):
    # No request context: context processors (site settings, navigation) would touch the database. The numbers to
    # call come from the settings instead: someone reporting a child at risk must still find them.
    numbers = {"hotline": settings.ERROR_PAGE_HOTLINE_PHONE, "police": settings.ERROR_PAGE_POLICE_PHONE}
    return HttpResponseServerError(loader.get_template("500.html").render({"numbers": numbers}))
