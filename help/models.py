"""Get help: where a person worried about a child finds what to do, and can leave quickly.

Tree: HomePage → HelpIndexPage ("Get help", one per site) → ReportAbusePage (one) and HelpPage (seek help,
staying safe online…). Every page here is a *safe page*: a quick-exit button, nothing kept by caches or the
browser's history (Cache-Control: no-store), no referrer sent onwards, and no analytics even for visitors who
accepted it."""

import secrets
from http import HTTPMethod

from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from aple_site.blocks import BodyBlock
from aple_site.mixins import IntroMixin, ListingFieldsMixin, SectionIndexPage, SitePage
from aple_site.web.clients import within_rate

from .encryption import EncryptedJSONField

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


class SafePage(SitePage):
    """Base of every page in this section: served so that a visitor's visit leaves as little trace as possible."""

    icon = "shield-check"  # static/icons/: marks this page on cards and in links
    result_label = _("Help")  # in search results, beside the title

    # No address of this page is sent to any other site, or even to this one.
    referrer_policy = "no-referrer"

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        # Read by the consent banner's configuration and the analytics CSP: no analytics on this page.
        request.safe_page = True
        return self.made_safe(super().serve(request, *args, **kwargs))

    def made_safe(self, response):
        # Not kept by the page cache, nginx, a CDN or the browser (so the Back button after a quick exit cannot
        # bring the page back from its cache), and no address of this page sent to the next site.
        response["Cache-Control"] = "no-store"
        response["Referrer-Policy"] = self.referrer_policy
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["safe_page"] = True
        context["quick_exit_url"] = settings.QUICK_EXIT_URL
        return context


class HelpIndexPage(SafePage, SectionIndexPage):
    """'Get help' (one per site, under the home page): the ways to get help, as cards."""

    subpage_types = ["help.ReportAbusePage", "help.HelpPage", "help.ContactPage"]

    class Meta:
        verbose_name = "Get help (the help section)"

    def related_context(self):
        return {"help_pages": list(self.get_children().live().public().specific().order_by("path"))}


class HelpPage(IntroMixin, ListingFieldsMixin, SafePage):
    """A page of help in plain words (seek help, staying safe online), under 'Get help'."""

    body = StreamField(BodyBlock(), blank=True, help_text="The page's content, built from blocks. Short sentences.")

    content_panels = IntroMixin.content_panels + [FieldPanel("body")]
    search_fields = SitePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["help.HelpIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "help page"


class SafeFormPage(SafePage):
    """A safe page with a form that posts to the page itself: checked, rate-limited per client, stored through
    `accept`, answered with a confirmation that carries a reference; works without JavaScript."""

    form_class = None
    received_template = None
    rate_scope = None
    # Forms a client may send in an hour (a person sends one or two; more is a script).
    per_hour = 10
    allowed_http_methods = [*SitePage.allowed_http_methods, HTTPMethod.POST]
    # Under no-referrer browsers send the form's Origin as "null", and Django's CSRF check (rightly) refuses
    # it. same-origin still sends nothing to any other site; the quick exit link adds rel="noreferrer" too.
    referrer_policy = "same-origin"
    body_cacheable = False  # the form, its CSRF token and its errors are the visitor's own

    class Meta:
        abstract = True

    def get_context(self, request, *args, form=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["form"] = form or self.form_class()
        return context

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        request.safe_page = True
        return self.made_safe(self.receive(request))

    def receive(self, request):
        if not within_rate(request, self.rate_scope, self.per_hour, period=3600):
            context = self.get_context(request, form=self.form_class())
            context["rate_limited"] = True
            return TemplateResponse(request, self.get_template(request), context, status=429)
        form = self.form_class(request.POST)
        if not form.is_valid():
            return TemplateResponse(
                request, self.get_template(request), self.get_context(request, form=form), status=400
            )
        context = self.get_context(request)
        context.update(self.accept(request, form))
        return TemplateResponse(request, self.received_template, context)

    def accept(self, request, form):
        """Keep what a person sent (a robot's is answered alike and kept nowhere); returns the confirmation's
        context."""
        raise NotImplementedError


class ReportAbusePage(IntroMixin, ListingFieldsMixin, SafeFormPage):
    """'Report abuse' (one per site, under 'Get help'): how to report, by phone or online, and what happens next.

    The reply time is a fact only APLE can give: it stays empty (and hidden) until staff enter it."""

    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text="What to report, that reports can be anonymous, what happens next, and what never to send.",
    )
    reply_time = models.CharField(
        "when reports are read",
        max_length=120,
        blank=True,
        help_text=(
            "How soon APLE's team reads a report, as APLE has confirmed it, e.g. 'within one working day'. "
            "Shown on the page; left empty, nothing is promised."
        ),
    )

    content_panels = IntroMixin.content_panels + [
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("reply_time")], heading="What happens next"),
    ]
    search_fields = SitePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["help.HelpIndexPage"]
    subpage_types = []
    max_count_per_parent = 1
    received_template = "help/report_received.html"
    rate_scope = "report"

    class Meta:
        verbose_name = "Report abuse (with the online form)"

    @property
    def form_class(self):
        from .forms import ReportForm

        return ReportForm

    def accept(self, request, form):
        from .notifications import notify_hotline

        if form.is_from_a_robot():
            report = Report(reference=new_reference())  # answered like a person, stored nowhere
        else:
            report = Report.objects.create(language=request.LANGUAGE_CODE, content=form.answers())
            notify_hotline(report)
        return {"report": report, "danger": form.cleaned_data["danger"]}


class ContactPage(IntroMixin, ListingFieldsMixin, SafeFormPage):
    """'Contact' (one per site, under 'Get help'): the offices with their contact details, and a form for a
    message to APLE. A message is kept encrypted like a report (it may tell of a child at risk), and read in the
    admin by the Hotline group only."""

    icon = "mail"  # static/icons/: marks this page on cards and in links
    result_label = _("Contact")  # in search results, beside the title

    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text="Anything else people should know before they write (opening hours, languages spoken).",
    )

    content_panels = IntroMixin.content_panels + [FieldPanel("body")]
    search_fields = SitePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["help.HelpIndexPage"]
    subpage_types = []
    max_count_per_parent = 1
    received_template = "help/message_received.html"
    rate_scope = "contact"

    class Meta:
        verbose_name = "Contact (offices and the contact form)"

    @property
    def form_class(self):
        from .forms import ContactForm

        return ContactForm

    def accept(self, request, form):
        from .notifications import notify_contact

        if form.is_from_a_robot():
            message = ContactMessage(reference=new_reference("C"))
        else:
            message = ContactMessage.objects.create(language=request.LANGUAGE_CODE, content=form.answers())
            notify_contact(message)
        return {"message": message}


REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: read out over the phone


def new_reference(prefix="R"):
    """A reference a person can write down or read out: 'R-' (a report) or 'C-' (a contact message) and two
    groups of four, about 10^12 of them."""
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{prefix}-{code[:4]}-{code[4:]}"


def new_contact_reference():
    return new_reference("C")


class Received(models.Model):
    """What a public form sent: a reference the sender was given, when, in which language, and everything they
    wrote in `content`, encrypted (help/encryption.py). Only the Hotline group reads these in the admin."""

    received_at = models.DateTimeField(auto_now_add=True, db_index=True)
    language = models.CharField(max_length=8, editable=False)
    content = EncryptedJSONField(editable=False)

    class Meta:
        abstract = True
        ordering = ["-received_at"]

    def __str__(self):
        return self.reference

    def _answer(self, name):
        return (self.content or {}).get(name) or ""

    def _contact_details(self):
        """The sender's own name, phone and e-mail, those they gave."""
        return ", ".join(part for part in map(self._answer, ("name", "phone", "email")) if part)


class Report(Received):
    """A report made with the online form on the Report abuse page."""

    reference = models.CharField(max_length=12, unique=True, default=new_reference, editable=False)

    class Meta(Received.Meta):
        verbose_name = "report"

    @property
    def child_in_immediate_danger(self):
        return dict(DANGER_CHOICES).get(self._answer("danger"), "")

    @property
    def concern(self):
        return dict(CONCERN_CHOICES).get(self._answer("concern"), "")

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


class ContactMessage(Received):
    """A message sent with the form on the Contact page (it may tell of a child at risk, so it is kept like a
    report)."""

    reference = models.CharField(max_length=12, unique=True, default=new_contact_reference, editable=False)

    class Meta(Received.Meta):
        verbose_name = "contact message"

    @property
    def sender(self):
        return self._contact_details()

    @property
    def message(self):
        return self._answer("message")
