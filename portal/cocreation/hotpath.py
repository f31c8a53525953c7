"""What a channel socket checks on every frame, answered on the event loop (no thread hop).

`admit()` counts the frame against the user's rate limits and reads the cached membership answer
in ONE pipelined round trip on an asyncio Redis client that lives on the server's event loop:
no worker thread, no synchronous Django cache call, no database connection. Redis is shared
by every server process, so limits hold per user across sockets and processes, and a
membership change that a service clears (`forget_role`, on commit) is seen by every process at
its sockets' next frame.

Failure: the client has short timeouts and no retries; after an error Redis is skipped for
BREAKER_SECONDS and the answers come from this process (rate windows in memory — the limit
holds per process, never not at all — and membership from the database). Without REDIS_URL
(development, tests: a single process) the same in-memory answers are the normal path.

Keys live under the channel layer's prefix (`CHANNEL_LAYER_PREFIX`), apart from Django's cache,
whose configuration belongs to the project's cache settings, not to the sockets.
"""

import asyncio
import logging
import random
import time

from django.conf import settings

from portal.cocreation import ratelimit

logger = logging.getLogger(__name__)

# Seconds a frame waits for Redis before it is answered from this process instead.
REDIS_TIMEOUT = 1.0
BREAKER_SECONDS = 1.0
# A cached membership answer lives this long (jittered) unless a service clears it sooner.
ACCESS_CACHE_SECONDS = 60
POOL_SIZE = 50


def _prefix() -> str:
    config = settings.CHANNEL_LAYERS.get("default", {}).get("CONFIG", {})
    return config.get("prefix", "portal")


def access_key(channel_id: int, user_id: int) -> str:
    return f"{_prefix()}:cocreation:access:{channel_id}:{user_id}"


def rate_key(key: str) -> str:
    return f"{_prefix()}:{key}"


class _State:
    """This process's side: the asyncio client (per event loop) and the in-memory fallbacks."""

    def __init__(self):
        self.loop = None
        self.client = None
        self.down_until = 0.0
        self.windows = ratelimit.LocalWindows()
        self.roles: dict[tuple[int, int], tuple[str, float]] = {}  # only without Redis

    def redis(self):
        """The asyncio client of the running loop, or None (no Redis, or skipped after an error)."""
        if not settings.REDIS_URL or time.monotonic() < self.down_until:
            return None
        loop = asyncio.get_running_loop()
        if self.client is None or self.loop is not loop:
            self.loop, self.client = loop, new_async_client(settings.REDIS_URL)
        return self.client

    def failed(self, what: str) -> None:
        if time.monotonic() >= self.down_until:
            logger.warning("Redis unavailable for %s; answering from this process", what)
        self.down_until = time.monotonic() + BREAKER_SECONDS


STATE = _State()


def reset() -> None:
    """Forget this process's counters and answers (tests: ids are reused after a flush)."""
    STATE.__init__()


def degraded() -> bool:
    """True while Redis is configured but skipped after an error (answers are per process)."""
    return bool(settings.REDIS_URL) and time.monotonic() < STATE.down_until


def new_async_client(url: str):
    """An asyncio client that fails fast: short timeouts, no retries, a bounded waiting pool."""
    from redis.asyncio import BlockingConnectionPool, Redis
    from redis.asyncio.retry import Retry
    from redis.backoff import NoBackoff

    pool = BlockingConnectionPool.from_url(
        url,
        max_connections=POOL_SIZE,
        timeout=REDIS_TIMEOUT,
        socket_timeout=REDIS_TIMEOUT,
        socket_connect_timeout=REDIS_TIMEOUT,
        retry=Retry(NoBackoff(), 0),
    )
    return Redis(connection_pool=pool)


async def admit(*, channel_id: int, user_id: int, buckets: tuple[str, ...]) -> tuple:
    """Count one frame in `buckets`; returns (the first bucket over its limit or None,
    the cached role: "" for "not a member", None for "not cached, ask the database")."""
    windows = ratelimit.window_keys(user_id=user_id, buckets=buckets)
    client = STATE.redis()
    if client is not None:
        try:
            return await _admit_redis(client, windows, access_key(channel_id, user_id))
        except Exception:  # noqa: BLE001 - any Redis failure: answer from this process
            STATE.failed("rate limits")
    counts = [STATE.windows.incr(key, window) for _bucket, key, window in windows]
    return ratelimit.first_breach(buckets, counts), _local_role(channel_id, user_id)


async def _admit_redis(client, windows, role_key) -> tuple:
    pipe = client.pipeline(transaction=False)
    for _bucket, key, window in windows:
        pipe.set(rate_key(key), 0, ex=window + 1, nx=True)
        pipe.incr(rate_key(key))
    pipe.get(role_key)
    results = await asyncio.wait_for(pipe.execute(), REDIS_TIMEOUT)
    counts = results[1:-1:2]
    role = results[-1]
    buckets = tuple(bucket for bucket, _key, _window in windows)
    return ratelimit.first_breach(buckets, counts), role.decode() if role is not None else None


async def cached_role(*, channel_id: int, user_id: int) -> str | None:
    client = STATE.redis()
    if client is None:
        return _local_role(channel_id, user_id) if not settings.REDIS_URL else None
    try:
        role = await asyncio.wait_for(client.get(access_key(channel_id, user_id)), REDIS_TIMEOUT)
    except Exception:  # noqa: BLE001
        STATE.failed("membership cache")
        return None
    return role.decode() if role is not None else None


async def remember_role(*, channel_id: int, user_id: int, role: str) -> None:
    """Cache a database answer; jittered, so sockets opened together do not expire together."""
    seconds = int(ACCESS_CACHE_SECONDS * random.uniform(0.75, 1.25))  # noqa: S311
    client = STATE.redis()
    if client is None:
        if not settings.REDIS_URL:
            STATE.roles[(channel_id, user_id)] = (role, time.monotonic() + seconds)
        return
    try:
        await asyncio.wait_for(
            client.set(access_key(channel_id, user_id), role, ex=seconds), REDIS_TIMEOUT
        )
    except Exception:  # noqa: BLE001
        STATE.failed("membership cache")


def _local_role(channel_id: int, user_id: int) -> str | None:
    role, expires = STATE.roles.get((channel_id, user_id), (None, 0.0))
    return role if expires > time.monotonic() else None


_sync_client = None


def forget_role(*, channel_id: int, user_id: int) -> None:
    """Clear a cached membership answer (sync; services call it on commit). Never raises."""
    STATE.roles.pop((channel_id, user_id), None)
    if not settings.REDIS_URL:
        return
    global _sync_client
    try:
        if _sync_client is None:
            import redis

            _sync_client = redis.Redis.from_url(
                settings.REDIS_URL, socket_timeout=REDIS_TIMEOUT, socket_connect_timeout=1
            )
        _sync_client.delete(access_key(channel_id, user_id))
    except Exception:  # noqa: BLE001 - the entry expires on its own (ACCESS_CACHE_SECONDS)
        logger.warning("Redis unavailable; cached membership answer expires on its own")
