"""Per-client limits on the forms that guess secrets: a private page's password, the admin's login and its
password reset. Each answers 429 (templates/429.html) once a client has posted it too often.

django-axes locks a user name out from one address after a few failures, but counted per pair: one address
could try forty user names. A private page's password form had no limit at all (200 guesses in 3 s, then the right
one worked), and the admin's password reset sent as many e-mails as it was asked to. Every post counts, right or
wrong: a person types a password a few times, a script thousands. Counted in the shared cache per client
(clients.py: an address, or an IPv6 /64); with the cache down, no one is limited (the site stays up)."""

import re

from django.conf import settings

from .clients import within_rate
from .errors import too_many_requests


def _limits():
    admin = re.escape(settings.WAGTAIL_ADMIN_PATH)
    return [
        # (scope, path pattern, posts allowed, per seconds)
        ("page-password", re.compile(r"^/[a-z]{2}/_util/authenticate_with_password/"), 10, 15 * 60),
        ("admin-login", re.compile(rf"^/{admin}/login/$"), 20, 15 * 60),
        ("admin-password-reset", re.compile(rf"^/{admin}/password_reset/$"), 5, 60 * 60),
    ]


class GuessingLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.limits = _limits()

    def __call__(self, request):
        if request.method == "POST":
            for scope, pattern, limit, period in self.limits:
                if pattern.match(request.path_info) and not within_rate(request, scope, limit, period):
                    return too_many_requests(request, minutes=period // 60)
        return self.get_response(request)
