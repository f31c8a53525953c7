"""Per-user rate limits for socket frames, counted in the shared cache (Redis in production).

Fixed windows: cheap (one INCR per frame) and, with Redis, shared by every server process, so a
user cannot multiply the limit by opening more sockets or tabs. If the cache is unreachable the
limit fails open for that moment: availability of the chat matters more than exact counting
during a Redis restart, and the message length and frame size bounds still hold.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

# (limit, window in seconds) per bucket; settings.COCREATION_RATE_LIMITS overrides.
DEFAULT_LIMITS = {
    "message": (30, 10),  # message.send / edit / delete
    "frame": (120, 10),  # every frame, including typing, read and sync
}


def limits() -> dict:
    return {**DEFAULT_LIMITS, **getattr(settings, "COCREATION_RATE_LIMITS", {})}


_redis = None


def _redis_client():
    """A Redis client of our own (one pipelined round trip per check), or None without Redis."""
    global _redis
    if _redis is None and settings.REDIS_URL:
        import redis

        _redis = redis.Redis.from_url(
            settings.REDIS_URL, socket_timeout=2, socket_connect_timeout=2
        )
    return _redis


def _prefix() -> str:
    return settings.CACHES["default"].get("KEY_PREFIX", "portal")


def _counts(keys: list[tuple[str, int]]) -> list[int]:
    """Increment each (key, window) counter; one pipelined round trip on Redis."""
    client = _redis_client()
    if client is not None:
        pipe = client.pipeline(transaction=False)
        for key, window in keys:
            pipe.set(f"{_prefix()}:{key}", 0, ex=window + 1, nx=True)
            pipe.incr(f"{_prefix()}:{key}")
        return pipe.execute()[1::2]
    counts = []
    for key, window in keys:
        if cache.add(key, 1, window + 1):
            counts.append(1)
            continue
        try:
            counts.append(cache.incr(key))
        except ValueError:  # the key expired between add and incr: a new window
            counts.append(1)
    return counts


def allow(*, user_id: int, buckets: tuple[str, ...]) -> str | None:
    """Count one event for `user_id` in each bucket; the first bucket over its limit, or None."""
    now = time.time()
    configured = limits()
    keys = []
    for bucket in buckets:
        _limit, window = configured[bucket]
        keys.append((f"cocreation:rate:{bucket}:{user_id}:{int(now // window)}", window))
    try:
        counts = _counts(keys)
    except Exception:  # noqa: BLE001 - fail open while the cache is unreachable (see above)
        logger.warning("Cache unavailable; rate limit not applied")
        return None
    for bucket, count in zip(buckets, counts, strict=True):
        if count > configured[bucket][0]:
            return bucket
    return None
