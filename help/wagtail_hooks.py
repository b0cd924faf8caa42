"""Reports and contact messages in the admin: listed and read by the Hotline group only (Django's view_ and
delete_ permissions, given by load_initial_data); nobody creates or edits them there."""

import functools

from django.core.exceptions import PermissionDenied
from django.urls import URLPattern
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import ContactMessage, Report


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Reports and messages come from the public forms only: no one adds or changes one, superusers included."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


class ReceivedViewSet(ModelViewSet):
    """What the public forms sent: a list, and each item read in full in the inspect view."""

    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["reference", "received_at", "language"]
    list_filter = ["received_at"]
    form_fields = []

    @property
    def permission_policy(self):
        return ReadOnlyPolicy(self.model)

    def get_urlpatterns(self):
        """Wagtail answers a refused admin page with a redirect to the dashboard; here the answer is a plain
        403, so that no one mistakes a refusal for a page that moved."""
        return [forbidden_when_refused(pattern) for pattern in super().get_urlpatterns()]


class ReportViewSet(ReceivedViewSet):
    model = Report
    icon = "warning"
    menu_label = _("Hotline reports")
    menu_order = 250
    url_prefix = "hotline-reports"
    name = "help_report"
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


class ContactMessageViewSet(ReceivedViewSet):
    model = ContactMessage
    icon = "mail"
    menu_label = _("Contact messages")
    menu_order = 251
    url_prefix = "contact-messages"
    name = "help_contactmessage"
    inspect_view_fields = ["reference", "received_at", "language", "sender", "message"]


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


@hooks.register("register_admin_viewset")
def register_contact_message_viewset():
    return ContactMessageViewSet()
