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


def allow(*, user_id: int, bucket: str) -> bool:
    """Count one event for `user_id` in `bucket`; False once the window's limit is passed."""
    limit, window = limits()[bucket]
    key = f"cocreation:rate:{bucket}:{user_id}:{int(time.time() // window)}"
    try:
        if cache.add(key, 1, window + 1):
            return True
        return cache.incr(key) <= limit
    except ValueError:  # the key expired between add and incr: a new window
        return True
    except Exception:  # noqa: BLE001 - fail open while the cache is unreachable (see above)
        logger.warning("Cache unavailable; rate limit not applied")
        return True
