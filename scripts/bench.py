"""`make bench`: queries, server render time, page weight and axe results for every public page type.

Builds a separate SQLite database with the seed content, serves it with gunicorn under production settings,
then measures (1) SQL queries and median render time in-process with Django's test client, and (2) cold-cache
page weight and axe-core WCAG 2.x A/AA violations in headless Chromium. Figures, not pass/fail: compare runs
on the same machine only."""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".bench"
PORT = int(os.environ.get("BENCH_PORT", "8765"))
PATHS = [
    "/",
    "/about/",
    "/history/",
    "/history/social-support-begins/",
    "/partners/",
    "/partners/mlop-tapang/",
    "/agreements/",
    "/agreements/mou-mosvy/",
    "/where-we-work/",
    "/where-we-work/sihanoukville/",
    "/our-work/",
    "/our-work/strategy-2016-2020/",
    "/our-work/strategy-2016-2020/community-engagement/",
    "/cookie-policy/",
    "/cookies/preferences/",
    "/no-such-page/",
]
SCALE = int(os.environ.get("BENCH_SCALE", "10"))  # the second round multiplies the listed content this many times
ENV = {
    "DJANGO_SETTINGS_MODULE": "aple_site.settings.production",
    "SECRET_KEY": "bench-only-secret-key-not-for-production-use-0123456789",
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "DATABASE_URL": f"sqlite:///{WORK / 'bench.sqlite3'}",
    "STATIC_ROOT": str(WORK / "static"),
    "MEDIA_ROOT": str(WORK / "media"),
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_COOKIES": "false",
    "SECURE_HSTS_SECONDS": "0",
}


def manage(*args):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **ENV},
        check=True,
        stdout=subprocess.DEVNULL,
    )


def setup_django():
    os.environ.update(ENV)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def multiply_content(scale):
    """Copy every event, partner, MoU, office and program (scale - 1) times, links included."""
    from history.models import MoUPage, PartnerPage, TimelineEventPage
    from offices.models import OfficePage
    from programs.models import ProgramPage

    for model in (TimelineEventPage, PartnerPage, MoUPage, OfficePage, ProgramPage):
        for page in list(model.objects.filter(slug__regex=r"^[a-z0-9-]+[a-z]$")):
            parent = page.get_parent()
            for n in range(2, scale + 1):
                if not model.objects.filter(slug=f"{page.slug}-{n}").exists():
                    page.copy(
                        to=parent,
                        update_attrs={"slug": f"{page.slug}-{n}", "title": f"{page.title} ({n})"},
                        log_action=None,
                    )


def server_side_figures(n=30):
    """(path, status, queries on a warm request, median ms) through Django's test client."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, rows = Client(), []
    for path in PATHS:
        client.get(path)  # warm caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        query_count = len(queries)  # read now: Django clears the query log when the next request starts
        times = []
        for _ in range(n):
            start = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - start) * 1000)
        rows.append((path, response.status_code, query_count, statistics.median(times)))
    return rows


def browser_figures():
    """{path: (requests, bytes transferred, third-party requests, axe violations)} in headless Chromium."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT))
    from tests.browser.conftest import AXE_JS, AXE_TAGS, CHROMIUM, CHROMIUM_ARGS

    base, results = f"http://127.0.0.1:{PORT}", {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for path in PATHS:
            context = browser.new_context()
            page = context.new_page()
            sizes, urls = {}, []
            page.on("request", lambda request, urls=urls: urls.append(request.url))
            page.on(
                "requestfinished",
                lambda request, sizes=sizes: sizes.__setitem__(
                    request.url, request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"]
                ),
            )
            page.goto(base + path, wait_until="networkidle")
            page.evaluate(AXE_JS.read_text())
            violations = page.evaluate(
                "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations.map(v => v.id)",
                AXE_TAGS,
            )
            third = [u for u in urls if u.startswith("http") and not u.startswith(base)]
            results[path] = (len(urls), sum(sizes.values()), len(third), violations)
            context.close()
        browser.close()
    return results


def main():
    if (WORK / "bench.sqlite3").exists():
        (WORK / "bench.sqlite3").unlink()  # start from the seed content every time
    WORK.mkdir(exist_ok=True)
    manage("migrate", "--no-input", "-v", "0")
    manage("load_initial_data")
    manage("collectstatic", "--no-input", "-v", "0")
    setup_django()
    rows = server_side_figures()  # before Playwright: its event loop must not be running in this thread
    multiply_content(SCALE)
    scaled = {path: (queries, median) for path, _, queries, median in server_side_figures()}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "aple_site.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**os.environ, **ENV},
    )
    try:
        time.sleep(2)
        weights = browser_figures()
    finally:
        server.terminate()
        server.wait()
    print(f"\nQueries and median render (ms) with the seed content (1x) and with it multiplied {SCALE}x;")
    print(f"page weight and axe at {SCALE}x, cold cache, in Chromium through gunicorn (production settings).")
    print(
        f"{'path':50} {'st':>3} {'q 1x':>5} {'q ' + str(SCALE) + 'x':>5} {'ms 1x':>6} {'ms ' + str(SCALE) + 'x':>6} {'reqs':>5} {'KB':>6} {'3rd':>4}  axe"
    )
    for path, status, queries, median in rows:
        q_scaled, ms_scaled = scaled[path]
        requests, size, third, violations = weights.get(path, (0, 0, 0, ["n/a"]))
        print(
            f"{path:50} {status:>3} {queries:>5} {q_scaled:>5} {median:>6.1f} {ms_scaled:>6.1f} {requests:>5} "
            f"{size / 1024:>6.1f} {third:>4}  {len(violations)} {' '.join(violations)}"
        )


if __name__ == "__main__":
    main()
