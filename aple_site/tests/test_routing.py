"""The routing and privacy shortcuts (aple_site/web/routing.py, SitePage.get_view_restrictions) give Wagtail's
own answers: compared with Wagtail's implementations on every seeded page in both languages and on the cases
they could break (an alias, a password-protected page, a page routing its own sub-paths, a moved page, a draft
parent), and followed through to what a visitor gets."""

from django.http import Http404
from django.test import Client, RequestFactory
from django.utils import translation

from wagtail.models import Page, PageViewRestriction, Site

import pytest

from aple_site.i18n.pages import localized_home
from aple_site.models import HomePage, StandardPage
from tests.routable.models import RoutableTestPage

pytestmark = pytest.mark.django_db


def components(path):
    """'/km/history/x/' → ['history', 'x'] (the language prefix is the URL resolver's, not the tree's)."""
    return [part for part in path.split("/") if part][1:]


def route(path, routing):
    """(page id, args, kwargs) of the route for `path`, or None for a 404, found by `routing`."""
    language = path.split("/")[1]
    with translation.override(language):
        request = RequestFactory().get(path)
        try:
            page, args, kwargs = routing(request, components(path))
        except Http404:
            return None
    # A routable page's route carries its view as a bound method: compare the function (methods of two copies
    # of the same page are never equal).
    args = tuple(getattr(arg, "__func__", arg) for arg in args)
    return page.pk, args, kwargs


def ours(request, parts):
    return localized_home(request).route(request, parts)


def wagtails(request, parts):
    """Wagtail's Page.route_for_request, with Wagtail's own Page.route walking down from the home page."""
    home = Site.find_for_request(request).root_page.localized.specific
    return Page.route(home, request, parts)


def assert_same_route(*paths):
    for path in paths:
        assert route(path, ours) == route(path, wagtails), path


def english(slug):
    return Page.objects.get(slug=slug, locale__language_code="en").specific


def test_every_seeded_page_in_both_languages():
    paths = [page.url for page in Page.objects.live().filter(depth__gte=2)]
    assert len(paths) > 60 and any(path.startswith("/km/") for path in paths)
    assert_same_route(*paths, "/en/history/nope/", "/en/history/nope/deeper/", "/km/no-such-page/")


def test_an_alias_routes_and_serves_like_its_source(client):
    policies = english("home-aple").add_child(instance=StandardPage(title="Policies", slug="policies"))
    english("about").create_alias(parent=policies, update_slug="about-us")
    assert_same_route("/en/policies/about-us/")
    assert "Who we are" in client.get("/en/policies/about-us/").content.decode()


def test_a_page_that_routes_its_own_sub_paths(client):
    news = english("home-aple").add_child(instance=RoutableTestPage(title="Updates", slug="updates"))
    # A child page whose slug is also one of the routes: Wagtail asks the routable page first.
    news.add_child(instance=StandardPage(title="A child called feed", slug="feed"))
    news.add_child(instance=StandardPage(title="A child page", slug="child"))
    paths = ["/en/updates/", "/en/updates/feed/", "/en/updates/year/2026/", "/en/updates/child/", "/en/updates/nope/"]
    assert_same_route(*paths)
    answers = {path: client.get(path) for path in paths}
    assert answers["/en/updates/"].content == b"index of Updates"
    assert answers["/en/updates/feed/"].content == b"feed of Updates"
    assert answers["/en/updates/year/2026/"].content == b"2026 of Updates"
    assert "A child page" in answers["/en/updates/child/"].content.decode()
    assert answers["/en/updates/nope/"].status_code == 404


def test_a_moved_page_is_found_at_its_new_address_and_the_old_one_redirects(client):
    policies = english("home-aple").add_child(instance=StandardPage(title="Policies", slug="policies"))
    english("about").move(policies, pos="last-child")
    assert_same_route("/en/about/", "/en/policies/about/")
    assert route("/en/about/", ours) is None
    assert "Who we are" in client.get("/en/policies/about/").content.decode()
    old = client.get("/en/about/")
    assert (old.status_code, old["Location"]) == (301, "/en/policies/about/")


def test_a_live_page_below_a_draft_parent_and_an_unpublished_page():
    drafts = english("home-aple").add_child(instance=StandardPage(title="Drafts", slug="drafts"))
    drafts.add_child(instance=StandardPage(title="Live below a draft", slug="live"))
    drafts.unpublish()
    english("mosvy").unpublish()
    assert_same_route("/en/drafts/", "/en/drafts/live/", "/en/partners/mosvy/")
    assert route("/en/partners/mosvy/", ours) is None


def test_a_password_protected_page_asks_for_its_password_then_opens(client):
    about = english("about")
    PageViewRestriction.objects.create(page=about, restriction_type="password", password="children-first")
    assert_same_route("/en/about/")
    asked = client.get("/en/about/")
    html = asked.content.decode()
    assert "Password required" in html and "Who we are" not in html
    action = html.split('<form action="')[1].split('"')[0]
    assert action.startswith("/en/_util/authenticate_with_password/")
    wrong = client.post(action, {"password": "guess", "return_url": "/en/about/"})
    assert wrong.status_code == 200 and "not right" in wrong.content.decode()
    right = client.post(action, {"password": "children-first", "return_url": "/en/about/"})
    assert (right.status_code, right["Location"]) == (302, "/en/about/")
    assert "Who we are" in client.get("/en/about/").content.decode()


def test_a_password_protected_page_opened_by_one_visitor_stays_closed_to_the_next(client):
    """Pages keep their content between requests ({% page_body %}): never a page with privacy rules."""
    about = english("about")
    heading = f"<h1>{about.title}</h1>"
    assert heading in client.get("/en/about/").content.decode()  # kept while the page is public
    PageViewRestriction.objects.create(page=about, restriction_type="password", password="children-first")
    action = client.get("/en/about/").content.decode().split('<form action="')[1].split('"')[0]
    client.post(action, {"password": "children-first", "return_url": "/en/about/"})
    for _ in range(2):
        assert heading in client.get("/en/about/").content.decode()
    html = Client().get("/en/about/").content.decode()
    assert "Password required" in html and heading not in html


def view_restrictions_cases():
    """Pages whose privacy could be decided wrongly: restricted pages, their descendants, aliases of them, and
    an alias placed below a restricted section."""
    home = english("home-aple")
    restricted = english("where-we-work")
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="a")
    policies = home.add_child(instance=StandardPage(title="Policies", slug="policies"))
    staff = policies.add_child(instance=StandardPage(title="Staff only", slug="staff"))
    PageViewRestriction.objects.create(page=staff, restriction_type="login")
    alias_of_restricted = restricted.create_alias(parent=home, update_slug="offices")
    alias_below_restricted = english("about").create_alias(parent=staff, update_slug="about-copy")
    return [
        home,
        restricted,
        english("sihanoukville"),
        alias_of_restricted,
        *alias_of_restricted.get_children().specific(),
        policies,
        staff,
        alias_below_restricted,
        english("about"),
    ]


def test_view_restrictions_are_wagtails():
    for page in view_restrictions_cases():
        assert set(page.get_view_restrictions()) == set(Page.get_view_restrictions(page)), page.url_path
    assert not english("about").get_view_restrictions().exists()
    assert english("sihanoukville").get_view_restrictions().exists()


def test_the_home_page_routes_through_the_shortcut():
    assert HomePage.route is not Page.route  # else the tests above compare Wagtail with itself
