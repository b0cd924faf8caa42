"""Get help: where a person worried about a child finds what to do, and can leave quickly.

Tree: HomePage → HelpIndexPage ("Get help", one per site) → ReportAbusePage (one) and HelpPage (seek help,
staying safe online…). Every page here is a *safe page*: a quick-exit button, nothing kept by caches or the
browser's history (Cache-Control: no-store), no referrer sent onwards, and no analytics even for visitors who
accepted it."""

from http import HTTPMethod

from django.conf import settings
from django.db import models
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from aple_site.blocks import BodyBlock
from aple_site.mixins import IntroMixin, ListingFieldsMixin, SectionIndexPage, SitePage
from aple_site.web.clients import count_toward_rate, rate_reached

from ..checking import check_report
from ..forms import ContactForm, ReportForm
from ..notifications import notify_contact, notify_hotline
from ..receipts import ReceiptExpired, make_receipt, read_receipt
from .received import ContactMessage, Report, new_check_code, new_reference


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


class SafeFormPage(RoutablePageMixin, SafePage):
    """A safe page with a form that posts to the page itself: checked, rate-limited per client, stored through
    `accept`, then post/redirect/get to a confirmation at received/<receipt>/ that shows the reference only, so
    that no Back, Forward, reload or restored tab shows what was typed (help/receipts.py). Works without
    JavaScript; static/js/quick-exit.js sends it without adding a history entry."""

    form_class = None
    received_template = None
    rate_scope = None
    # Each form page is one of its kind under 'Get help', and has no pages of its own.
    parent_page_types = ["help.HelpIndexPage"]
    subpage_types = []
    max_count_per_parent = 1
    # Forms a client may send in an hour (a person sends one or two; more is a script). Only forms that were
    # accepted count: a form sent back with a mistake costs nothing.
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

    def serve(self, request, view=None, args=None, kwargs=None):
        request.safe_page = True
        if view is not None and view != self.index_route:  # received/…, check/…: the page's own sub-pages
            return self.made_safe(view(request, *(args or ()), **(kwargs or {})))
        if request.method == "POST":
            return self.made_safe(self.receive(request))
        return SafePage.serve(self, request)

    def receive(self, request):
        form = self.form_class(request.POST)
        if not form.is_valid():
            return self.render_form(request, form, status=400)
        if rate_reached(request, self.rate_scope, self.per_hour, period=3600):
            # Everything typed stays on screen, under the numbers to call instead.
            return self.render_form(request, form, status=429, rate_limited=True)
        count_toward_rate(request, self.rate_scope, period=3600)
        receipt = make_receipt(**self.accept(request, form))
        return HttpResponseRedirect(
            self.get_url(request) + self.reverse_subpage("received", args=[receipt]), status=303
        )

    def render_form(self, request, form, status, **extra):
        context = self.get_context(request, form=form)
        context.update(extra)
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def accept(self, request, form):
        """Keep what a person sent (a robot's is answered alike and kept nowhere); returns what the confirmation
        shows (the reference), to be carried in its receipt."""
        raise NotImplementedError

    @path("received/<str:receipt>/", name="received")
    def received(self, request, receipt):
        try:
            values = read_receipt(receipt)
        except ReceiptExpired:
            context = self.get_context(request)
            context["expired"] = True
            return TemplateResponse(request, self.received_template, context, status=410)
        if values is None:
            raise Http404
        context = self.get_context(request)
        context.update(values)
        return TemplateResponse(request, self.received_template, context)


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
    form_class = ReportForm
    received_template = "help/report_received.html"
    rate_scope = "report"

    class Meta:
        verbose_name = "Report abuse (with the online form)"

    def accept(self, request, form):
        check_code = new_check_code()
        if form.is_from_a_robot():
            reference = new_reference()  # answered like a person, stored nowhere
        else:
            report = Report.objects.create(
                language=request.LANGUAGE_CODE,
                content=form.answers(),
                check_code=check_code,
                danger=form.cleaned_data["danger"],
                concern=form.cleaned_data["concern"],
            )
            notify_hotline(report)
            reference = report.reference
        return {"reference": reference, "check_code": check_code, "danger": form.cleaned_data["danger"]}

    @path("check/", name="check")
    def check_a_report(self, request):
        """'Check a report': the status of a report, and the hotline's message, for its reference and check
        code; nothing of the report itself. The form posts, so the code never enters the address or history."""
        return check_report(self, request, Report.matching)


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
    form_class = ContactForm
    received_template = "help/message_received.html"
    rate_scope = "contact"

    class Meta:
        verbose_name = "Contact (offices and the contact form)"

    def accept(self, request, form):
        if form.is_from_a_robot():
            return {"reference": new_reference("C")}
        message = ContactMessage.objects.create(language=request.LANGUAGE_CODE, content=form.answers())
        notify_contact(message)
        return {"reference": message.reference}
