"""The cookie preferences page: the same choices as the banner, as a plain form that needs no JavaScript."""

from django import forms
from django.conf import settings
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from cookie_consent.cache import all_cookie_groups
from cookie_consent.forms import ProcessCookiesForm
from cookie_consent.models import ACTION_ACCEPTED, ACTION_DECLINED, CookieGroup, LogItem
from cookie_consent.util import (
    get_cookie_dict_from_request,
    get_cookie_value_from_request,
    set_cookie_dict_to_response,
)
from cookie_consent.views import CookieGroupAcceptView, CookieGroupDeclineView

from .middleware import cookie_names_to_delete

CHOICES = [("accept", _("On")), ("decline", _("Off"))]


class PreferencesForm(forms.Form):
    """One On/Off choice per optional cookie group; the buttons 'Accept all' and 'Reject all' override them."""

    action = forms.ChoiceField(choices=[("save", "save"), ("accept_all", "accept_all"), ("reject_all", "reject_all")])
    next = forms.CharField(required=False, max_length=2000)

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = groups
        for group in groups:
            self.fields[f"group-{group.varname}"] = forms.ChoiceField(
                choices=CHOICES, required=False, widget=forms.RadioSelect, label=group.name
            )

    def decisions(self):
        """(accepted groups, declined groups) according to the button pressed."""
        action = self.cleaned_data["action"]
        if action == "accept_all":
            return list(self.groups), []
        if action == "reject_all":
            return [], list(self.groups)
        accepted = [g for g in self.groups if self.cleaned_data.get(f"group-{g.varname}") == "accept"]
        return accepted, [g for g in self.groups if g not in accepted]


def _current_choice(request, group):
    value = get_cookie_value_from_request(request, group.varname)
    return {True: "accept", False: "decline"}.get(value)


def _safe_next(request, url):
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, require_https=request.is_secure()):
        return url
    return None


@never_cache
@require_http_methods(["GET", "POST"])
def cookie_preferences(request):
    groups = list(all_cookie_groups().values())
    if request.method == "POST":
        form = PreferencesForm(request.POST, groups=groups)
        if form.is_valid():
            return _save(request, form)
        status = 400
    else:
        # Undecided groups start at "Off": saving without touching anything consents to nothing.
        initial = {f"group-{g.varname}": _current_choice(request, g) or "decline" for g in groups}
        form = PreferencesForm(initial={**initial, "next": request.GET.get("next", "")}, groups=groups)
        status = 200
    context = {
        "form": form,
        "required_groups": CookieGroup.objects.filter(is_required=True).order_by("ordering"),
        "group_fields": [(g, form[f"group-{g.varname}"]) for g in groups],
        "saved": request.GET.get("saved") == "1",
    }
    return render(request, "aple_site/cookie_preferences.html", context, status=status)


def _save(request, form):
    accepted, declined = form.decisions()
    target = _safe_next(request, form.cleaned_data.get("next"))
    response = HttpResponseRedirect(target or "?saved=1")
    # One consent cookie for both decisions (the package's processor handles one action at a time).
    choices = get_cookie_dict_from_request(request)
    choices.update({g.varname: g.get_version() for g in accepted})
    choices.update({g.varname: settings.COOKIE_CONSENT_DECLINE for g in declined})
    set_cookie_dict_to_response(response, choices)
    LogItem.objects.bulk_create(
        [LogItem(action=ACTION_ACCEPTED, cookiegroup=g, version=g.get_version()) for g in accepted]
        + [LogItem(action=ACTION_DECLINED, cookiegroup=g, version=g.get_version()) for g in declined]
    )
    for name, cookie in cookie_names_to_delete(request, declined):
        response.delete_cookie(name, cookie.path or "/", cookie.domain or None)
    return response


class RejectInvalidMixin:
    """The package answers an invalid accept/decline post with 200; answer 400 instead."""

    def post(self, request, *args, **kwargs):
        form = ProcessCookiesForm(data=request.POST)
        if not form.is_valid():
            return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
        return super().post(request, *args, **kwargs)


class AcceptView(RejectInvalidMixin, CookieGroupAcceptView):
    pass


class DeclineView(RejectInvalidMixin, CookieGroupDeclineView):
    pass
