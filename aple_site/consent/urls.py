"""The consent endpoints: django-cookie-consent's accept, decline and status (one address for every language),
and our preferences page, which aple_site/urls.py mounts under each language prefix."""

from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.generic import RedirectView

from . import views

endpoints = [
    path("cookies/accept/", views.AcceptView.as_view(), name="cookie_consent_accept"),
    path("cookies/decline/", views.DeclineView.as_view(), name="cookie_consent_decline"),
    path("cookies/status/", never_cache(views.CookieStatusView.as_view()), name="cookie_consent_status"),
    path("cookies/", RedirectView.as_view(pattern_name="cookie_preferences"), name="cookie_consent_cookie_group_list"),
]

# Our preferences page instead of django-cookie-consent's unstyled list.
pages = [path("cookies/preferences/", views.cookie_preferences, name="cookie_preferences")]
