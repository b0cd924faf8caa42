"""Reports in the admin: listed and read by the Hotline group only (Django permissions view_report and
delete_report, given by load_initial_data); nobody creates or edits them there."""

import functools

from django.core.exceptions import PermissionDenied
from django.urls import URLPattern
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Report


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Reports come from the public form only: no one adds or changes one, superusers included."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


class ReportViewSet(ModelViewSet):
    model = Report
    icon = "warning"
    menu_label = _("Hotline reports")
    add_to_admin_menu = True
    menu_order = 250
    url_prefix = "hotline-reports"
    name = "help_report"
    inspect_view_enabled = True
    list_display = ["reference", "received_at", "language"]
    list_filter = ["received_at"]
    form_fields = []
    inspect_view_fields = [
        "reference",
        "received_at",
        "language",
        "child_in_immediate_danger",
        "concern",
        "what_happened",
        "where",
        "when",
        "reporter",
    ]

    @property
    def permission_policy(self):
        return ReadOnlyPolicy(self.model)

    def get_urlpatterns(self):
        """Wagtail answers a refused admin page with a redirect to the dashboard; for reports the answer is a
        plain 403, so that no one mistakes a refusal for a page that moved."""
        return [forbidden_when_refused(pattern) for pattern in super().get_urlpatterns()]


def forbidden_when_refused(pattern):
    if not isinstance(pattern, URLPattern):
        return pattern
    view = pattern.callback

    @functools.wraps(view)
    def refusing_with_403(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as refused:
            return permission_denied(request, refused)

    return URLPattern(pattern.pattern, refusing_with_403, pattern.default_args, pattern.name)


@hooks.register("register_admin_viewset")
def register_report_viewset():
    return ReportViewSet()
