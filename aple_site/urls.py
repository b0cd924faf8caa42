from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_page, never_cache
from django.views.generic import RedirectView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from cookie_consent.views import CookieStatusView

from . import consent_views, views
from . import search as search_views
from .sitemap import MultilingualSitemap

# The admin address is configurable so that it is not where password-guessing bots look first.
ADMIN_PATH = settings.WAGTAIL_ADMIN_PATH

urlpatterns = [
    path(f"{ADMIN_PATH}/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz/", views.health, name="health"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", cache_page(60 * 60)(sitemap), {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    # django-cookie-consent's endpoints (the preferences page, in each language, is below).
    path("cookies/accept/", consent_views.AcceptView.as_view(), name="cookie_consent_accept"),
    path("cookies/decline/", consent_views.DeclineView.as_view(), name="cookie_consent_decline"),
    path("cookies/status/", never_cache(CookieStatusView.as_view()), name="cookie_consent_status"),
    path(
        "cookies/",
        RedirectView.as_view(pattern_name="cookie_preferences"),
        name="cookie_consent_cookie_group_list",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages in each language under its prefix: /en/…, /km/…. The bare root redirects to the language the
# browser prefers (LocaleMiddleware).
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    # Our preferences page instead of django-cookie-consent's unstyled list.
    path("cookies/preferences/", consent_views.cookie_preferences, name="cookie_preferences"),
    re_path(serve_pattern, views.serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),  # Wagtail's password and login views for private pages
    prefix_default_language=True,
)

handler404 = views.page_not_found
handler500 = views.server_error
