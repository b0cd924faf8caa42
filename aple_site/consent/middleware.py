"""Withdrawn consent really removes cookies: on every response, and when preferences are saved."""

import logging

from django.conf import settings
from django.db import DatabaseError

from cookie_consent.cache import all_cookie_groups
from cookie_consent.middleware import CleanCookiesMiddleware
from cookie_consent.util import get_cookie_dict_from_request

logger = logging.getLogger(__name__)


def cookie_names_to_delete(request, groups):
    """Cookies the browser holds that belong to `groups`, matching by prefix: Matomo's `_pk_id` is sent
    as `_pk_id.<site>.<hash>`."""
    prefixes = [(cookie.name, cookie) for group in groups for cookie in group.cookie_set.all()]
    return [
        (name, cookie)
        for name in request.COOKIES
        for prefix, cookie in prefixes
        if name == prefix or name.startswith(prefix + ".")
    ]


class ConsentCookieCleanupMiddleware(CleanCookiesMiddleware):
    """Like the package's middleware (deletes cookies of groups not accepted), but also matches cookies
    whose names carry a suffix, so withdrawing consent really removes them."""

    def process_response(self, request, response):
        if not request.COOKIES:  # nothing to delete (most first visits; crawlers; health checks)
            return response
        choices = get_cookie_dict_from_request(request)
        try:
            groups = all_cookie_groups().values()
        except DatabaseError:
            # The database is down: the response (most likely the error page) goes out without the clean-up,
            # rather than the clean-up replacing it with a second error.
            logger.warning("Consent clean-up skipped: the database is unreachable")
            return response
        undecided_or_declined = [
            group
            for group in groups
            if group.is_deletable and choices.get(group.varname) in (None, settings.COOKIE_CONSENT_DECLINE)
        ]
        for name, cookie in cookie_names_to_delete(request, undecided_or_declined):
            response.delete_cookie(name, cookie.path or "/", cookie.domain or None)
        return response
