"""The help section's models: its pages (pages.py), what their forms receive (received.py) and the hotline's
casework on it (casework.py)."""

from ..choices import CONCERN_CHOICES, DANGER_CHOICES, Status
from .casework import AuditEntry, ReportNote
from .pages import ContactPage, HelpIndexPage, HelpPage, ReportAbusePage, SafeFormPage, SafePage
from .received import (
    ContactMessage,
    Report,
    hotline_time,
    new_check_code,
    new_contact_reference,
    new_reference,
)

__all__ = [
    "CONCERN_CHOICES",
    "DANGER_CHOICES",
    "AuditEntry",
    "ContactMessage",
    "ContactPage",
    "HelpIndexPage",
    "HelpPage",
    "Report",
    "ReportAbusePage",
    "ReportNote",
    "SafeFormPage",
    "SafePage",
    "Status",
    "hotline_time",
    "new_check_code",
    "new_contact_reference",
    "new_reference",
]
