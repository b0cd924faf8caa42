"""The cookie preferences page: the same choices as the banner, as a plain form that needs no JavaScript."""

import json

from django import forms
from django.conf import settings
from django.http import HttpResponseRedirect, JsonResponse, QueryDict
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
from cookie_consent.views import CookieStatusView as PackageStatusView

from ..web.clients import within_rate
from .groups import in_use
from .middleware import cookie_names_to_delete

# A consent decision names a few cookie groups: a body larger than this is not one. Each client address may post
# this many decisions a minute: a person clicks a few times, a script posting thousands ties up the workers, and
# many phones share one address behind a mobile carrier's NAT (so the limit is generous).
CONSENT_MAX_BODY_BYTES = 4096
CONSENT_POSTS_PER_MINUTE = 60


def refuse_abuse(request):
    """A JSON error response for an oversized or too-frequent consent post, else None."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = CONSENT_MAX_BODY_BYTES + 1
    if length > CONSENT_MAX_BODY_BYTES:
        return JsonResponse({"errors": {"__all__": [{"message": "Request too large."}]}}, status=413)
    if not within_rate(request, "consent", CONSENT_POSTS_PER_MINUTE):
        response = JsonResponse({"errors": {"__all__": [{"message": "Too many requests."}]}}, status=429)
        response["Retry-After"] = "60"
        return response
    return None


def without_repeats(query):
    """The posted data with each value once per field: `cookie_groups=a&cookie_groups=a…` is one decision on a."""
    cleaned = QueryDict(mutable=True)
    for name, values in query.lists():
        cleaned.setlist(name, list(dict.fromkeys(values)))
    cleaned._mutable = False
    return cleaned


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


class CookieStatusView(PackageStatusView):
    """The package's status endpoint, leaving out the groups the site does not use (groups.in_use): otherwise
    the banner would ask about them, and come back on every page until someone decided them."""

    STATE_KEYS = ("acceptedCookieGroups", "declinedCookieGroups", "notAcceptedOrDeclinedCookieGroups")

    def get(self, request):
        data = json.loads(super().get(request).content)
        used = {group.varname for group in in_use(all_cookie_groups().values())}
        return JsonResponse({**data, **{key: [v for v in data[key] if v in used] for key in self.STATE_KEYS}})


@never_cache
@require_http_methods(["GET", "POST"])
def cookie_preferences(request):
    groups = in_use(all_cookie_groups().values())
    if request.method == "POST":
        refused = refuse_abuse(request)
        if refused is not None:
            return refused
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
    """The package answers an invalid accept/decline post with 200; answer 400 instead. Oversized and
    too-frequent posts are refused first, and repeated values collapse: one decision logs one row per group."""

    def post(self, request, *args, **kwargs):
        refused = refuse_abuse(request)
        if refused is not None:
            return refused
        request.POST = without_repeats(request.POST)
        form = ProcessCookiesForm(data=request.POST)
        if not form.is_valid():
            return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
        return super().post(request, *args, **kwargs)


class AcceptView(RejectInvalidMixin, CookieGroupAcceptView):
    pass


class DeclineView(RejectInvalidMixin, CookieGroupDeclineView):
    pass
