"""The help section in the admin: reports, contact messages and the audit log (help/viewsets.py), and the
Hotline's dashboard panel (help/dashboard.py)."""

from wagtail import hooks

from .dashboard import HotlinePanel
from .viewsets import AuditLogViewSet, ContactMessageViewSet, ReportViewSet


@hooks.register("register_admin_viewset")
def register_report_viewset():
    return ReportViewSet()


@hooks.register("register_admin_viewset")
def register_contact_message_viewset():
    return ContactMessageViewSet()


@hooks.register("register_admin_viewset")
def register_audit_log_viewset():
    return AuditLogViewSet()


@hooks.register("construct_homepage_panels")
def add_hotline_panel(request, panels):
    panel = HotlinePanel(request.user)
    if panel.shown:
        panels.insert(0, panel)
