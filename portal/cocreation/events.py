"""What goes over the channel layer and the sockets: group names, frame payloads, broadcasts.

Broadcasts are registered with `transaction.on_commit(..., robust=True)`: a message is on the
wire only once it is committed, and a channel layer that is down (e.g. Redis restarting) loses
the live event but never the message, which clients fetch with `sync` when they reconnect.
"""

import asyncio
import json
import logging

from asgiref.sync import SyncToAsync, async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction
from django.utils.text import Truncator

from portal.cocreation.rendering import render_markdown_lite

logger = logging.getLogger(__name__)

REPLY_EXCERPT_CHARS = 80


def channel_group(channel_id: int) -> str:
    """All open sockets of one channel."""
    return f"cocreation.channel.{channel_id}"


def member_group(user_id: int) -> str:
    """All of one user's channel sockets (to close them when access is revoked)."""
    return f"cocreation.user.{user_id}"


def _body_html(message) -> str:
    names = ()
    if "@" in message.body or "＠" in message.body:
        from portal.cocreation.models import Membership

        names = Membership.active_names(message.channel_id)
    return str(render_markdown_lite(message.body, names))


def _person(user) -> dict | None:
    if user is None:
        return None
    return {"id": user.pk, "name": user.display_name or user.email.split("@", 1)[0]}


def _reply_payload(message) -> dict | None:
    parent = message.reply_to
    if parent is None:
        return None
    # The parent is never annotated for the viewer: a hidden parent is masked for everyone.
    masked = parent.is_deleted or parent.is_hidden
    excerpt = "" if masked else Truncator(parent.body).chars(REPLY_EXCERPT_CHARS)
    return {
        "seq": parent.seq,
        "author": _person(parent.author),
        "excerpt": excerpt,
        "deleted": parent.is_deleted,
        "hidden": parent.is_hidden,
    }


def attachments_payload(message) -> list[dict]:
    """The files of a message as clients see them; the one place that decides (none if deleted,
    none if a moderator hid the message from this viewer).

    Each URL is served only to the channel's members (views.message_attachment).
    """
    if message.is_deleted or message.is_masked:
        return []
    return [
        {
            "id": attachment.pk,
            "name": attachment.original_name,
            "size": attachment.size,
            "type": attachment.type_label,
            "url": attachment.get_absolute_url(),
        }
        for attachment in message.files
    ]


def message_payload(message, frame_type: str = "message") -> dict:
    """The JSON a client receives for one message (live, in `sync` answers and on updates).

    A message hidden by a moderator goes out without its text ("masked") unless it was loaded
    for a viewer who may read it (`MessageQuerySet.for_viewer`); live broadcasts reach every
    member at once, so they always carry the masked form.
    """
    deleted = message.is_deleted
    withheld = deleted or message.is_masked
    return {
        "type": frame_type,
        "channel": message.channel_id,
        "id": message.pk,
        "seq": message.seq,
        "client_id": message.client_id,
        "author": _person(message.author),
        "body": "" if withheld else message.body,
        "body_html": "" if withheld else _body_html(message),
        "reply_to": _reply_payload(message),
        "attachments": attachments_payload(message),
        "created_at": message.created_at.isoformat(),
        "edited_at": message.edited_at.isoformat() if message.edited_at else None,
        "updated_at": message.updated_at.isoformat(),
        "deleted": deleted,
        "hidden": message.is_hidden,
        "masked": message.is_masked and not deleted,
    }


def _log_failure(future) -> None:
    if not future.cancelled() and future.exception() is not None:
        logger.warning("Channel layer unavailable; event not delivered live")


def group_send_now(group: str, event: dict) -> None:
    """Send from sync code; a channel layer failure is logged, never raised to the caller.

    Called from a thread that an event loop runs sync code in (a consumer's database call, an
    ASGI view), the send is handed to that loop without waiting for it, so the thread (and its
    database connection) is free at once. Elsewhere (tests, commands) it runs to completion.
    """
    layer = get_channel_layer()
    loop = getattr(SyncToAsync.threadlocal, "main_event_loop", None)
    if loop is not None and loop.is_running():
        future = asyncio.run_coroutine_threadsafe(layer.group_send(group, event), loop)
        future.add_done_callback(_log_failure)
        return
    try:
        async_to_sync(layer.group_send)(group, event)
    except Exception:  # noqa: BLE001 - the layer (Redis) may be restarting; clients resync
        logger.warning("Channel layer unavailable; %s not delivered live", event["type"])


def broadcast_on_commit(group: str, event: dict) -> None:
    transaction.on_commit(lambda: group_send_now(group, event), robust=True)


def encode(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False)


def message_created(message) -> None:
    # Built and encoded once here rather than by each of the channel's sockets; the payload is
    # kept on the instance for the sender's ack.
    message.payload = message_payload(message)
    text = encode(message.payload)
    broadcast_on_commit(channel_group(message.channel_id), {"type": "chat.message", "text": text})


def message_updated(message) -> None:
    text = encode(message_payload(message, frame_type="message.updated"))
    broadcast_on_commit(channel_group(message.channel_id), {"type": "chat.updated", "text": text})


def access_changed(channel_id: int, user_id: int, *, revoked: bool) -> None:
    """Forget the cached access; when revoked, close that user's sockets of the channel."""
    from portal.cocreation.hotpath import forget_role

    def send():
        forget_role(channel_id=channel_id, user_id=user_id)
        if revoked:
            group_send_now(member_group(user_id), {"type": "member.revoked", "channel": channel_id})

    transaction.on_commit(send, robust=True)
