"""Server CPU per request for `make bench`, from the gunicorn processes' own CPU time.

Requests per second move with whatever else the machine does; the CPU time the server's processes spend per
request (user + system, read from /proc) moves far less, so the figures compare page types fairly. Each page
type is measured in three interleaved rounds and given as a ratio to the home page of the same run:

- uncached: the page cache off, everything else as in production (the content version unchanged, so the
  furniture and each page's related lists are reused): what a page costs when it is not in the page cache;
- after a publish: the content version bumped before every request, so nothing is reused at all: what every
  page costs right after an editor publishes;
- cached: the page cache on (every request a hit).

Then the thundering herd: 64 concurrent requests for one page right after a publish, through the shared cache
(Redis), and how many of them rendered it."""

import contextlib
import http.client
import os
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench_http import serving

ROOT = Path(__file__).resolve().parent.parent
# One page of each type (and the home page first: the ratios are to it), in English and two in Khmer.
CPU_PATHS = {
    "/en/": "home",
    "/en/about/": "standard page",
    "/en/history/": "timeline",
    "/en/history/social-support-begins/": "event",
    "/en/partners/": "partners",
    "/en/partners/mlop-tapang/": "partner",
    "/en/agreements/": "MoUs",
    "/en/agreements/mou-mosvy/": "MoU",
    "/en/where-we-work/": "offices",
    "/en/where-we-work/sihanoukville/": "office",
    "/en/our-work/": "our work",
    "/en/our-work/strategy-2016-2020/": "strategy",
    "/en/our-work/strategy-2016-2020/community-engagement/": "program",
    "/en/publications/measuring-report-1/": "publication",
    "/en/news/measuring-news-1/": "news item",
    "/en/stories/measuring-story-1/": "story",
    "/km/": "home (Khmer)",
    "/km/our-work/strategy-2016-2020/community-engagement/": "program (Khmer)",
}
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
RELEASE = "bench-cpu"
TICK = os.sysconf("SC_CLK_TCK")
REQUESTS = 20  # per page and round
ROUNDS = 3
HERD = 64


def cpu_seconds(pid):
    """User + system CPU time of the process and its children (gunicorn's workers), in seconds."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry.name) == pid or int(fields[1]) == pid:  # fields[1] is the parent's pid
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICK


@contextlib.contextmanager
def gunicorn(env, port):
    """gunicorn as deployed (2 workers of 4 threads); yields (address, pid)."""
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "aple_site.wsgi", "--workers", "2", "--threads", "4"]
        + ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    with serving(server, port) as url:
        yield url, server.pid


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("X-Page-Cache")
    finally:
        connection.close()


def redis_cache():
    """The cache the servers measured here share (Redis), as the site reads it: for bumping the content version."""
    from django_redis.cache import RedisCache

    return RedisCache(REDIS_URL, {"KEY_PREFIX": f"aple:{RELEASE}"})


def publish(shared):
    """What any publish does to the caches: one increment of the content version."""
    try:
        shared.incr("aple:content-version")
    except ValueError:
        shared.set("aple:content-version", int(time.time() * 1000), None)


def per_request(port, pid, path, before_each=None):
    for _ in range(2):  # warm: the furniture, the route, the page's lists
        get(port, path)
    start = cpu_seconds(pid)
    for _ in range(REQUESTS):
        if before_each:
            before_each()
        get(port, path)
    return (cpu_seconds(pid) - start) / REQUESTS * 1000


def measure(env, port, before_each=None):
    """{path: median CPU ms per request over ROUNDS interleaved rounds}."""
    rounds = {path: [] for path in CPU_PATHS}
    with gunicorn(env, port) as (_, pid):
        for _ in range(ROUNDS):
            for path in CPU_PATHS:
                rounds[path].append(per_request(port, pid, path, before_each))
    return {path: statistics.median(values) for path, values in rounds.items()}


def herd(env, port, paths=("/en/about/", "/en/our-work/strategy-2016-2020/community-engagement/", "/km/history/")):
    # (warm first, as servers in production are: a worker's very first render also loads its templates and
    # catalogues, which can take longer than others wait for it, and they then render it themselves)
    """{path: how many of HERD concurrent requests rendered the page, right after a publish}."""
    shared = redis_cache()
    renders = {}
    with gunicorn(env, port), ThreadPoolExecutor(HERD) as pool:
        # Every worker and thread warm (searches are never cached, so each renders its templates), then the page
        # in the cache, as on a running server.
        list(pool.map(lambda n: get(port, f"/en/search/?q=warm{n}"), range(16)))
        for path in paths:
            list(pool.map(lambda _, path=path: get(port, path), range(16)))
            publish(shared)
            answers = list(pool.map(lambda _, path=path: get(port, path), range(HERD)))
            assert {status for status, _ in answers} == {200}, answers
            renders[path] = sum(1 for _, how in answers if how == "miss")
    return renders


def cpu_figures(base_env, port):
    """The CPU per request of each page type, uncached, after a publish and cached, and the herd's renders."""
    env = {**base_env, "REDIS_URL": REDIS_URL, "RELEASE": RELEASE, "CACHE_KEY_PREFIX": "aple"}
    shared = redis_cache()
    shared.clear()
    figures = {
        "uncached": measure({**env, "PAGE_CACHE": "false"}, port),
        "after a publish": measure({**env, "PAGE_CACHE": "false"}, port, before_each=lambda: publish(shared)),
        "cached": measure({**env, "PAGE_CACHE": "true"}, port),
    }
    renders = herd({**env, "PAGE_CACHE": "true"}, port)
    shared.clear()
    return figures, renders


def print_cpu_figures(by_scale):
    """by_scale: {scale label: (figures, renders)}."""
    print(
        "\nServer CPU ms per request (gunicorn's processes, median of 3 rounds of 20), and as a ratio to the home page:"
    )
    columns = [(scale, kind) for scale in by_scale for kind in by_scale[scale][0]]
    print(f"{'page':18} {'path':52} " + " ".join(f"{scale + ' ' + kind:>22}" for scale, kind in columns))
    for path, label in CPU_PATHS.items():
        cells = []
        for scale, kind in columns:
            figures = by_scale[scale][0][kind]
            cells.append(f"{figures[path]:>7.1f} ms x{figures[path] / figures['/en/']:>5.2f}".rjust(22))
        print(f"{label:18} {path:52} " + " ".join(cells))
    detail = [p for p, label in CPU_PATHS.items() if label.split(" (")[0] in DETAIL_TYPES]
    for scale, (figures, renders) in by_scale.items():
        uncached = figures["uncached"]
        worst = max(detail, key=lambda p: uncached[p] / uncached["/en/"])
        print(
            f"  {scale}: costliest detail page uncached {CPU_PATHS[worst]} at x{uncached[worst] / uncached['/en/']:.2f} "
            f"of the home page (budget 1.00); {HERD} concurrent requests right after a publish rendered "
            + ", ".join(f"{path} {count} time(s)" for path, count in renders.items())
            + " (budget 1 each)"
        )


DETAIL_TYPES = {"event", "partner", "MoU", "office", "strategy", "program", "publication", "news item", "story"}
