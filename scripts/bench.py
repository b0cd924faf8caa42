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
    "/en/",
    "/en/about/",
    "/en/history/",
    "/en/history/social-support-begins/",
    "/en/partners/",
    "/en/partners/mlop-tapang/",
    "/en/agreements/",
    "/en/agreements/mou-mosvy/",
    "/en/where-we-work/",
    "/en/where-we-work/sihanoukville/",
    "/en/our-work/",
    "/en/our-work/strategy-2016-2020/",
    "/en/our-work/strategy-2016-2020/community-engagement/",
    "/en/cookie-policy/",
    "/en/privacy/",
    "/en/get-help/",
    "/en/get-help/report-abuse/",
    "/en/get-help/contact/",
    "/en/ways-to-give/",
    "/en/publications/",
    "/en/publications/measuring-report-1/",
    "/en/transparency/",
    "/en/news/",
    "/en/news/measuring-news-1/",
    "/en/stories/",
    "/en/stories/measuring-story-1/",
    "/en/cookies/preferences/",
    "/en/search/?q=court",
    "/en/no-such-page/",
    # Khmer: the same templates with Khmer text and the Khmer font.
    "/km/",
    "/km/history/",
    "/km/partners/mlop-tapang/",
    "/km/our-work/strategy-2016-2020/community-engagement/",
    "/km/publications/",
    "/km/news/",
    "/km/search/?q=%E1%9E%8F%E1%9E%BB%E1%9E%9B%E1%9E%B6%E1%9E%80%E1%9E%B6%E1%9E%9A",
]
SCALE = int(os.environ.get("BENCH_SCALE", "10"))  # the second round multiplies the listed content this many times
ENV = {
    "DJANGO_SETTINGS_MODULE": "aple_site.settings.production",
    "SECRET_KEY": "bench-only-secret-key-not-for-production-use-0123456789",
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
    "DATABASE_URL": f"sqlite:///{WORK / 'bench.sqlite3'}",
    "STATIC_ROOT": str(WORK / "static"),
    "MEDIA_ROOT": str(WORK / "media"),
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_COOKIES": "false",
    "SECURE_HSTS_SECONDS": "0",
    "REPORTS_ENCRYPTION_KEYS": "YmVuY2gtb25seS1rZXktZm9yLWJlbmNobWFya3MtMDA=",
    "PAGE_CACHE": "false",  # render times and queries are measured uncached; throughput() measures both
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


def browser_figures(base):
    """{path: (requests, bytes transferred, third-party requests, axe violations, layout shift)} of a first visit
    in headless Chromium, through `base` (nginx as deployed: it compresses pages and serves the pre-compressed
    static files), on a 390 px phone: where a late banner or font would move the most."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT))
    from tests.browser.conftest import AXE_JS, AXE_TAGS, CHROMIUM, CHROMIUM_ARGS, PHONE
    from tests.browser.test_design import MEASURE_LAYOUT_SHIFT

    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for path in PATHS:
            context = browser.new_context(viewport=PHONE)
            context.add_init_script(MEASURE_LAYOUT_SHIFT)
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
            shift = page.evaluate("window.__layoutShift")
            results[path] = (len(urls), sum(sizes.values()), len(third), violations, shift)
            context.close()
        browser.close()
    return results


def throughput(rows):
    """wrk figures per path: app uncached, app with its page cache, nginx in front, nginx serving a file."""
    from bench_http import gunicorn, nginx, save_html, wrk

    paths = [path for path, status, *_ in rows if status == 200]
    env = {**os.environ, **ENV}
    figures = {path: {} for path in paths}
    with gunicorn({**env, "PAGE_CACHE": "false"}, PORT) as base:
        for path in paths:
            figures[path]["uncached"] = wrk(base + path)
    with gunicorn({**env, "PAGE_CACHE": "true"}, PORT) as base:
        for path in paths:
            figures[path]["cached"] = wrk(base + path)
        with nginx(WORK, PORT, PORT + 1) as proxy:
            for path in paths:
                figures[path]["nginx"] = wrk(proxy + path)
                figures[path]["file"] = wrk(proxy + save_html(base, path, WORK))
            weights = browser_figures(proxy)
        print(f"Load run: 60 s, 64 connections, every page in turn, gunicorn with its page cache ({base})", flush=True)
        load = wrk(base + "/", seconds=60, connections=64, paths=paths, work=WORK)
    return figures, load, weights


def under_attack():
    """Visitors' uncached pages while six clients flood the consent endpoint, and while two editors upload."""
    from bench_abuse import (
        HangingServer,
        consent_flood,
        report,
        report_mail,
        reports_with_a_hanging_mail_server,
        uploads_while_visiting,
    )
    from bench_http import gunicorn, nginx

    mail_server = HangingServer()  # the notification e-mails go to a mail server that hangs (help/notifications.py)
    env = {**os.environ, **ENV, "PAGE_CACHE": "false", "DJANGO_SUPERUSER_PASSWORD": "bench-admin-password-1"}
    env.update(EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(mail_server.port), EMAIL_USE_TLS="false")
    env.update(REPORTS_NOTIFY_EMAIL="hotline@example.org")
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "createsuperuser",
            "--no-input",
            "--username",
            "bench",
            "--email",
            "b@example.org",
        ],
        cwd=ROOT,
        env=env,
        check=False,
        capture_output=True,
    )
    with gunicorn(env, PORT) as base, nginx(WORK, PORT, PORT + 1) as proxy:
        print(f"Under attack: consent flood and uploads through nginx ({proxy})", flush=True)
        flood_figures = {"through nginx": consent_flood(proxy), "straight to gunicorn": consent_flood(base)}
        upload_figures = uploads_while_visiting(proxy, "bench", "bench-admin-password-1")
        mail_figures = reports_with_a_hanging_mail_server(proxy, mail_server)
    report(flood_figures, upload_figures)
    report_mail(mail_figures)
    mail_server.close()
    hostile_run()


def hostile_run():
    """Hostile requests through nginx with Redis on, then pages with a hanging Redis (scripts/bench_hostile.py)."""
    from bench_abuse import HangingServer
    from bench_hostile import hostile_figures, report_hostile
    from bench_http import gunicorn, nginx

    hostile = hostile_figures(
        {**os.environ, **ENV},
        PORT,
        lambda app_port: nginx(WORK, app_port, PORT + 1),
        gunicorn,
        HangingServer,
        [path for path in PATHS if "?" not in path][:16],
    )
    report_hostile(hostile)


def print_report(rows, scaled, figures, load, weights):
    print(f"\nQueries and median render (ms, page cache off) with the seed content (1x) and multiplied {SCALE}x;")
    print("requests/s with wrk (2 threads, 16 connections, 3 s) against gunicorn (2 workers, production")
    print("settings) without and with its page cache, through nginx (deploy/nginx-aple.conf), and nginx")
    print(
        f"serving the same HTML from a file; first-visit weight (through nginx), layout shift (390 px) and axe at {SCALE}x in Chromium."
    )
    print(
        f"{'path':52} {'st':>3} {'q 1x':>4} {'q ' + str(SCALE) + 'x':>5} {'ms 1x':>5} {'ms ' + str(SCALE) + 'x':>6}"
        f" {'rps app':>7} {'cached':>7} {'nginx':>7} {'file':>7} {'reqs':>4} {'KB':>5} {'3rd':>3} {'CLS':>5}  axe"
    )
    for path, status, queries, median in rows:
        q_scaled, ms_scaled = scaled[path]
        rps = figures.get(path, {})
        rates = " ".join(
            f"{rps[k]['rps']:>7.0f}" if k in rps else f"{'-':>7}" for k in ("uncached", "cached", "nginx", "file")
        )
        requests, size, third, violations, shift = weights.get(path, (0, 0, 0, ["n/a"], 0))
        print(
            f"{path:52} {status:>3} {queries:>4} {q_scaled:>5} {median:>5.1f} {ms_scaled:>6.1f} {rates}"
            f" {requests:>4} {size / 1024:>5.1f} {third:>3} {shift:>5.3f}  {len(violations)} {' '.join(violations)}"
        )
    print_budgets(rows, scaled, figures, weights)
    print(
        f"\nLoad run: {load['requests']} requests in 60 s ({load['rps']:.0f}/s), "
        f"{load['errors']} socket errors, {load['non2xx']} responses other than 2xx/3xx."
    )


def heaviest(weights, prefix):
    return max(w[1] for path, w in weights.items() if path.startswith(prefix))


def print_budgets(rows, scaled, figures, weights):
    """The issue's budgets, worst case over all pages, so a regression stands out."""
    pages = [path for path, status, *_ in rows if status == 200 and path in figures]
    # Forms, search results and the help pages (Cache-Control: no-store, so that Back after a quick exit brings
    # nothing back) are never cached: their rows show uncached figures only.
    never_cached = ("/cookies/", "/search/", "/get-help/")
    site_pages = [path for path in pages if not any(part in path for part in never_cached)]
    checks = [
        ("most queries on a page (budget 12)", max(max(q, scaled[p][0]) for p, _, q, _ in rows), 12, "le"),
        ("slowest median render, ms (budget 25)", max(max(ms, scaled[p][1]) for p, _, _, ms in rows), 25, "le"),
        ("fewest cached requests/s (budget 1000)", min(figures[p]["cached"]["rps"] for p in site_pages), 1000, "ge"),
        (
            "lowest nginx cached / nginx file ratio (budget 0.5)",
            min(figures[p]["nginx"]["rps"] / figures[p]["file"]["rps"] for p in site_pages),
            0.5,
            "ge",
        ),
        ("heaviest first visit, English, KB (budget 40)", heaviest(weights, "/en/") / 1024, 40, "le"),
        ("heaviest first visit, Khmer, KB (budget 75)", heaviest(weights, "/km/") / 1024, 75, "le"),
        ("largest first-visit layout shift, 390 px (budget 0.01)", max(w[4] for w in weights.values()), 0.01, "le"),
    ]
    print("\nBudgets:")
    for label, value, budget, direction in checks:
        ok = value <= budget if direction == "le" else value >= budget
        print(f"  {label:55} {value:>9.2f}  {'ok' if ok else 'OVER BUDGET'}")


class Tee:
    """Everything the benchmark prints, also kept to be written to the docs (docs/performance/figures.md)."""

    def __init__(self, stream):
        self.stream, self.kept = stream, []

    def write(self, text):
        self.kept.append(text)
        return self.stream.write(text)

    def flush(self):
        self.stream.flush()


def machine():
    """What the figures were measured on: they compare only with figures from the same machine."""
    import platform

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor() or "unknown CPU",
    )
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout
    return f"{os.cpu_count()} cores, {cpu}; {platform.platform()}; Python {platform.python_version()}; commit {commit.strip()}"


def write_figures(kept, started):
    """docs/performance/figures.md: the whole report of this run, with its date and machine (make bench only)."""
    page = ROOT / "docs" / "performance" / "figures.md"
    page.write_text(
        "# The latest figures\n\n"
        f"Written by `make bench` on {started:%Y-%m-%d %H:%M} UTC, on {machine()}, with `BENCH_SCALE={SCALE}`. "
        "Compare them only with figures from the same machine; the budgets are on [Performance](index.md).\n\n"
        "```\n" + "".join(kept).strip("\n") + "\n```\n"
    )
    print(f"\nWrote {page.relative_to(ROOT)}")


def main():
    import datetime

    started = datetime.datetime.now(datetime.UTC)
    if not sys.argv[1:]:  # the whole benchmark (make bench): its report goes to the docs too
        sys.stdout = Tee(sys.stdout)
        try:
            run()
        finally:
            sys.stdout, tee = sys.stdout.stream, sys.stdout
        write_figures(tee.kept, started)
    else:
        run()


def run():
    from bench_http import ensure_tools

    ensure_tools()
    if (WORK / "bench.sqlite3").exists():
        (WORK / "bench.sqlite3").unlink()  # start from the seed content every time
    WORK.mkdir(exist_ok=True)
    manage("migrate", "--no-input", "-v", "0")
    manage("load_initial_data")
    manage("collectstatic", "--no-input", "-v", "0")
    if sys.argv[1:] == ["attack"]:  # `python scripts/bench.py attack`: the attack figures alone
        under_attack()
        return
    if sys.argv[1:] == ["hostile"]:  # `python scripts/bench.py hostile`: hostile requests and a hanging Redis
        hostile_run()
        return
    setup_django()
    from tests.volume import add_news_and_stories, add_publications, multiply_content

    add_publications(5)  # the seed has none; the library is measured with 5 and with 5 × SCALE
    add_news_and_stories(5)  # the same for news and case stories
    from bench_cpu import cpu_figures, print_cpu_figures

    env = {**os.environ, **ENV}
    cpu = {"1x": cpu_figures(env, PORT + 2)}
    if sys.argv[1:] == ["cpu"]:  # `python scripts/bench.py cpu`: the CPU figures alone
        multiply_content(SCALE)
        cpu[f"{SCALE}x"] = cpu_figures(env, PORT + 2)
        print_cpu_figures(cpu)
        return
    rows = server_side_figures()  # before Playwright: its event loop must not be running in this thread
    from bench_search import postgres_figures, print_search_figures, relevance_figures

    search = {"SQLite": relevance_figures(), "PostgreSQL": postgres_figures(ENV)}
    multiply_content(SCALE)
    add_publications(5 * SCALE)
    add_news_and_stories(5 * SCALE)
    scaled = {path: (queries, median) for path, _, queries, median in server_side_figures()}
    cpu[f"{SCALE}x"] = cpu_figures(env, PORT + 2)
    figures, load, weights = throughput(rows)
    print_report(rows, scaled, figures, load, weights)
    print_cpu_figures(cpu)
    print_search_figures(search)
    under_attack()


if __name__ == "__main__":
    main()
