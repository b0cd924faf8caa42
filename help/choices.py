"""The answers the report form offers and the statuses a report goes through: shared by the form, the
models and the admin (a module of its own, so that none of them imports another for them)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

DANGER_CHOICES = [("yes", _("Yes")), ("no", _("No")), ("unsure", _("I don't know"))]
CONCERN_CHOICES = [
    ("online", _("Pictures or videos of child abuse online, at a web address")),
    (
        "grooming",
        _("An adult contacting a child online for sex, or threatening to share sexual images (grooming, sextortion)"),
    ),
    ("offline", _("Abuse of a child in person")),
    ("travelling", _("An adult travelling to abuse children")),
    ("other", _("Something else")),
]


class Status(models.TextChoices):
    """Where a report stands, as its reporter reads it on the 'Check a report' page."""

    RECEIVED = "received", _("Received")
    ASSESSING = "assessing", _("Being assessed")
    REFERRED = "referred", _("Passed to the police or a partner")
    CLOSED = "closed", _("Closed")
