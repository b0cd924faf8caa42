"""Cookie groups, cookies and their durations as snippets, so editors keep the cookie policy true without a
developer (registered in aple_site/wagtail_hooks.py)."""

from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cookie_consent.models import Cookie, CookieGroup

from .models import CookieDuration


class CookieGroupViewSet(SnippetViewSet):
    model = CookieGroup
    icon = "list-ul"
    list_display = ["name", "varname", "is_required", "ordering"]
    panels = ["varname", "name", "description", "is_required", "is_deletable", "ordering"]


class CookieViewSet(SnippetViewSet):
    model = Cookie
    icon = "doc-full"
    list_display = ["name", "cookiegroup", "domain"]
    list_filter = ["cookiegroup"]
    panels = ["cookiegroup", "name", "description", "domain", "path"]


class CookieDurationViewSet(SnippetViewSet):
    model = CookieDuration
    icon = "time"
    list_display = ["cookie", "duration"]


class CookieConsentGroup(SnippetViewSetGroup):
    menu_label = "Cookies"
    menu_icon = "lock"
    menu_order = 300
    items = (CookieGroupViewSet, CookieViewSet, CookieDurationViewSet)
