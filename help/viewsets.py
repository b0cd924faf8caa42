"""Reports and contact messages in the admin, for the Hotline group only: a triaged list (a child in immediate
danger first, filters by status, concern and danger), each report read in full and worked on (status, who it is
assigned to, internal notes, a message back to the reporter), every look and change written to the audit log,
which the Hotline leads read. Times are Cambodia's everywhere (hotline_time)."""

import functools

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import URLPattern
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import DeleteView, EditView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .access import HOTLINE_GROUP, HOTLINE_LEADS_GROUP, hotline_members, in_group
from .models import AuditEntry, ContactMessage, Report, ReportNote

Action = AuditEntry.Action


class GroupPolicy(ModelPermissionPolicy):
    """The model's Django permissions, for members of `group` only (superusers included: they too must be in
    it). Nobody adds an item in the admin; `changeable` says whether anyone may change one."""

    def __init__(self, model, group, changeable=False):
        super().__init__(model)
        self.group, self.changeable = group, changeable

    def user_has_permission(self, user, action):
        if action == "add" or (action == "change" and not self.changeable):
            return False
        return in_group(user, self.group) and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(actions).filter(groups__name=self.group)


class AuditedInspectView(InspectView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        AuditEntry.record(request.user, Action.VIEWED, self.object)
        return response


class AuditedDeleteView(DeleteView):
    def delete_action(self):
        AuditEntry.record(self.request.user, Action.DELETED, self.object)
        super().delete_action()


class CaseworkForm(WagtailAdminModelForm):
    """The hotline's work on a report: status, assignment, the message to the reporter, and a new internal note."""

    new_note = forms.CharField(
        label="Add an internal note",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For the Hotline team only; the reporter never sees it. Stored encrypted, with your name and the time.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "assigned_to" in self.fields:
            self.fields["assigned_to"].queryset = hotline_members()
        if "reply" in self.fields:
            self.fields["reply"].widget = forms.Textarea(attrs={"rows": 4})


class ReportEditView(EditView):
    """Opening a report to work on it is a look at it (logged); saving logs what changed, never what was written."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)  # (finds the report, or refuses)
        AuditEntry.record(request.user, Action.OPENED_FOR_EDITING, self.object)
        return response

    def save_instance(self):
        report, changed = self.form.instance, self.form.changed_data
        if "status" in changed:
            report.status_changed_at, report.status_changed_by = timezone.now(), self.request.user
        instance = super().save_instance()
        note = self.form.cleaned_data.get("new_note", "").strip()
        if note:
            ReportNote.objects.create(report=instance, author=self.request.user, text=note)
        AuditEntry.record(self.request.user, Action.CHANGED, instance, describe_changes(self.form, note))
        return instance


def describe_changes(form, note):
    """What a save changed, for the audit log: a status or an assignment by name, the message by its presence."""
    parts = []
    for name in form.changed_data:
        if name == "status":
            parts.append(f"status: {form.instance.get_status_display()}")
        elif name == "assigned_to":
            assignee = form.instance.assigned_to
            parts.append(f"assigned to: {assignee.get_username() if assignee else 'nobody'}")
        elif name == "reply":
            parts.append("message to the reporter changed")
    if note:
        parts.append("internal note added")
    return "; ".join(parts) or "saved without changes"


class TriagedIndexView(IndexView):
    def get_base_queryset(self):
        return Report.objects.triaged().select_related("assigned_to")


class GroupViewSet(ModelViewSet):
    """Admin views for the members of one group only (GroupPolicy), answering anyone else with a plain 403."""

    group = None
    changeable = False
    add_to_admin_menu = True
    form_fields = []

    @property
    def permission_policy(self):
        return GroupPolicy(self.model, self.group, changeable=self.changeable)

    def get_urlpatterns(self):
        """Wagtail answers a refused admin page with a redirect to the dashboard; here the answer is a plain
        403, so that no one mistakes a refusal for a page that moved."""
        return [forbidden_when_refused(pattern) for pattern in super().get_urlpatterns()]


class HotlineViewSet(GroupViewSet):
    """What the public forms sent: a list, each item read in full in the inspect view (logged)."""

    group = HOTLINE_GROUP
    inspect_view_enabled = True
    inspect_view_class = AuditedInspectView
    delete_view_class = AuditedDeleteView
    ordering = None


RECEIVED = Column("received", label="Received (Cambodia)", sort_key="received_at")


class ReportViewSet(HotlineViewSet):
    model = Report
    icon = "warning"
    menu_label = _("Hotline reports")
    menu_order = 250
    url_prefix = "hotline-reports"
    name = "help_report"
    changeable = True
    index_view_class = TriagedIndexView
    edit_view_class = ReportEditView
    list_display = [
        "reference",
        RECEIVED,
        Column("danger", label="Child in immediate danger", accessor="urgency"),
        Column("concern", label="About", accessor="get_concern_display"),
        Column("status", label="Status", accessor="get_status_display", sort_key="status"),
        Column("assigned_to", label="Assigned to", accessor="assignee"),
    ]
    list_filter = ["status", "concern", "danger"]
    inspect_view_fields = [
        "reference",
        "received",
        "language",
        "danger",
        "concern",
        "what_happened",
        "where",
        "when",
        "reporter",
        "status",
        "status_changed",
        "assigned_to",
        "reply",
        "case_notes",
    ]
    edit_handler = ObjectList(
        [
            HelpPanel(template="help/admin/report_summary.html", heading="The report"),
            FieldPanel("status"),
            FieldPanel("assigned_to"),
            FieldPanel("reply"),
            FieldPanel("new_note"),
        ],
        base_form_class=CaseworkForm,
    )


class ContactMessageViewSet(HotlineViewSet):
    model = ContactMessage
    icon = "mail"
    menu_label = _("Contact messages")
    menu_order = 251
    url_prefix = "contact-messages"
    name = "help_contactmessage"
    list_display = ["reference", RECEIVED, "language"]
    inspect_view_fields = ["reference", "received", "language", "sender", "message"]


class AuditLogViewSet(GroupViewSet):
    """Who looked at or changed which report or message, and when: for the Hotline leads."""

    model = AuditEntry
    group = HOTLINE_LEADS_GROUP
    icon = "history"
    menu_label = _("Hotline audit log")
    menu_order = 252
    url_prefix = "hotline-audit-log"
    name = "help_auditentry"
    list_display = [
        Column("when", label="When (Cambodia)", sort_key="at"),
        "username",
        "action",
        "reference",
        "detail",
    ]
    list_filter = ["action"]
    search_fields = ["reference", "username"]
    search_backend_name = None  # the database's own LIKE on the reference and the name (not Wagtail's index)


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
