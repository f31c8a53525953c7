"""Live updates to a user's open pages over `/ws/notifications/` (called after commit only)."""

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from portal.notifications import selectors
from portal.notifications.groups import user_group

logger = logging.getLogger(__name__)


async def _group_send_all(layer, messages: list[tuple[int, dict]]) -> None:
    for user_id, payload in messages:
        await layer.group_send(
            user_group(user_id), {"type": "notification.event", "payload": payload}
        )


def _send(messages: list[tuple[int, dict]]) -> None:
    """Send (user id, payload) events to the users' pages in one trip to the event loop."""
    layer = get_channel_layer()
    if layer is None or not messages:
        return
    send = async_to_sync(_group_send_all)
    try:
        if _on_an_event_loop_thread():
            # Sync code on a running loop's own thread (a script or a test driving a browser
            # through Playwright's sync API): async_to_sync will not block that loop, so the
            # send gets a thread (and loop) of its own.
            with ThreadPoolExecutor(max_workers=1) as pool:
                pool.submit(send, layer, messages).result()
        else:
            send(layer, messages)
    except Exception:
        # A live badge is a convenience: the centre and the emails do not depend on it, so a
        # channel-layer outage must not fail the work that produced the notification.
        logger.exception("Could not publish %d notification event(s)", len(messages))


def _on_an_event_loop_thread() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def notification_payload(notification) -> dict:
    """What a browser may show of a notification: only the recipient's own rendered texts."""
    return {
        "id": notification.pk,
        "kind": notification.kind,
        "title": notification.title,
        "summary": notification.summary,
        # The same in each language: the page announces the one it is written in.
        "texts": notification.texts or {},
        "url": notification.url,
        "count": notification.count,
        "created_at": notification.last_event_at.isoformat(),
    }


def publish_new(notifications) -> None:
    """Tell each recipient's pages about their new (or grown) notification and unread count."""
    counts = selectors.unread_counts(user_ids={n.recipient_id for n in notifications})
    for user_id, count in counts.items():
        selectors.unread_count_remember(user_id=user_id, value=count)
    _send(
        [
            (
                notification.recipient_id,
                {
                    "type": "notification",
                    "unread_count": counts[notification.recipient_id],
                    "notification": notification_payload(notification),
                },
            )
            for notification in notifications
        ]
    )


def publish_unread(*, user_id: int) -> None:
    """Tell the user's pages their unread count changed (after marking read)."""
    count = selectors.unread_count(user_id=user_id)
    selectors.unread_count_remember(user_id=user_id, value=count)
    _send([(user_id, {"type": "unread_count", "unread_count": count})])
