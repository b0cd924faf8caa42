from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from .caching.views import cached_until_content_changes
from .consent import urls as consent_urls
from .search import views as search
from .web import crawlers, errors, health, routing

# The admin address is configurable so that it is not where password-guessing bots look first.
ADMIN_PATH = settings.WAGTAIL_ADMIN_PATH

urlpatterns = [
    path(f"{ADMIN_PATH}/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz/", health.health, name="health"),
    path("robots.txt", crawlers.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        cached_until_content_changes(sitemap, query_params=("p",)),
        {"sitemaps": {"pages": crawlers.MultilingualSitemap}},
        name="sitemap",
    ),
    *consent_urls.endpoints,
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # As behind the shipped nginx: uploads are served, but never an image's original file (deploy/nginx-aple.conf).
    urlpatterns += [re_path(r"^media/original_images/", errors.page_not_found)]
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages in each language under its prefix: /en/…, /km/…. The bare root redirects to the language the
# browser prefers (LocaleMiddleware).
urlpatterns += i18n_patterns(
    path("search/", search.search, name="search"),
    *consent_urls.pages,
    # Wagtail's views for private pages (/en/_util/authenticate_with_password/…, /en/_util/login/), before the
    # page catch-all, which would answer their addresses too. Its own page view is replaced by ours.
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    re_path(serve_pattern, routing.serve_page, name="wagtail_serve"),
    prefix_default_language=True,
)

handler404 = errors.page_not_found
handler500 = errors.server_error
