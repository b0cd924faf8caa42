"""Cookie groups, cookies and their durations as snippets, so editors keep the cookie policy true without a
developer (registered in aple_site/wagtail_hooks.py)."""

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cookie_consent.models import Cookie, CookieGroup

from .groups import COOKIE_GROUPS
from .models import CookieDuration, CookieGroupText

SEEDED_VARNAME_HELP = (
    "Fixed: the site's code and its consent script look this group up by this name, so changing it would stop "
    "visitors' choices from applying."
)


class CookieGroupForm(WagtailAdminModelForm):
    """A seeded group's variable name cannot be changed: the code relies on it (aple_site/consent/groups.py)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        varname = self.fields.get("varname")
        if varname is not None and self.instance.pk and self.instance.varname in COOKIE_GROUPS:
            varname.disabled = True  # Django then ignores whatever is posted for it
            varname.help_text = SEEDED_VARNAME_HELP
        elif varname is not None:
            varname.help_text = (
                "A short name for the code, e.g. 'maps' (letters, digits and hyphens). A new group does nothing "
                "until a developer uses this name."
            )


class CookieGroupViewSet(SnippetViewSet):
    model = CookieGroup
    icon = "list-ul"
    list_display = ["name", "varname", "is_required", "ordering"]
    edit_handler = ObjectList(
        [FieldPanel(name) for name in ("varname", "name", "description", "is_required", "is_deletable", "ordering")],
        base_form_class=CookieGroupForm,
    )


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


class CookieGroupTextViewSet(SnippetViewSet):
    model = CookieGroupText
    icon = "globe"
    menu_label = "Cookie groups in Khmer"
    list_display = ["group", "language", "name"]


class CookieConsentGroup(SnippetViewSetGroup):
    menu_label = "Cookies"
    menu_icon = "lock"
    menu_order = 300
    items = (CookieGroupViewSet, CookieGroupTextViewSet, CookieViewSet, CookieDurationViewSet)
