"""What the public forms send: reports and contact messages, kept encrypted, each with a reference its sender was
given; a report also has the casework the Hotline group does on it (status, assignment, a message back)."""

import secrets
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.utils import formats, timezone
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from ..choices import CONCERN_CHOICES, DANGER_CHOICES, Status
from ..encryption import EncryptedJSONField

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: read out over the phone


def new_reference(prefix="R"):
    """A reference a person can write down or read out: 'R-' (a report) or 'C-' (a contact message) and two
    groups of four, about 10^12 of them."""
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{prefix}-{code[:4]}-{code[4:]}"


def new_contact_reference():
    return new_reference("C")


def new_check_code():
    """The reporter's secret for the 'Check a report' page: six characters (about 10^9), kept encrypted. With the
    reference (10^12) and the page's rate limit, nobody finds a report's status by guessing."""
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
    return f"{code[:3]}-{code[3:]}"


def hotline_time(value):
    """A moment as the hotline reads it everywhere (lists, detail, e-mails): Cambodia's time, whatever the time
    zone of the staff member's browser or admin profile."""
    if value is None:
        return ""
    local = timezone.localtime(value, ZoneInfo(settings.HOTLINE_TIME_ZONE))
    return f"{formats.date_format(local, 'j M Y, H:i')} (Cambodia)"


class Received(models.Model):
    """What a public form sent: a reference the sender was given, when, in which language, and everything they
    wrote in `content`, encrypted (help/encryption.py). Only the Hotline group reads these in the admin."""

    received_at = models.DateTimeField(auto_now_add=True, db_index=True)
    language = models.CharField(max_length=8, editable=False)
    content = EncryptedJSONField(editable=False)
    # When staff were told by e-mail (help/notifications.py); empty until the mail server took the message.
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True
        ordering = ["-received_at"]

    def __str__(self):
        return self.reference

    @property
    def received(self):
        return hotline_time(self.received_at)

    def _answer(self, name):
        return (self.content or {}).get(name) or ""

    def _contact_details(self):
        """The sender's own name, phone and e-mail, those they gave."""
        return ", ".join(part for part in map(self._answer, ("name", "phone", "email")) if part)


class ReceivedQuerySet(models.QuerySet):
    def not_notified_since(self, minutes):
        """What staff have not been told of by e-mail, though it arrived more than `minutes` ago."""
        cutoff = timezone.now() - timedelta(minutes=minutes)
        return self.filter(notified_at__isnull=True, received_at__lt=cutoff)


class ReportQuerySet(ReceivedQuerySet):
    def triaged(self):
        """The hotline's order: a child in immediate danger first, then the newest."""
        urgent_first = models.Case(models.When(danger="yes", then=0), default=1)
        return self.order_by(urgent_first, "-received_at")


class Report(Received):
    """A report made with the online form on the Report abuse page, and the hotline's work on it.

    The danger answer and the concern are kept as plain columns besides the encrypted answers, so that the hotline
    can list urgent reports first and filter by concern; they name no one and say nothing of what happened."""

    reference = models.CharField(max_length=12, unique=True, default=new_reference, editable=False)
    check_code = EncryptedJSONField(null=True, editable=False)
    danger = models.CharField(
        "child in immediate danger", max_length=8, choices=DANGER_CHOICES, blank=True, editable=False
    )
    concern = models.CharField("what it is about", max_length=16, choices=CONCERN_CHOICES, blank=True, editable=False)
    status = models.CharField(
        max_length=16,
        choices=Status.choices,
        default=Status.RECEIVED,
        help_text="What the reporter sees on the 'Check a report' page, with the message below.",
    )
    status_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="assigned to",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_reports",
        help_text="The Hotline member who works on this report.",
    )
    reply = EncryptedJSONField(
        "message to the reporter",
        null=True,
        blank=True,
        help_text=(
            "Shown to the reporter on the 'Check a report' page when they enter their reference and check code. "
            "Write for them, in their language; never name anyone or repeat what they reported. Stored encrypted."
        ),
    )

    objects = ReportQuerySet.as_manager()

    class Meta(Received.Meta):
        verbose_name = "report"

    @property
    def child_in_immediate_danger(self):
        return self.get_danger_display()

    @property
    def what_happened(self):
        return self._answer("what")

    @property
    def where(self):
        return self._answer("where")

    @property
    def when(self):
        return self._answer("when")

    @property
    def reporter(self):
        return self._contact_details() or "Anonymous"

    @property
    def status_changed(self):
        if not self.status_changed_at:
            return ""
        who = self.status_changed_by.get_username() if self.status_changed_by else "a former member"
        return f"{hotline_time(self.status_changed_at)}, by {who}"

    @property
    def urgency(self):
        return {"yes": "Yes, immediate danger", "unsure": "Unsure"}.get(self.danger, "")

    @property
    def assignee(self):
        return self.assigned_to.get_username() if self.assigned_to else ""

    @property
    def case_notes(self):
        """The internal notes, oldest first, one a line (for the admin's report page)."""
        notes = list(self.notes.select_related("author"))
        return format_html_join(mark_safe("<br>"), "{}", ((str(note),) for note in notes)) or "-"

    @classmethod
    def matching(cls, reference, check_code):
        """The report with this reference if `check_code` is its check code, else None (either wrong alike)."""
        report = cls.objects.filter(reference=reference).first()
        if report is not None and report.matches_check_code(check_code):
            return report
        return None

    def matches_check_code(self, code):
        expected = self.check_code or ""
        typed = (code or "").strip().upper().replace(" ", "")
        return bool(expected) and secrets.compare_digest(expected.replace("-", ""), typed.replace("-", ""))


class ContactMessage(Received):
    """A message sent with the form on the Contact page (it may tell of a child at risk, so it is kept like a
    report)."""

    reference = models.CharField(max_length=12, unique=True, default=new_contact_reference, editable=False)

    objects = ReceivedQuerySet.as_manager()

    class Meta(Received.Meta):
        verbose_name = "contact message"

    @property
    def sender(self):
        return self._contact_details()

    @property
    def message(self):
        return self._answer("message")
