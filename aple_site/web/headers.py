"""Response headers Django has no setting for: Permissions-Policy, and the analytics host in the CSP."""

from urllib.parse import urlsplit

from django.conf import settings


class PermissionsPolicyMiddleware:
    """Adds the Permissions-Policy header (settings.PERMISSIONS_POLICY) to every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class AnalyticsCSPMiddleware:
    """Allows the analytics host (settings.ANALYTICS_SCRIPT_URL) in the Content-Security-Policy, when one
    is configured. Must sit below django-csp's middleware, which reads the update from the response."""

    DIRECTIVES = ("script-src", "connect-src", "img-src")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.ANALYTICS_SCRIPT_URL and not getattr(request, "safe_page", False):
            origin = "{0.scheme}://{0.netloc}".format(urlsplit(settings.ANALYTICS_SCRIPT_URL))
            update = getattr(response, "_csp_update", None) or {}
            for directive in self.DIRECTIVES:
                update[directive] = [*update.get(directive, []), origin]
            response._csp_update = update
        return response
