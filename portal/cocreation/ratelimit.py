"""Per-user rate limits for socket frames: fixed windows, shared by every server process.

Counted on the socket's hot path (`hotpath.admit`) in the same pipelined round trip as the cached
membership answer, on an asyncio Redis client: a user cannot multiply the limit by opening more
sockets, tabs or by landing on another Daphne process. While Redis is unreachable (and without
Redis, in development and tests, where there is one process) the windows are counted in this
process's memory instead (`LocalWindows`): the limit then holds per process, never not at all.
"""

import time

from django.conf import settings

# (limit, window in seconds) per bucket; settings.COCREATION_RATE_LIMITS overrides.
DEFAULT_LIMITS = {
    "message": (30, 10),  # message.send / edit / delete
    "frame": (120, 10),  # every frame, including typing, read and sync
}


def limits() -> dict:
    return {**DEFAULT_LIMITS, **getattr(settings, "COCREATION_RATE_LIMITS", {})}


def window_keys(*, user_id: int, buckets: tuple[str, ...], now: float | None = None) -> list:
    """[(bucket, key, window seconds)] of the current fixed window of each bucket."""
    now = time.time() if now is None else now
    configured = limits()
    keys = []
    for bucket in buckets:
        _limit, window = configured[bucket]
        keys.append((bucket, f"cocreation:rate:{bucket}:{user_id}:{int(now // window)}", window))
    return keys


def first_breach(buckets: tuple[str, ...], counts: list[int]) -> str | None:
    """The first bucket whose count is over its limit, or None."""
    configured = limits()
    for bucket, count in zip(buckets, counts, strict=True):
        if count > configured[bucket][0]:
            return bucket
    return None


class LocalWindows:
    """Fixed-window counters in this process's memory (the fallback; see the module docstring).

    Used only from the event loop's thread, so no lock. Old windows are dropped as new ones
    start, which bounds the memory by the number of users active in one window.
    """

    def __init__(self):
        self.counts: dict[str, int] = {}
        self.expires: dict[str, float] = {}
        self.next_sweep = 0.0

    def incr(self, key: str, window: int) -> int:
        now = time.monotonic()
        if now >= self.next_sweep:
            self._sweep(now)
        if self.expires.get(key, 0) <= now:
            self.counts[key] = 0
            self.expires[key] = now + window + 1
        self.counts[key] += 1
        return self.counts[key]

    def _sweep(self, now: float) -> None:
        for key in [k for k, at in self.expires.items() if at <= now]:
            del self.counts[key], self.expires[key]
        self.next_sweep = now + 5
