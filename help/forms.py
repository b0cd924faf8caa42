"""The online report form: a few plain questions, the first about immediate danger, nothing required about the
reporter, and never a file upload (pictures of abuse must never be sent)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CONCERN_CHOICES, DANGER_CHOICES


class ReportForm(forms.Form):
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
    # A field people never see: automated senders fill it in (aple_site/static/css/site.css hides it).
    website = forms.CharField(label=_("Leave this empty"), required=False, max_length=200)

    CONTENT_FIELDS = ("danger", "concern", "what", "where", "when", "name", "phone", "email")

    def answers(self):
        """What is stored (encrypted): the reporter's answers, without the honeypot."""
        return {name: self.cleaned_data.get(name, "") for name in self.CONTENT_FIELDS}

    def is_from_a_robot(self):
        return bool(self.cleaned_data.get("website"))
