"""'Check a report' (ReportAbusePage's check/ address): a reporter types the reference and the check code their
confirmation gave them, and sees where their report stands and any message the hotline wrote back to them.

It shows no personal data and nothing of the report; it answers a wrong reference and a wrong code alike, and
every attempt counts toward a per-client limit, so guessing gets nowhere. It is served no-store like every help
page, and the form posts, so the code is never in an address or the browser's history."""

from django import forms
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from aple_site.web.clients import within_rate

CHECKS_PER_HOUR = 20


class CheckForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # never autofilled, kept or restored by the browser
            field.widget.attrs["autocomplete"] = "off"

    reference = forms.CharField(
        label=_("Your reference"),
        help_text=_("As it was given to you, for example R-ABCD-EFGH."),
        max_length=20,
        error_messages={"required": _("Enter the reference of your report.")},
    )
    check_code = forms.CharField(
        label=_("Check code"),
        help_text=_("The six characters given with the reference, for example K7P-2QX."),
        max_length=12,
        error_messages={"required": _("Enter the check code given with your reference.")},
    )

    def clean_reference(self):
        return self.cleaned_data["reference"].strip().upper().replace(" ", "")


def check_report(page, request, find_report):
    """The check form and its answer on `page`; `find_report(reference, check_code)` is the Report or None."""
    context = page.get_context(request)
    status = 200
    if request.method == "POST":
        form = CheckForm(request.POST)
        if not within_rate(request, "check", CHECKS_PER_HOUR, period=3600):
            context["rate_limited"], status = True, 429
        elif form.is_valid():
            report = find_report(form.cleaned_data["reference"], form.cleaned_data["check_code"])
            if report is None:
                form.add_error(
                    None, _("We found no report with this reference and check code. Check both and try again.")
                )
                status = 400
            else:
                context["report"], form = report, CheckForm()
        else:
            status = 400
    else:
        form = CheckForm()
    context["check_form"] = form
    return TemplateResponse(request, "help/check_report.html", context, status=status)
