"""Who has a channel open right now, kept in the shared cache (Redis in production).

One counter per (channel, user) counts that user's open sockets on every server process; it
expires unless an open socket refreshes it, so sockets of a crashed process disappear from the
list after PRESENCE_TTL. Presence is best effort by design: a lost update is corrected by the
next refresh, and it never affects messages.
"""

import logging

from django.core.cache import cache

from portal.cocreation.selectors import active_member_users

logger = logging.getLogger(__name__)

PRESENCE_TTL = 90
REFRESH_EVERY = 30


def _key(channel_id: int, user_id: int) -> str:
    return f"cocreation:presence:{channel_id}:{user_id}"


def presence_enter(*, channel_id: int, user_id: int) -> bool:
    """Count one more open socket; True if the user just came online in the channel."""
    key = _key(channel_id, user_id)
    try:
        if cache.add(key, 1, PRESENCE_TTL):
            return True
        count = cache.incr(key)
        cache.touch(key, PRESENCE_TTL)
        return count == 1
    except ValueError:
        cache.set(key, 1, PRESENCE_TTL)
        return True
    except Exception:  # noqa: BLE001 - presence is best effort
        logger.warning("Cache unavailable; presence not recorded")
        return False


def presence_leave(*, channel_id: int, user_id: int) -> bool:
    """Count one socket fewer; True if that was the user's last socket in the channel."""
    key = _key(channel_id, user_id)
    try:
        if cache.decr(key) > 0:
            return False
        cache.delete(key)
        return True
    except ValueError:  # already expired
        return True
    except Exception:  # noqa: BLE001
        logger.warning("Cache unavailable; presence not updated")
        return False


def presence_refresh(*, channel_id: int, user_id: int) -> None:
    """Keep an open socket's user listed (and re-list them after the cache lost its data)."""
    key = _key(channel_id, user_id)
    try:
        if not cache.touch(key, PRESENCE_TTL):
            cache.add(key, 1, PRESENCE_TTL)
    except Exception:  # noqa: BLE001
        logger.warning("Cache unavailable; presence not refreshed")


def online_members(*, channel_id: int) -> list[dict]:
    """Active members with at least one open socket: [{"id", "name"}], by name."""
    members = list(
        active_member_users(channel_id=channel_id)
        .order_by("display_name")
        .values_list("pk", "display_name")
    )
    try:
        counts = cache.get_many([_key(channel_id, pk) for pk, _name in members])
    except Exception:  # noqa: BLE001
        return []
    return [
        {"id": pk, "name": name} for pk, name in members if counts.get(_key(channel_id, pk), 0) > 0
    ]
