"""The hotline's casework beside each report: internal notes (encrypted like the report) and the audit log of
who viewed, changed or deleted a report or a contact message, and when, readable by the Hotline leads.

The audit log names a report by its reference, not by a link to it: a report's deletion is itself logged, and
the entry outlives it. Entries are pruned with the reports (prune_reports), after REPORT_RETENTION_DAYS."""

from django.conf import settings
from django.db import models

from ..encryption import EncryptedJSONField
from .received import Report, hotline_time


class ReportNote(models.Model):
    """A note a Hotline member wrote on a report, for the team only (never shown to the reporter)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    written_at = models.DateTimeField(auto_now_add=True)
    text = EncryptedJSONField()

    class Meta:
        ordering = ["written_at", "pk"]

    def __str__(self):
        who = self.author.get_username() if self.author else "a former member"
        return f"{hotline_time(self.written_at)}, {who}: {self.text}"


class AuditEntry(models.Model):
    """One look at, change to or deletion of a report or a contact message in the admin: who, when, what.
    `detail` says what changed (a status, an assignment, 'note added'), never what the report says."""

    class Action(models.TextChoices):
        VIEWED = "viewed", "Viewed"
        OPENED_FOR_EDITING = "opened", "Opened for editing"
        CHANGED = "changed", "Changed"
        DELETED = "deleted", "Deleted"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    username = models.CharField(max_length=150, help_text="Kept if the user is later deleted.")
    action = models.CharField(max_length=16, choices=Action.choices)
    reference = models.CharField(max_length=12, db_index=True)
    detail = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "audit log entry"
        verbose_name_plural = "audit log"

    def __str__(self):
        return f"{self.when}: {self.username} {self.get_action_display().lower()} {self.reference}"

    @property
    def when(self):
        return hotline_time(self.at)

    @classmethod
    def record(cls, user, action, item, detail=""):
        return cls.objects.create(
            user=user, username=user.get_username(), action=action, reference=item.reference, detail=detail[:500]
        )
