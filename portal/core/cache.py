"""The shared cache (Redis) with a per-process stand-in while Redis cannot be reached.

Everything the portal keeps in the cache either only saves time (Wagtail's site roots, template
fragments, the bell's unread count, presence, cached access answers) or counts something per
client (allauth's rate limits and its TOTP replay guard, the sockets' rate limits). During a
Redis outage the first kind may simply miss, but the second must keep working, and keep
*refusing*: allauth takes a lock with `cache.add` before it counts, so a cache that answers
"nothing" (django-redis's IGNORE_EXCEPTIONS returns None/False) refuses every sign-in after a
one-second wait, and a cache that raises (Django's RedisCache) turns every sign-in into a 500.

So this backend is Django's own RedisCache whose every call falls back to a LocMemCache in the
same process when Redis does not answer: limits still apply, per process instead of across
processes, and nothing waits on a dead server. After a failure Redis is left alone for
`RETRY_SECONDS` (a small circuit breaker: a blackholed Redis would otherwise cost a socket
timeout on every call), then tried again; recovery needs no restart. Stand-in entries are not
copied back: the shared state simply resumes from what Redis held.
"""

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# Errors that mean "Redis is not there" (BusyLoadingError is a ConnectionError too); a wrong
# command or a full Redis still raises, since falling back would hide a bug.
REDIS_UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)

# The calls of Django's cache API that reach the server; the rest of BaseCache (get_or_set,
# decr, the async variants, …) is built on these.
FAIL_SOFT_METHODS = (
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "has_key",
    "incr",
    "set_many",
    "delete_many",
    "clear",
)


class FailSoftRedisCache(RedisCache):
    """Django's RedisCache; while Redis is unreachable, a per-process LocMemCache instead."""

    RETRY_SECONDS = 5.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self.retry_seconds = float(params.get("RETRY_SECONDS", self.RETRY_SECONDS))
        self.stand_in = LocMemCache(
            f"fail-soft-{id(self)}",
            {
                "TIMEOUT": params.get("TIMEOUT", 300),
                "KEY_PREFIX": params.get("KEY_PREFIX", ""),
                "VERSION": params.get("VERSION", 1),
                "OPTIONS": {"MAX_ENTRIES": 20_000},
            },
        )
        self._down_until = 0.0
        self._degraded = False
        self._state_lock = threading.Lock()

    @property
    def degraded(self) -> bool:
        """True while calls go to the per-process stand-in."""
        return self._degraded

    def _redis_may_answer(self) -> bool:
        return time.monotonic() >= self._down_until

    def _went_down(self, method: str, error: Exception) -> None:
        with self._state_lock:
            self._down_until = time.monotonic() + self.retry_seconds
            if not self._degraded:
                self._degraded = True
                logger.warning(
                    "Redis cache unreachable (%s in %s); using a per-process cache, "
                    "retrying every %.0f s",
                    type(error).__name__,
                    method,
                    self.retry_seconds,
                )

    def _answered(self) -> None:
        if self._degraded:
            with self._state_lock:
                if self._degraded:
                    self._degraded = False
                    logger.warning("Redis cache answers again; shared cache restored")


def _fail_soft(name):
    redis_method = getattr(RedisCache, name)

    def method(self, *args, **kwargs):
        if self._redis_may_answer():
            try:
                result = redis_method(self, *args, **kwargs)
            except REDIS_UNREACHABLE as error:
                self._went_down(name, error)
            else:
                self._answered()
                return result
        return getattr(self.stand_in, name)(*args, **kwargs)

    method.__name__ = name
    method.__qualname__ = f"FailSoftRedisCache.{name}"
    method.__doc__ = redis_method.__doc__
    return method


for _name in FAIL_SOFT_METHODS:
    setattr(FailSoftRedisCache, _name, _fail_soft(_name))
