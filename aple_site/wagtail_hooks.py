"""Admin registration of this app's snippets, the editors' dashboard panels, the translation status report and
the site's content checks (aple_site/editing/)."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from .consent.snippets import CookieConsentGroup
from .editing.checks import use_site_checks
from .editing.dashboard import editors_panels
from .editing.views import TranslationStatusView
from .i18n.takedown import translations_to_take_down
from .search.snippets import SearchSynonymViewSet

register_snippet(CookieConsentGroup)
register_snippet(SearchSynonymViewSet)


@hooks.register("construct_homepage_panels")
def add_editors_panels(request, panels):
    panels.extend(editors_panels(request))


@hooks.register("register_admin_urls")
def translation_status_urls():
    return [path("reports/translation-status/", TranslationStatusView.as_view(), name="translation_status")]


@hooks.register("register_reports_menu_item")
def translation_status_menu_item():
    return MenuItem("Translation status", reverse("translation_status"), icon_name="globe", order=700)


hooks.register("construct_wagtail_userbar", use_site_checks)
# The unpublish and delete confirmations name the translations that go with the page (aple_site/i18n/takedown.py).
hooks.register("construct_translated_pages_to_cascade_actions", translations_to_take_down)


@hooks.register("insert_global_admin_css")
def khmer_font_in_the_admin():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))
