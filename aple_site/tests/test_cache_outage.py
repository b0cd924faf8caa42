"""A Redis that hangs (accepts connections, never answers) or is down: the site serves every page without it,
calls it once and then leaves it alone for a while (a circuit breaker), says "degraded" on /healthz/, and logs
the outage in one line per interval, not a traceback per call. (Page times under a hanging Redis are measured by
`make bench`, not here.)"""

import logging

from django.core.cache import caches
from django.test import Client

import pytest

from aple_site.caching.breaker import Breaker
from aple_site.settings.caches import redis_cache
from scripts.bench_abuse import HangingServer
from tests.test_bad_input import live_pages

pytestmark = pytest.mark.faults


@pytest.fixture
def hanging_redis(settings):
    server = HangingServer()
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{server.port}/0", "aple-hanging")}
    settings.PAGE_CACHE = True
    yield server
    caches["default"].close()
    server.close()


def test_pages_call_a_hanging_redis_once_then_leave_it_alone(hanging_redis, db, caplog):
    client = Client()
    pages = live_pages()[:30]
    with caplog.at_level(logging.WARNING):
        for page in pages:
            assert client.get(page.url).status_code == 200, page.url
        assert client.get("/en/search/?q=court").status_code == 200
    # Without the breaker each of the pages' dozens of cache calls waits for its timeout on a new connection.
    assert hanging_redis.connections <= 2
    outage = [record for record in caplog.records if "cache" in record.name.lower()]
    assert len(outage) == 1, [record.getMessage() for record in outage]
    assert outage[0].exc_info is None and len(outage[0].getMessage()) < 400  # one line, no traceback


def test_every_thread_of_a_worker_learns_of_the_outage_from_the_first_failure(hanging_redis, db):
    import threading

    from django.core.cache import cache

    cache.get("anything")  # fails once, after its socket timeout
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(caches["default"].is_degraded())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == [True] * 4  # (each thread has a cache object of its own, and the process one breaker)


def test_health_says_degraded_while_the_cache_hangs(hanging_redis, db):
    response = Client().get("/healthz/")
    assert response.status_code == 200  # the app still serves pages: keep it in the load balancer
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "degraded"}


def test_the_breaker_closes_again_and_logs_each_interval_once(caplog):
    now = [100.0]
    breaker = Breaker(seconds=10, log_interval=60, clock=lambda: now[0])
    with caplog.at_level(logging.WARNING, logger="aple_site.cache"):
        breaker.trip(TimeoutError("Timeout reading from socket"))
        assert breaker.is_open()
        now[0] += 10
        assert not breaker.is_open()  # one call may try again
        breaker.trip(TimeoutError("Timeout reading from socket"))  # still down: within the interval, no new line
        now[0] += 55
        breaker.trip(TimeoutError("Timeout reading from socket"))  # a minute on: one more line
        breaker.succeeded()
        breaker.succeeded()
    assert [record.getMessage().split(" (")[0] for record in caplog.records] == [
        "Cache unreachable",
        "Cache unreachable",
        "Cache reachable again",
    ]
