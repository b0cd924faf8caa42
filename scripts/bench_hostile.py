"""`make bench`, hostile requests and a hanging Redis (issue: hardening, round 3).

- 2,000 hostile requests through nginx to gunicorn with Redis and its page cache on, as deployed: Host headers
  with a new port each time, long and odd query strings, bad page numbers, path tricks, request lines past
  nginx's limit, form posts without a token. Counted: answers by status (no 5xx allowed) and the Redis keys they
  added per 1,000 requests (a client must not be able to fill the cache).
- Pages from gunicorn whose Redis accepts connections and never answers: the latency of each page, first
  (which waits for one socket timeout) to last (the circuit breaker skips Redis)."""

import http.client
import statistics
import time
import uuid
from collections import Counter
from urllib.parse import quote

HOSTILE_PATHS = [
    "/en/?page=-1",
    "/en/news/?page=99999999999999999999",
    "/en/search/?q=" + "%F0%9F%92%A5" * 200,
    "/en/search/?q=" + "a" * 3000,
    "/en/..%2f..%2fetc%2fpasswd",
    "/en/history/?year=abc&category=%00",
    "/km/" + quote("ក" * 300) + "/",
    "/en/partners/?utm_source=" + "x" * 1000,
    "/static/../settings.py",
    "/media/original_images/IMG_0420.jpg",
    "/en/" + "a" * 9000 + "/",
    "/sitemap.xml?p=-5",
]


def _request(port, method, path, host, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        headers = {"Host": host}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status
    except (OSError, http.client.HTTPException):
        return "error"
    finally:
        connection.close()


def hostile_requests(proxy_port, count=2000):
    """Answers by status for `count` hostile requests (each with a Host port of its own)."""
    answers = Counter()
    for number in range(count):
        host = f"127.0.0.1:{1024 + number}"
        if number % 10 == 9:  # a form post without its CSRF token
            status = _request(proxy_port, "POST", "/en/get-help/report-abuse/", host, body="what=x")
        else:
            status = _request(proxy_port, "GET", HOSTILE_PATHS[number % len(HOSTILE_PATHS)], host)
        answers[status] += 1
    return answers


def redis_keys(prefix):
    import redis

    return sum(1 for _ in redis.Redis.from_url("redis://127.0.0.1:6379/0").scan_iter(match=f"{prefix}*", count=1000))


def pages_with_a_hanging_redis(base_port, paths):
    """ms of each page request, one after another, from a server whose Redis hangs."""
    times = []
    for path in paths:
        start = time.perf_counter()
        status = _request(base_port, "GET", path, "127.0.0.1")
        times.append(((time.perf_counter() - start) * 1000, status))
    return times


def hostile_figures(env, port, proxy_factory, gunicorn_factory, hanging_server_class, paths):
    """Runs both measurements; returns the figures for report_hostile."""
    prefix = f"aple-hostile-{uuid.uuid4().hex[:8]}"
    redis_env = {**env, "REDIS_URL": "redis://127.0.0.1:6379/0", "CACHE_KEY_PREFIX": prefix, "PAGE_CACHE": "true"}
    with gunicorn_factory(redis_env, port), proxy_factory(port) as proxy:
        proxy_port = int(proxy.rsplit(":", 1)[1])
        for path in paths:  # the site as visitors leave it: every page cached once
            _request(proxy_port, "GET", path, "127.0.0.1")
        before = redis_keys(prefix)
        start = time.perf_counter()
        answers = hostile_requests(proxy_port)
        seconds = time.perf_counter() - start
        added = redis_keys(prefix) - before
    hanging = hanging_server_class()
    try:
        hanging_env = {**env, "REDIS_URL": f"redis://127.0.0.1:{hanging.port}/0", "PAGE_CACHE": "true"}
        with gunicorn_factory(hanging_env, port, workers=1):
            times = pages_with_a_hanging_redis(port, paths)
    finally:
        hanging.close()
    return {"answers": answers, "seconds": seconds, "keys_added": added, "hanging": times}


def report_hostile(figures):
    answers = figures["answers"]
    total = sum(answers.values())
    fivexx = sum(n for status, n in answers.items() if isinstance(status, int) and status >= 500)
    print(f"\nHostile requests through nginx (Redis and the page cache on): {total} in {figures['seconds']:.1f} s")
    print("  answers: " + ", ".join(f"{status}: {n}" for status, n in sorted(answers.items(), key=str)))
    print(f"  5xx: {fivexx}  (budget 0)  {'ok' if fivexx == 0 else 'OVER BUDGET'}")
    per_thousand = figures["keys_added"] * 1000 / total
    print(f"  Redis keys added per 1,000 hostile requests: {per_thousand:.1f}")
    times = [ms for ms, _ in figures["hanging"]]
    statuses = Counter(status for _, status in figures["hanging"])
    print(f"\nPages while Redis hangs (accepts, never answers), {len(times)} pages one after another:")
    print(
        f"  first {times[0]:.0f} ms, median {statistics.median(times):.0f} ms, slowest {max(times):.0f} ms "
        f"(budget 1000)  {'ok' if max(times) < 1000 else 'OVER BUDGET'}; statuses {dict(statuses)}"
    )
