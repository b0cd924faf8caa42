"""The forms of the help section. The online report form: a few plain questions, the first about immediate
danger, nothing required about the reporter, and never a file upload (pictures of abuse must never be sent).
The contact form: a message, and a way to answer only if the sender wants one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import CONCERN_CHOICES, DANGER_CHOICES


def honeypot():
    # A field people never see: automated senders fill it in (static/css/site.css hides it).
    return forms.CharField(label=_("Leave this empty"), required=False, max_length=200)


class KeptAnswers:
    """What is stored (encrypted): the answers named in CONTENT_FIELDS, never the honeypot.

    No field is autofilled, remembered for autofill or restored by the browser on Back or Forward
    (autocomplete="off": Chromium and Firefox keep no form state for such fields in the session history)."""

    CONTENT_FIELDS = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["autocomplete"] = "off"

    def answers(self):
        return {name: self.cleaned_data.get(name, "") for name in self.CONTENT_FIELDS}

    def is_from_a_robot(self):
        return bool(self.cleaned_data.get("website"))


class ReportForm(KeptAnswers, forms.Form):
    danger = forms.ChoiceField(
        label=_("Is a child in immediate danger?"),
        choices=DANGER_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether a child is in immediate danger (or that you don't know).")},
    )
    concern = forms.ChoiceField(
        label=_("What is it about?"),
        choices=CONCERN_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what your report is about.")},
    )
    what = forms.CharField(
        label=_("What happened, or what did you see?"),
        help_text=_("In your own words. Describe pictures or videos; never copy or send them."),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Tell us what happened or what you saw.")},
    )
    where = forms.CharField(
        label=_("Where? (optional)"),
        help_text=_("A place, or the web address where you saw it."),
        max_length=500,
        required=False,
    )
    when = forms.CharField(label=_("When? (optional)"), max_length=200, required=False)
    name = forms.CharField(label=_("Your name (optional)"), max_length=120, required=False)
    phone = forms.CharField(label=_("Your phone number (optional)"), max_length=40, required=False)
    email = forms.EmailField(label=_("Your e-mail address (optional)"), max_length=254, required=False)
    website = honeypot()

    CONTENT_FIELDS = ("danger", "concern", "what", "where", "when", "name", "phone", "email")


class ContactForm(KeptAnswers, forms.Form):
    name = forms.CharField(label=_("Your name (optional)"), max_length=120, required=False)
    email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        help_text=_("Give an e-mail address or a phone number if you would like an answer."),
        max_length=254,
        required=False,
    )
    phone = forms.CharField(label=_("Your phone number (optional)"), max_length=40, required=False)
    message = forms.CharField(
        label=_("Your message"),
        help_text=_("To report a child at risk, call the hotline or use the report form instead: it is quicker."),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write your message.")},
    )
    website = honeypot()

    CONTENT_FIELDS = ("name", "email", "phone", "message")
