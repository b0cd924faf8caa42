"""Cookie consent on the server: seeded groups, the policy tables, the no-JavaScript preferences form,
clean-up of withdrawn cookies, the consent log's retention and the gate for third-party markup."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.template import Context, Template
from django.test import Client
from django.utils import timezone

import pytest
from cookie_consent.models import Cookie, CookieGroup, LogItem

from aple_site.consent.views import CONSENT_POSTS_PER_MINUTE
from aple_site.models import CookieDuration

pytestmark = pytest.mark.django_db


@pytest.fixture
def analytics_configured(settings):
    """Analytics set up, so that its "Statistics" group is in use (aple_site/consent/groups.py)."""
    settings.ANALYTICS_SCRIPT_URL = "https://stats.example.org/matomo.js"
    settings.ANALYTICS_SITE_ID = "1"


def consent(response):
    """The consent cookie as {group: value}."""
    raw = response.cookies["cookie_consent"].value
    return dict(pair.split("=") for pair in raw.split("|") if pair)


def test_groups_are_seeded_by_varname_with_every_cookie_described():
    groups = {g.varname: g for g in CookieGroup.objects.all()}
    assert set(groups) == {"necessary", "analytics", "external-media"}
    assert groups["necessary"].is_required and not groups["analytics"].is_required
    names = set(Cookie.objects.filter(cookiegroup__varname="necessary").values_list("name", flat=True))
    assert {"cookie_consent", "csrftoken", "sessionid"} <= names
    for cookie in Cookie.objects.all():
        assert cookie.description and CookieDuration.objects.get(cookie=cookie).duration


def test_seeding_twice_adds_nothing():
    counts = (CookieGroup.objects.count(), Cookie.objects.count())
    call_command("load_initial_data", stdout=StringIO())
    assert (CookieGroup.objects.count(), Cookie.objects.count()) == counts


@pytest.mark.usefixtures("analytics_configured")
def test_policy_tables_match_the_database(client):
    group = CookieGroup.objects.get(varname="analytics")
    new = Cookie.objects.create(cookiegroup=group, name="_pk_ref", description="Remembers the referring site.")
    CookieDuration.objects.create(cookie=new, duration="6 months")
    html = client.get("/en/cookie-policy/").content.decode()
    for cookie in Cookie.objects.select_related("duration"):
        row = html.split(f"<code>{cookie.name}</code>")[1].split("</tr>")[0]
        assert cookie.description in row
        assert cookie.duration.duration in row
    for group in CookieGroup.objects.all():
        assert group.name in html


def test_no_statistics_choice_while_no_analytics_is_configured(client, settings):
    """The "Statistics" group stays in the database, but nobody is asked about something the site does not do."""
    settings.ANALYTICS_SCRIPT_URL = ""
    status = client.get("/cookies/status/").json()
    assert status["notAcceptedOrDeclinedCookieGroups"] == ["external-media"]
    for path in ("/en/", "/en/cookies/preferences/", "/en/cookie-policy/"):
        html = client.get(path).content.decode()
        assert "Statistics" not in html and "analytics" not in html.split('"analytics": null')[0], path
        assert "External media" in html, path
    # Choosing "accept all" without JavaScript decides every group in use, and the banner has nothing left to ask.
    client.post("/en/cookies/preferences/", {"action": "accept_all"})
    assert client.get("/cookies/status/").json()["notAcceptedOrDeclinedCookieGroups"] == []
    settings.ANALYTICS_SCRIPT_URL = "https://stats.example.org/matomo.js"  # configured later: visitors are asked
    assert client.get("/cookies/status/").json()["notAcceptedOrDeclinedCookieGroups"] == ["analytics"]


def test_footer_links_to_policy_and_settings(client):
    html = client.get("/en/").content.decode()
    footer = html.split("<footer")[1]
    assert 'href="/en/cookie-policy/"' in footer
    assert 'href="/en/cookies/preferences/"' in footer


@pytest.mark.usefixtures("analytics_configured")
def test_preferences_page_offers_every_optional_group(client):
    response = client.get("/en/cookies/preferences/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    for group in CookieGroup.objects.filter(is_required=False):
        assert f'name="group-{group.varname}"' in response.content.decode()
    assert "Always on" in response.content.decode()


@pytest.mark.parametrize(
    "data, expected",
    [
        ({"action": "accept_all"}, {"analytics": "accepted", "external-media": "accepted"}),
        ({"action": "reject_all"}, {"analytics": "-1", "external-media": "-1"}),
        (
            {"action": "save", "group-analytics": "decline", "group-external-media": "accept"},
            {"analytics": "-1", "external-media": "accepted"},
        ),
    ],
)
@pytest.mark.usefixtures("analytics_configured")
def test_no_javascript_choices(client, data, expected):
    response = client.post("/en/cookies/preferences/", data)
    assert response.status_code == 302
    choices = consent(response)
    for varname, value in expected.items():
        assert (choices[varname] != "-1") if value == "accepted" else choices[varname] == "-1"
    assert LogItem.objects.count() == 2


def test_consent_cookie_is_httponly_and_samesite_lax(client):
    morsel = client.post("/en/cookies/preferences/", {"action": "reject_all"}).cookies["cookie_consent"]
    assert morsel["httponly"] and morsel["samesite"] == "Lax"


def test_preferences_form_needs_csrf():
    response = Client(enforce_csrf_checks=True).post("/en/cookies/preferences/", {"action": "accept_all"})
    assert response.status_code == 403
    assert "cookie_consent" not in response.cookies


@pytest.mark.parametrize("data", [{}, {"action": "delete-everything"}, {"action": "save", "group-analytics": "maybe"}])
@pytest.mark.usefixtures("analytics_configured")
def test_bad_preferences_posts_get_a_400_with_the_form(client, data):
    response = client.post("/en/cookies/preferences/", data)
    assert response.status_code == 400
    assert "could not save your choices" in response.content.decode()
    assert "cookie_consent" not in response.cookies


def test_next_never_redirects_off_site(client):
    response = client.post("/en/cookies/preferences/", {"action": "reject_all", "next": "https://evil.example/"})
    assert response["Location"] == "?saved=1"
    response = client.post("/en/cookies/preferences/", {"action": "reject_all", "next": "/en/history/"})
    assert response["Location"] == "/en/history/"


def test_package_endpoints_reject_unknown_groups_with_400(client):
    response = client.post("/cookies/accept/", {"cookie_groups": "no-such-group"})
    assert response.status_code == 400


def test_repeated_groups_are_one_decision_with_one_log_row_per_group(client):
    before = LogItem.objects.count()
    body = "&".join(["cookie_groups=analytics"] * 60 + ["cookie_groups=external-media"] * 60)
    response = client.post("/cookies/accept/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 302
    assert consent(response).keys() == {"analytics", "external-media"}
    assert LogItem.objects.count() - before == 2


def test_a_huge_consent_post_is_refused_before_it_is_read(client):
    before = LogItem.objects.count()
    body = "&".join(["cookie_groups=analytics"] * 1999)
    for url in ("/cookies/accept/", "/cookies/decline/", "/en/cookies/preferences/"):
        response = client.post(url, body, content_type="application/x-www-form-urlencoded")
        assert response.status_code == 413, url
    assert LogItem.objects.count() == before


def test_consent_posts_are_rate_limited_per_client(client):
    for _ in range(CONSENT_POSTS_PER_MINUTE):
        assert client.post("/cookies/accept/", {"cookie_groups": "analytics"}).status_code == 302
    refused = client.post("/cookies/accept/", {"cookie_groups": "analytics"})
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert client.post("/en/cookies/preferences/", {"action": "reject_all"}).status_code == 429
    # Another client is not affected.
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert other.post("/cookies/accept/", {"cookie_groups": "analytics"}).status_code == 302


def test_withdrawing_consent_deletes_the_groups_cookies(client):
    client.post("/en/cookies/preferences/", {"action": "accept_all"})
    client.cookies["_pk_id.1.abcd"] = "visitor"
    response = client.post("/en/cookies/preferences/", {"action": "save", "group-analytics": "decline"})
    assert response.cookies["_pk_id.1.abcd"]["max-age"] == 0


def test_optional_cookies_without_consent_are_deleted_on_any_page(client):
    client.cookies["_pk_ses.1.abcd"] = "1"
    response = client.get("/en/")
    assert response.cookies["_pk_ses.1.abcd"]["max-age"] == 0


def test_analytics_is_configured_only_by_settings(client, settings):
    settings.ANALYTICS_SCRIPT_URL = ""
    assert '"analytics": null' in client.get("/en/").content.decode()
    settings.ANALYTICS_SCRIPT_URL = "https://stats.example.org/matomo.js"
    settings.ANALYTICS_SITE_ID = "3"
    html = client.get("/en/").content.decode()
    assert '"url": "https://stats.example.org/matomo.js"' in html
    assert '<script src="https://stats.example.org' not in html  # injected by consent.js only after consent


def test_gated_markup_is_inert_and_the_same_for_every_visitor(client):
    template = Template(
        "{% load consent_tags %}{% consent_gate 'external-media' link='https://osm.example/map' %}"
        "<iframe src='https://www.openstreetmap.org/export/embed.html' title='Map'></iframe>{% endconsent_gate %}"
    )
    html = template.render(Context({}))
    assert html.index("<template>") < html.index("<iframe") < html.index("</template>")
    assert 'href="https://osm.example/map"' in html
    assert 'data-consent-group="external-media"' in html


def test_prune_consent_log_keeps_entries_within_retention(settings):
    settings.CONSENT_LOG_RETENTION_DAYS = 30
    group = CookieGroup.objects.get(varname="analytics")
    old = LogItem.objects.create(action=1, cookiegroup=group, version="v")
    LogItem.objects.filter(pk=old.pk).update(created=timezone.now() - timedelta(days=31))
    recent = LogItem.objects.create(action=1, cookiegroup=group, version="v")
    out = StringIO()
    call_command("prune_consent_log", stdout=out)
    assert list(LogItem.objects.values_list("pk", flat=True)) == [recent.pk]
    assert "Deleted 1" in out.getvalue()
