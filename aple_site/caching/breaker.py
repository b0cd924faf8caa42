"""Redis behind a circuit breaker: a cache that hangs or is down costs one short timeout, not every call's.

A page makes a dozen cache calls. With Redis accepting connections but never answering, each waited for its
socket timeout, and a page took over a minute (past nginx's 60 s) while the rest of the site was fine. So after
one failed call this process stops calling Redis for BREAKER_SECONDS: reads are misses, writes are skipped, and
pages are built from the database as if the cache were empty. The first call after that tries Redis again.

An outage is logged once per LOG_INTERVAL_SECONDS, in one line (no traceback: under load, a traceback per call
wrote 78 MB of logs in 15 s), and its end once. /healthz/ reports the cache as degraded while the breaker is
open (aple_site/web/health.py)."""

import functools
import logging
import threading
import time

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("aple_site.cache")

OUTAGE = (RedisConnectionError, RedisTimeoutError, ConnectionInterrupted, OSError)


class Breaker:
    """Open (calls skipped) for `seconds` after a failure; one log line per `log_interval` while it lasts."""

    def __init__(self, seconds, log_interval, clock=time.monotonic):
        self.seconds, self.log_interval, self.clock = seconds, log_interval, clock
        self.open_until = 0.0
        self.failing = False  # since the last failure, no call has succeeded
        self.logged_at = None
        self._lock = threading.Lock()

    def is_open(self):
        return self.clock() < self.open_until

    def trip(self, error):
        with self._lock:
            now = self.clock()
            self.open_until = now + self.seconds
            self.failing = True
            if self.logged_at is None or now - self.logged_at >= self.log_interval:
                self.logged_at = now
                logger.error(
                    "Cache unreachable (%s: %s): serving without it, next try in %s s",
                    type(error).__name__,
                    str(error)[:200],
                    self.seconds,
                )

    def succeeded(self):
        if self.failing:
            with self._lock:
                if self.failing:
                    self.failing, self.logged_at = False, None
                    logger.warning("Cache reachable again")


def _guarded(name, fallback):
    """RedisCache's method `name`, skipped while the breaker is open and tripping it on an outage; `fallback`
    gives the answer of a skipped or failed call from the call's arguments (a miss, nothing written)."""
    inner = getattr(RedisCache, name)

    @functools.wraps(inner)
    def method(self, *args, **kwargs):
        if self.breaker.is_open():
            return fallback(*args, **kwargs)
        try:
            result = inner(self, *args, **kwargs)
        except OUTAGE as error:
            self.breaker.trip(error)
            return fallback(*args, **kwargs)
        self.breaker.succeeded()
        return result

    return method


def _default(key, default=None, *args, **kwargs):
    return default


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _empty_dict(*args, **kwargs):
    return {}


def _empty_list(*args, **kwargs):
    return []


# One breaker per Redis address in a process: Django makes a cache object per thread, and every thread of a
# gunicorn worker must learn of an outage from the first call that meets it, not pay a timeout of its own.
_BREAKERS = {}
_BREAKERS_LOCK = threading.Lock()


def breaker_for(server, seconds, log_interval):
    with _BREAKERS_LOCK:
        return _BREAKERS.setdefault(str(server), Breaker(seconds, log_interval))


class BreakerRedisCache(RedisCache):
    """django-redis's RedisCache, its calls behind a Breaker (one per process and Redis address). Options:
    BREAKER_SECONDS (default 10) and LOG_INTERVAL_SECONDS (default 60). Set IGNORE_EXCEPTIONS to False: the
    breaker handles outages, other errors (a programming error) are raised."""

    def __init__(self, server, params):
        super().__init__(server, params)
        options = params.get("OPTIONS", {})
        self.breaker = breaker_for(server, options.get("BREAKER_SECONDS", 10), options.get("LOG_INTERVAL_SECONDS", 60))

    def is_degraded(self):
        return self.breaker.is_open()

    get = _guarded("get", _default)
    get_many = _guarded("get_many", _empty_dict)
    has_key = _guarded("has_key", _false)
    add = _guarded("add", _false)
    set = _guarded("set", _false)
    set_many = _guarded("set_many", _empty_list)
    touch = _guarded("touch", _false)
    delete = _guarded("delete", _false)
    delete_many = _guarded("delete_many", _nothing)
    delete_pattern = _guarded("delete_pattern", _nothing)
    incr = _guarded("incr", _nothing)
    decr = _guarded("decr", _nothing)
    incr_version = _guarded("incr_version", _nothing)
    keys = _guarded("keys", _empty_list)
    iter_keys = _guarded("iter_keys", lambda *a, **k: iter(()))
    ttl = _guarded("ttl", _nothing)
    expire = _guarded("expire", _false)
    persist = _guarded("persist", _false)
    clear = _guarded("clear", _nothing)
