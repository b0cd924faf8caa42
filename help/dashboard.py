"""The Hotline's panel on the admin's dashboard: reports that say a child is in immediate danger and are still
open, and reports and messages staff were not told of by e-mail within NOT_NOTIFIED_MINUTES (the mail server
failed: read them here)."""

from django.urls import reverse

from wagtail.admin.ui.components import Component

from .access import HOTLINE_GROUP, in_group
from .choices import Status
from .models import ContactMessage, Report
from .notifications import NOT_NOTIFIED_MINUTES


class HotlinePanel(Component):
    name = "hotline"
    template_name = "help/admin/hotline_panel.html"
    order = 50

    def __init__(self, user):
        self.shown = in_group(user, HOTLINE_GROUP)

    def get_context_data(self, parent_context=None):
        urgent = Report.objects.filter(danger="yes").exclude(status=Status.CLOSED).order_by("-received_at")
        return {
            "urgent": list(urgent.select_related("assigned_to")[:10]),
            "not_notified": list(Report.objects.not_notified_since(NOT_NOTIFIED_MINUTES).triaged()[:20]),
            "messages_not_notified": list(ContactMessage.objects.not_notified_since(NOT_NOTIFIED_MINUTES)[:20]),
            "minutes": NOT_NOTIFIED_MINUTES,
            "reports_url": reverse("help_report:index"),
        }
