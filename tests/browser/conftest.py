"""Browser-test harness: Debian's Chromium driven by Python Playwright against Django's live server,
with axe-core for accessibility checks. Every capability's browser tests use these fixtures."""

import functools
import os
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]  # axe has no separate wcag22a tag
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def site_url(site_server, committed_db):
    """The live server's address. Whatever a test changes is undone afterwards (tests/fixtures.py)."""
    return site_server.url


@functools.cache
def axe_source():
    return AXE_JS.read_text()


class Visitor:
    """A fresh browser profile (no cookies, cold cache) that records every request it makes."""

    def __init__(self, browser, base_url, viewport=DESKTOP, javascript=True):
        self.base_url = base_url
        self.context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
        self.page = self.context.new_page()
        self.requests = []
        self.in_flight = set()
        self.last_network_event_ms = 0.0
        self.page.on("request", self._started)
        self.page.on("requestfinished", self._ended)
        self.page.on("requestfailed", self._ended)

    def _started(self, request):
        self.requests.append(request.url)
        self.in_flight.add(request)
        self.last_network_event_ms = time.monotonic() * 1000

    def _ended(self, request):
        self.in_flight.discard(request)
        self.last_network_event_ms = time.monotonic() * 1000

    def go(self, path):
        response = self.page.goto(self.base_url + path)
        self.settle()
        return response

    def settle(self, quiet_ms=150, timeout_ms=10_000):
        """Wait until the page has loaded, nothing is in flight and the network has been quiet for `quiet_ms`:
        what the page's scripts fetch on load (the consent status, then the banner) has arrived and been drawn.
        Playwright's "networkidle" does the same with a fixed 500 ms of silence, which over a few hundred page
        visits was minutes of the suite."""
        self.page.wait_for_load_state("load")
        deadline = time.monotonic() * 1000 + timeout_ms
        while time.monotonic() * 1000 < deadline:
            if not self.in_flight and time.monotonic() * 1000 - self.last_network_event_ms >= quiet_ms:
                return
            self.page.wait_for_timeout(25)
        raise AssertionError(f"Requests still in flight after {timeout_ms} ms: {[r.url for r in self.in_flight]}")

    def third_party_requests(self):
        own = urlsplit(self.base_url).netloc
        return [url for url in self.requests if url.startswith("http") and urlsplit(url).netloc != own]

    def cookie_names(self):
        return sorted(cookie["name"] for cookie in self.context.cookies())

    def axe_violations(self):
        """axe-core WCAG 2.x A/AA violations. The file is evaluated, not injected, so a strict CSP can't block it."""
        self.page.evaluate(axe_source())
        # resultTypes: details are gathered for the violations only, not for every rule that passed.
        return self.page.evaluate(
            """async (tags) => {
                const result = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                        resultTypes: ['violations']});
                return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => n.target.join(' '))}));
            }""",
            AXE_TAGS,
        )

    def close(self):
        self.context.close()


@pytest.fixture
def visitor_factory(browser, site_url):
    visitors = []

    def make(viewport=DESKTOP, javascript=True):
        visitor = Visitor(browser, site_url, viewport, javascript)
        visitors.append(visitor)
        return visitor

    yield make
    for visitor in visitors:
        visitor.close()


@pytest.fixture
def visitor(visitor_factory):
    return visitor_factory()


@pytest.fixture
def phone_visitor(visitor_factory):
    return visitor_factory(viewport=PHONE)


def wait_until(page, expression, timeout_ms=10_000):
    """Poll a JavaScript expression until it is truthy. Unlike wait_for_function, page.evaluate is not
    subject to the site's Content-Security-Policy (which forbids eval)."""
    for _ in range(timeout_ms // 100):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"Still false after {timeout_ms} ms: {expression}")
