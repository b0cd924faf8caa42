"""The 404 and 500 pages. The 500 page is rendered from a static template with no database access, so it still
works when the database is what failed."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def page_not_found(request, exception=None):
    return HttpResponseNotFound(loader.render_to_string("404.html", {"request_path": request.path}, request))


def numbers_to_call():
    """The numbers on pages rendered without the database: someone reporting a child at risk must still find them."""
    return {"hotline": settings.ERROR_PAGE_HOTLINE_PHONE, "police": settings.ERROR_PAGE_POLICE_PHONE}


def server_error(request):
    # No request context: context processors (site settings, navigation) would touch the database.
    return HttpResponseServerError(loader.get_template("500.html").render({"numbers": numbers_to_call()}))


def too_many_requests(request, minutes):
    """429, with the numbers to call. No request context, as for the 500: it costs no query."""
    context = {"numbers": numbers_to_call(), "minutes": minutes}
    return HttpResponse(loader.get_template("429.html").render(context), status=429)
