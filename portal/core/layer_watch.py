"""Notice when Redis comes back after an outage or restart, and tell this process's sockets.

Why: both channels_redis layers hide a short Redis restart (redis-py retries and reconnects), so
an open socket neither fails nor closes, but the group memberships that lived in Redis are gone
(list layer) and events published meanwhile are lost (both layers). Without help such a page
looks connected and is frozen.

How: one task per process (per event loop) polls Redis every POLL_SECONDS with a pipelined
`SET <marker> 1 GET` and `INFO server`. Redis "came back" when a poll succeeds after a failed
one, when the marker is gone (a restart without persistence, or a flush) or when the server's
`run_id` changed (a restart). Once the channel layer confirms it delivers again (the pub/sub
layer's subscriber reconnects later than other clients), every registered socket's
`layer_recovered()` runs: it re-adds its groups and tells its client to resync, so live
delivery resumes within about POLL_SECONDS and `sync` fetches what the outage dropped. Sockets whose recovery fails (the
layer is still reconnecting) are tried again at the next poll.

Consumers call `watch(self)` after accepting and `unwatch(self)` on disconnect. Without
REDIS_URL (in-memory layer, one process) nothing is polled.
"""

import asyncio
import logging
import uuid
import weakref

from django.conf import settings

logger = logging.getLogger(__name__)

POLL_SECONDS = 1.0
TIMEOUT = 1.0
MARKER_SECONDS = 600


class _Watch:
    def __init__(self):
        self.sockets: weakref.WeakSet = weakref.WeakSet()
        self.pending: weakref.WeakSet = weakref.WeakSet()  # recovery still to (re)try
        self.task = None
        self.loop = None
        self.marker = f"{_prefix()}:layer-watch:{uuid.uuid4().hex}"
        self.healthy = True
        self.run_id = None
        self.recoveries = 0

    def ensure_running(self) -> None:
        loop = asyncio.get_running_loop()
        if self.task is None or self.task.done() or self.loop is not loop:
            self.loop = loop
            self.task = loop.create_task(self._run())

    async def _run(self) -> None:
        client = _client()
        while self.sockets:
            came_back = await self._poll(client)
            if came_back:
                self.recoveries += 1
                logger.warning("Redis is back; %d sockets resubscribe", len(self.sockets))
                self.pending.update(self.sockets)
            if self.healthy and self.pending and await _layer_live():
                await self._recover_pending()
            await asyncio.sleep(POLL_SECONDS)
        await client.aclose()

    async def _poll(self, client) -> bool:
        try:
            pipe = client.pipeline(transaction=False)
            pipe.set(self.marker, 1, ex=MARKER_SECONDS, get=True)
            pipe.info("server")
            previous, info = await asyncio.wait_for(pipe.execute(), TIMEOUT)
        except Exception:  # noqa: BLE001 - Redis down or restarting: wait for it
            self.healthy = False
            return False
        run_id, self.run_id = self.run_id, info.get("run_id")
        was_healthy, self.healthy = self.healthy, True
        first_poll = run_id is None
        lost_data = previous is None and not first_poll
        return not first_poll and (not was_healthy or lost_data or run_id != self.run_id)

    async def _recover_pending(self) -> None:
        sockets = list(self.pending)
        self.pending = weakref.WeakSet()
        results = await asyncio.gather(
            *(socket.layer_recovered() for socket in sockets), return_exceptions=True
        )
        for socket, result in zip(sockets, results, strict=True):
            if isinstance(result, Exception):
                self.pending.add(socket)


async def _layer_live() -> bool:
    """Whether the channel layer delivers again. The pub/sub layer's subscriber reconnects on
    its own schedule, after Redis already answers this watch: telling clients to resync
    before that would let the events of the gap fall between the resync and live delivery."""
    from channels.layers import get_channel_layer

    confirm = getattr(get_channel_layer(), "confirm_live", None)
    if confirm is None:  # the list layer: group_add itself needs Redis and raises if down
        return True
    try:
        return await confirm(timeout=TIMEOUT)
    except Exception:  # noqa: BLE001 - still reconnecting: try again at the next poll
        return False


def _prefix() -> str:
    config = settings.CHANNEL_LAYERS.get("default", {}).get("CONFIG", {})
    return config.get("prefix", "portal")


def _client():
    from redis.asyncio import Redis
    from redis.asyncio.retry import Retry
    from redis.backoff import NoBackoff

    return Redis.from_url(
        settings.REDIS_URL,
        socket_timeout=TIMEOUT,
        socket_connect_timeout=TIMEOUT,
        retry=Retry(NoBackoff(), 0),
    )


_WATCH: _Watch | None = None


def watch(socket) -> None:
    """Register an open socket (it has `async def layer_recovered()`)."""
    global _WATCH
    if not settings.REDIS_URL:
        return
    if _WATCH is None:
        _WATCH = _Watch()
    _WATCH.sockets.add(socket)
    _WATCH.ensure_running()


def unwatch(socket) -> None:
    if _WATCH is not None:
        _WATCH.sockets.discard(socket)
        _WATCH.pending.discard(socket)


def reset() -> None:
    """Forget the watch (tests: each test has its own event loop and flushes Redis, which a
    long-lived watch would rightly take for a restart)."""
    global _WATCH
    task = _WATCH.task if _WATCH is not None else None
    if task is not None and not task.done() and not _WATCH.loop.is_closed():
        _WATCH.loop.call_soon_threadsafe(task.cancel)
    _WATCH = None


def recoveries() -> int:
    """How many times this process saw Redis come back (for tests and logs)."""
    return _WATCH.recoveries if _WATCH is not None else 0
