"""Anonymous pages are cacheable and cached, a change an editor publishes is visible at once, editors never
get a cached page, and every public page stays within the query budget whatever the content volume."""

import os
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from urllib.request import urlopen

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction, Site

import pytest
from cookie_consent.models import CookieGroup

from aple_site.factories import StandardPageFactory
from aple_site.models import SiteSettings
from aple_site.settings.caches import redis_cache
from aple_site.web.routing import routes_itself
from history.factories import HistoryIndexPageFactory, TimelineEventPageFactory
from tests.base import SiteTestCase
from tests.volume import multiply_content

QUERY_BUDGET = 12
# A page's own lists (related pages, children, neighbours) and its furniture are built once per content version
# (SitePage.related_context, aple_site/caching/version.py), so a warm page needs only a few queries of its own.
PAGE_QUERY_BUDGET = 5


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


@override_settings(PAGE_CACHE=True)
class PageCacheTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.about = StandardPageFactory(parent=cls.home, title="About APLE", slug="about")
        cls.site = Site.objects.get(is_default_site=True)
        SiteSettings.for_site(cls.site)  # as the seed content does; creating it later would clear the cache

    def test_anonymous_page_is_public_and_served_from_the_cache(self):
        first = self.client.get(self.about.url)
        self.assertIn("public", first["Cache-Control"])
        self.assertIn(f"max-age={settings.PAGE_MAX_AGE}", first["Cache-Control"])
        second, queries = count_queries(self.client, self.about.url)
        self.assertEqual(second["X-Page-Cache"], "hit")
        self.assertEqual(queries, 0)
        self.assertEqual(second.content, first.content)

    def test_publishing_a_page_shows_the_change_at_once(self):
        self.client.get(self.about.url)
        self.about.title = "Who we are"
        self.about.save_revision().publish()
        self.assertContains(self.client.get(self.about.url), "Who we are")
        # The menu on other pages, cached separately, changes too.
        self.assertContains(self.client.get(self.home.url), "Who we are")

    def test_unpublishing_a_page_removes_it_at_once(self):
        self.client.get(self.about.url)
        self.about.unpublish()
        self.assertEqual(self.client.get(self.about.url).status_code, 404)

    def test_making_a_page_private_takes_the_public_copy_down_at_once(self):
        for restriction in (
            {"restriction_type": "password", "password": "secret"},
            {"restriction_type": "login"},
            {"restriction_type": "groups"},
        ):
            with self.subTest(restriction["restriction_type"]):
                PageViewRestriction.objects.filter(page=self.about).delete()
                self.assertContains(self.client.get(self.about.url), "About APLE</h1>")
                self.assertEqual(self.client.get(self.about.url)["X-Page-Cache"], "hit")
                rule = PageViewRestriction.objects.create(page=self.about, **restriction)
                if restriction["restriction_type"] == "groups":
                    self.client.get(self.about.url)
                    rule.groups.add(Group.objects.get(name="Moderators"))
                response = self.client.get(self.about.url)
                self.assertNotContains(response, "About APLE</h1>", status_code=response.status_code)
                self.assertNotEqual(response.get("X-Page-Cache"), "hit")

    def test_deleting_or_moving_a_page_takes_it_down_at_once(self):
        other = StandardPageFactory(parent=self.home, title="Elsewhere", slug="elsewhere")
        old_url = self.about.url
        self.client.get(old_url)
        self.about.move(other, pos="last-child")
        moved_url = Page.objects.get(pk=self.about.pk).url
        # Not the cached copy: Wagtail's automatic redirect to the new address.
        self.assertRedirects(self.client.get(old_url), moved_url, status_code=301, fetch_redirect_response=False)
        self.assertContains(self.client.get(moved_url), "About APLE</h1>")
        Page.objects.get(pk=self.about.pk).delete()
        self.assertEqual(self.client.get(moved_url).status_code, 404)

    def test_the_sitemap_follows_the_same_rule(self):
        about_url = f"http://localhost{self.about.url}"
        first = self.client.get("/sitemap.xml")
        self.assertContains(first, about_url)
        self.assertIn(f"max-age={settings.PAGE_MAX_AGE}", first["Cache-Control"])
        self.about.unpublish()
        self.assertNotContains(self.client.get("/sitemap.xml"), about_url)
        self.about.save_revision().publish()
        self.assertContains(self.client.get("/sitemap.xml"), about_url)
        PageViewRestriction.objects.create(page=self.about, restriction_type="login")
        self.assertNotContains(self.client.get("/sitemap.xml"), about_url)

    def test_query_strings_the_page_does_not_read_share_one_entry(self):
        self.client.get(self.about.url)
        for query in ("utm_source=newsletter-1", "utm_source=newsletter-2&fbclid=abc", "gclid=x", "x=1", "page=9"):
            with self.subTest(query):
                response = self.client.get(f"{self.about.url}?{query}")
                self.assertEqual(response["X-Page-Cache"], "hit")
        keys_before = self.cache_keys()
        for number in range(200):
            self.client.get(f"{self.about.url}?utm_source={number}&mc_eid={number}")
        self.assertEqual(self.cache_keys(), keys_before)

    def test_a_filter_the_page_reads_gets_its_own_entry(self):
        history = HistoryIndexPageFactory(parent=self.home)
        TimelineEventPageFactory(parent=history, title="Siem Reap office opens", category="office")
        TimelineEventPageFactory(parent=history, title="A court case", category="recognition")
        filtered = self.client.get(f"{history.url}?category=office")
        self.assertNotContains(filtered, "A court case")
        everything = self.client.get(history.url)
        self.assertEqual(everything["X-Page-Cache"], "miss")
        self.assertContains(everything, "A court case")
        again = self.client.get(f"{history.url}?utm_campaign=x&category=office")
        self.assertEqual(again["X-Page-Cache"], "hit")
        self.assertNotContains(again, "A court case")

    def test_every_key_carries_the_release(self):
        self.assertTrue(settings.RELEASE)
        self.assertIn(settings.RELEASE, cache.make_key("anything"))

    def cache_keys(self):
        backend = cache._cache if hasattr(cache, "_cache") and isinstance(cache._cache, dict) else None
        if backend is not None:
            return len(backend)
        return len(cache.keys("*"))

    def test_changing_a_snippet_or_settings_shows_at_once(self):
        self.client.get(self.about.url)
        settings = SiteSettings.for_site(self.site)
        settings.footer_text = "Protecting children since 2003."
        settings.save()
        self.assertContains(self.client.get(self.about.url), "Protecting children since 2003.")
        CookieGroup.objects.create(varname="video", name="Videos from partners", description="x", is_required=False)
        self.assertContains(self.client.get(self.about.url), "Videos from partners")

    def test_editors_get_fresh_private_pages(self):
        self.client.get(self.about.url)  # cached for anonymous visitors
        self.login_as_superuser()
        response = self.client.get(self.about.url)
        self.assertIn("private", response["Cache-Control"])
        self.assertNotIn("X-Page-Cache", response)
        self.assertContains(response, "wagtail-userbar")  # rendered for the editor, not the cached copy

    def test_responses_that_set_cookies_are_not_cached(self):
        PageViewRestriction.objects.create(page=self.about, restriction_type="password", password="secret")
        response = self.client.get(self.about.url)
        self.assertIn("csrftoken", response.cookies)
        self.assertNotIn("public", response.get("Cache-Control", ""))
        self.assertNotEqual(self.client.get(self.about.url).get("X-Page-Cache"), "hit")

    def test_restricted_pages_stay_restricted_below_a_restricted_ancestor(self):
        child = StandardPageFactory(parent=self.about, title="Staff only", slug="staff")
        PageViewRestriction.objects.create(page=self.about, restriction_type="password", password="secret")
        response = self.client.get(child.url)
        self.assertNotContains(response, "Staff only</h1>")
        self.assertContains(response, 'type="password"')

    def test_other_hosts_and_methods_are_not_served_from_the_cache(self):
        self.client.get(self.about.url)
        self.assertNotIn("X-Page-Cache", self.client.post(self.about.url))
        response = self.client.get(self.about.url, HTTP_HOST="bad host")
        self.assertEqual(response.status_code, 400)


# Views that are not pages, with the status they answer: within the budget too, in both languages.
VIEWS = {
    "/en/cookies/preferences/": 200,
    "/km/cookies/preferences/": 200,
    "/en/search/?q=court": 200,
    "/km/search/?q=%E1%9E%8F%E1%9E%BB%E1%9E%9B%E1%9E%B6%E1%9E%80%E1%9E%B6%E1%9E%9A": 200,
    "/en/no-such-page/": 404,
}


@override_settings(PAGE_CACHE=False)
class QueryBudgetTests(TestCase):
    """Every public page, in both languages, renders in at most QUERY_BUDGET queries on the seed content, and in
    as many again on content doubled (the page cache off, as for a first visitor): a query per item shows at any
    growth, and `make bench` goes to 10x. The other views stay within the budget too."""

    @classmethod
    def setUpTestData(cls):
        pages = list(Page.objects.live().filter(depth__gte=2).specific())
        cls.urls = [page.url for page in pages]
        # Pages that answer their own address only: every page but the listings with routes of their own (news
        # and case stories, with their feeds), which run within QUERY_BUDGET.
        cls.plain_urls = [page.url for page in pages if not routes_itself(page)]

    def queries(self, urls, status=200):
        found = {}
        for url in urls:
            self.client.get(url)  # warm Wagtail's site cache and the page furniture, as on a running server
            response, queries = count_queries(self.client, url)
            self.assertEqual(response.status_code, status if isinstance(status, int) else status[url], url)
            found[url] = queries
        return found

    def assert_within_budget(self, found):
        self.assertEqual({url: n for url, n in found.items() if n > QUERY_BUDGET}, {}, f"over {QUERY_BUDGET} queries")

    def assert_within_page_budget(self, found):
        over = {url: n for url in self.plain_urls if (n := found[url]) > PAGE_QUERY_BUDGET}
        self.assertEqual(over, {}, f"over {PAGE_QUERY_BUDGET} queries")

    def test_every_page_stays_within_budget_as_content_grows(self):
        before = self.queries(self.urls)
        self.assertGreater(len(before), 60)
        self.assertGreater(len(self.plain_urls), 55)
        self.assert_within_budget(before)
        self.assert_within_page_budget(before)
        self.assert_within_budget(self.queries(VIEWS, VIEWS))
        multiply_content(2)
        self.assertEqual(self.queries(self.urls), before)
        self.assert_within_budget(self.queries(VIEWS, VIEWS))


def redis_cache_settings():
    """A Redis database of its own for each pytest-xdist worker: cache.clear() empties the whole database."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379")
    return {"default": redis_cache(f"{url}/{8 + int(worker) % 8}", settings.CACHE_KEY_PREFIX)}


@override_settings(CACHES=redis_cache_settings())
class RedisPageCacheTests(PageCacheTests):
    """The same behaviour with Redis, the cache that several app servers share in production."""


@pytest.mark.usefixtures("committed_db")
def test_64_visitors_right_after_a_publish_render_the_page_once(site_server):
    """Every publish makes every page new to the cache at once. With the shared cache (Redis), the first request
    for a page renders it while the others for it wait for that copy: 64 concurrent visitors, one render, and
    each of them sees the change (never the copy from before the publish)."""

    def visit(url):
        with urlopen(url, timeout=30) as response:
            return response.status, response.headers["X-Page-Cache"], response.read()

    for language in ("en", "km"):
        url = f"{site_server.url}/{language}/about/"
        with override_settings(CACHES=redis_cache_settings(), PAGE_CACHE=True):
            cache.clear()
            try:
                assert visit(url)[1] == "miss" and visit(url)[1] == "hit"
                about = Page.objects.get(slug="about", locale__language_code=language).specific
                about.title = f"{about.title}, just published"
                about.save_revision().publish()
                with ThreadPoolExecutor(64) as pool:
                    answers = list(pool.map(visit, [url] * 64))
            finally:
                cache.clear()
        assert {status for status, _, _ in answers} == {200}
        assert Counter(how for _, how, _ in answers)["miss"] == 1, (language, Counter(how for _, how, _ in answers))
        assert all(f"{about.title}</h1>".encode() in body for _, _, body in answers)
