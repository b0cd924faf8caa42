"""Response headers Django has no setting for: Permissions-Policy, the analytics host in the CSP, and the
framing rule of the admin's preview."""

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


class PreviewFramingMiddleware:
    """Lets the Wagtail admin frame its own previews; nobody may frame a public page.

    Wagtail renders a preview by running a made-up request for the page's public address through the whole
    middleware stack (`Page.make_preview_request`), so that response gets the public CSP and its
    `frame-ancestors 'none'`, and the browser refuses to draw it in the editor's preview panel. Wagtail marks
    such requests `is_preview`: their `frame-ancestors` becomes 'self' (the admin is on the same origin), and
    X-Frame-Options SAMEORIGIN to match. Must sit below django-csp's middleware, which reads the replacement."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_preview", False):
            response._csp_replace = {**(getattr(response, "_csp_replace", None) or {}), "frame-ancestors": ["'self'"]}
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response
