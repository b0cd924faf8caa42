"""Admin registration of this app's snippets."""

from wagtail.snippets.models import register_snippet

from .consent.snippets import CookieConsentGroup

register_snippet(CookieConsentGroup)
