"""The co-creation channel socket, `/ws/channels/<id>/`.

Protocol (JSON text frames; DESIGN.md "Realtime co-creation protocol"):

client → server
    {"type": "message.send", "client_id": str, "body": str, "reply_to": int | null}
    {"type": "sync", "after_seq": int, "since": iso-datetime | null}
    {"type": "typing"}
    {"type": "read", "seq": int}
    {"type": "message.edit", "seq": int, "body": str}
    {"type": "message.delete", "seq": int}
server → client
    {"type": "message", "seq", "client_id", "author", "body", "body_html", ...}
    {"type": "ack", "client_id", "seq"}            the sender's message is committed as `seq`
    {"type": "sync.done", "last_seq", "has_more", "server_time"}
    {"type": "message.updated", ...}               an edit or a deletion
    {"type": "typing", "user"}, {"type": "presence", "online": [...]}
    {"type": "error", "code", "detail", "client_id"?}

Membership is checked on connect (database) and again on every frame through the shared cache
(Redis in production: one GET, no database connection), which services clear on commit whenever
membership changes; a miss or a cache outage goes to the database. Events
from other members re-check at most every EVENT_RECHECK_SECONDS. Removing or suspending a member
also sends `member.revoked` to that user's sockets, which close at once (code 4403).
"""

import asyncio
import json
import logging
import random
import time

from channels.consumer import get_handler_name
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime

from portal.cocreation import errors as E
from portal.cocreation import events, presence, ratelimit, selectors, services
from portal.cocreation.errors import ChannelError
from portal.cocreation.models import MemberRole
from portal.cocreation.runtime import cache_call, db_call
from portal.notifications.groups import user_group

logger = logging.getLogger(__name__)

CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403
MAX_FRAME_BYTES = 32 * 1024
EVENT_RECHECK_SECONDS = 5
TYPING_MIN_INTERVAL = 2.0
WRITE_TYPES = {"message.send", "message.edit", "message.delete"}


def _int(content: dict, field: str, *, required=True, minimum=0) -> int | None:
    value = content.get(field)
    if value is None and not required:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise ChannelError(E.INVALID_FIELD)
    return value


def _str(content: dict, field: str) -> str:
    value = content.get(field)
    if not isinstance(value, str):
        raise ChannelError(E.INVALID_FIELD)
    return value


def _admit(*, channel_id: int, user_id: int, frame_type: str) -> str | None:
    """Per-frame gate, cache only: rate limits, then the cached role (None: not cached)."""
    buckets = ("frame", "message") if frame_type in WRITE_TYPES else ("frame",)
    if ratelimit.allow(user_id=user_id, buckets=buckets):
        raise ChannelError(E.RATE_LIMITED)
    return selectors.cached_role(channel_id=channel_id, user_id=user_id)


def _post(**kwargs) -> dict:
    message, _created = services.message_post(**kwargs)
    return getattr(message, "payload", None) or events.message_payload(message)


def _sync(*, channel_id: int, after_seq: int, since, viewer) -> tuple[list, list, bool]:
    messages = selectors.messages_after(channel_id=channel_id, after_seq=after_seq, viewer=viewer)
    changed = []
    if since is not None:
        changed = selectors.messages_changed_since(
            channel_id=channel_id, up_to_seq=after_seq, since=since, viewer=viewer
        )
    has_more = len(messages) == selectors.SYNC_BATCH
    # "replayed" tells clients these are catch-up copies, not news (no announcement needed).
    return (
        [{**events.message_payload(m), "replayed": True} for m in messages],
        [{**events.message_payload(m, "message.updated"), "replayed": True} for m in changed],
        has_more,
    )


class ChannelConsumer(AsyncWebsocketConsumer):
    # --- lifecycle -------------------------------------------------------------------------

    async def connect(self):
        self.user = self.scope.get("user")
        self.channel_id = int(self.scope["url_route"]["kwargs"]["channel_id"])
        self.joined = False
        if self.user is None or not self.user.is_authenticated or not self.user.is_active:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        # From the database, and remembered in the cache: the per-frame and per-event checks
        # that follow then find it there instead of all going to the database together.
        self.role = await self._role_from_database()
        if not self.role:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.language = self._language()
        self.checked_at = time.monotonic()
        self.last_typing = 0.0
        self.groups_joined = [
            events.channel_group(self.channel_id),
            events.member_group(self.user.pk),
            user_group(self.user.pk),
        ]
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()
        self.joined = True
        await self._presence_changed(
            await cache_call(presence.presence_enter)(
                channel_id=self.channel_id, user_id=self.user.pk
            ),
            always_tell_me=True,
        )
        self.refresher = asyncio.ensure_future(self._refresh_presence())

    async def disconnect(self, code):
        if not getattr(self, "joined", False):
            return
        self.joined = False
        self.refresher.cancel()
        for group in self.groups_joined:
            try:
                await self.channel_layer.group_discard(group, self.channel_name)
            except Exception:  # noqa: BLE001 - the layer may be down; groups expire on their own
                logger.warning("Could not leave group %s", group)
        went_offline = await cache_call(presence.presence_leave)(
            channel_id=self.channel_id, user_id=self.user.pk
        )
        await self._presence_changed(went_offline)

    async def dispatch(self, message):
        """Route events; unknown layer events (e.g. other apps' user-group events) are ignored.

        Unlike the base class this does not call close_old_connections() on the event loop's
        sync thread before every event: this consumer never uses the ORM outside `db_call`,
        which closes its own connections (see runtime.py).
        """
        handler = getattr(self, get_handler_name(message), None)
        if handler is not None:
            await handler(message)

    def _language(self) -> str:
        query = self.scope.get("query_string", b"").decode("ascii", "ignore")
        requested = dict(p.split("=", 1) for p in query.split("&") if "=" in p).get("lang", "")
        codes = {code for code, _name in settings.LANGUAGES}
        if requested in codes:
            return requested
        return self.user.preferred_language if self.user.preferred_language in codes else "ja"

    # --- frames from the client ------------------------------------------------------------

    async def receive(self, text_data=None, bytes_data=None):
        content = {}
        try:
            content = self._parse(text_data, bytes_data)
            handler = self.FRAME_HANDLERS.get(content["type"])
            if handler is None:
                raise ChannelError(E.UNKNOWN_TYPE)
            await self._check_access(content["type"])
            await handler(self, content)
        except ChannelError as error:
            await self._send_error(error.code, content)
            if error.code == E.FORBIDDEN:
                await self.close(code=CLOSE_FORBIDDEN)
        except DatabaseError:
            logger.exception("Database error in channel %s", self.channel_id)
            await self._send_error(E.UNAVAILABLE, content)
        except Exception:  # a bug must cost one frame, not the socket (the client retries)
            logger.exception("Unexpected error handling a frame in channel %s", self.channel_id)
            await self._send_error(E.UNAVAILABLE, content)

    def _parse(self, text_data, bytes_data) -> dict:
        if text_data is None:
            raise ChannelError(E.INVALID_FRAME)
        if len(text_data) * 4 > MAX_FRAME_BYTES and len(text_data.encode()) > MAX_FRAME_BYTES:
            raise ChannelError(E.FRAME_TOO_LARGE)
        try:
            content = json.loads(text_data)
        except ValueError as exc:
            raise ChannelError(E.INVALID_JSON) from exc
        if not isinstance(content, dict) or not isinstance(content.get("type"), str):
            raise ChannelError(E.INVALID_FRAME)
        return content

    async def _check_access(self, frame_type: str) -> None:
        role = await cache_call(_admit)(
            channel_id=self.channel_id, user_id=self.user.pk, frame_type=frame_type
        )
        if role is None:
            role = await self._role_from_database()
        self.checked_at = time.monotonic()
        if not role:
            raise ChannelError(E.FORBIDDEN)
        self.role = role
        if frame_type in WRITE_TYPES | {"typing"} and role == MemberRole.READER:
            raise ChannelError(E.READ_ONLY)

    async def _send_error(self, code: str, content: dict) -> None:
        with translation.override(self.language):
            frame = {"type": "error", "code": code, "detail": str(E.DETAILS[code])}
        if isinstance(content.get("client_id"), str):
            frame["client_id"] = content["client_id"][:64]
        if isinstance(content.get("type"), str):
            frame["frame"] = content["type"][:32]
        frame["retryable"] = code in E.RETRYABLE
        await self.send_json(frame)

    async def send_json(self, content: dict) -> None:
        await self.send(text_data=json.dumps(content, ensure_ascii=False))

    async def frame_message_send(self, content):
        client_id = _str(content, "client_id")
        body = _str(content, "body")
        reply_to = _int(content, "reply_to", required=False, minimum=1)
        payload = await db_call(_post)(
            channel_id=self.channel_id,
            author=self.user,
            body=body,
            client_id=client_id,
            reply_to_seq=reply_to,
        )
        self.last_typing = 0.0  # typing after a message is a new "is typing"
        # The ack carries the stored message, so the sender's page is complete without waiting
        # for (or re-asking after) the broadcast copy.
        await self.send_json(
            {"type": "ack", "client_id": client_id, "seq": payload["seq"], "message": payload}
        )

    async def frame_sync(self, content):
        after_seq = _int(content, "after_seq")
        since = content.get("since")
        since = parse_datetime(since) if isinstance(since, str) else None
        server_time = timezone.now()
        messages, changed, has_more = await db_call(_sync)(
            channel_id=self.channel_id, after_seq=after_seq, since=since, viewer=self.user
        )
        for payload in messages + changed:
            await self.send_json(payload)
        last_seq = messages[-1]["seq"] if messages else after_seq
        await self.send_json(
            {
                "type": "sync.done",
                "last_seq": last_seq,
                "has_more": has_more,
                "server_time": server_time.isoformat(),
            }
        )

    async def frame_typing(self, content):
        now = time.monotonic()
        if now - self.last_typing < TYPING_MIN_INTERVAL:
            return
        self.last_typing = now
        await self._group_send(
            {"type": "chat.typing", "user": {"id": self.user.pk, "name": self.user.display_name}}
        )

    async def frame_read(self, content):
        seq = _int(content, "seq")
        await db_call(services.membership_mark_read)(
            channel_id=self.channel_id, user=self.user, seq=seq
        )

    async def frame_message_edit(self, content):
        seq = _int(content, "seq", minimum=1)
        body = _str(content, "body")
        await db_call(services.message_edit)(
            channel_id=self.channel_id, actor=self.user, seq=seq, body=body
        )

    async def frame_message_delete(self, content):
        seq = _int(content, "seq", minimum=1)
        await db_call(services.message_delete)(channel_id=self.channel_id, actor=self.user, seq=seq)

    FRAME_HANDLERS = {
        "message.send": frame_message_send,
        "sync": frame_sync,
        "typing": frame_typing,
        "read": frame_read,
        "message.edit": frame_message_edit,
        "message.delete": frame_message_delete,
    }

    # --- events from the channel layer -----------------------------------------------------

    async def _role_from_database(self) -> str:
        return await db_call(selectors.active_role_remembered)(
            channel_id=self.channel_id, user_id=self.user.pk
        )

    async def _still_member(self) -> bool:
        if time.monotonic() - self.checked_at < EVENT_RECHECK_SECONDS:
            return True
        self.checked_at = time.monotonic()
        role = await cache_call(selectors.cached_role)(
            channel_id=self.channel_id, user_id=self.user.pk
        )
        if role is None:
            role = await self._role_from_database()
        if not role:
            await self.close(code=CLOSE_FORBIDDEN)
        return bool(role)

    async def chat_message(self, event):
        if await self._still_member():
            await self.send(text_data=event["text"])

    async def chat_updated(self, event):
        if await self._still_member():
            await self.send(text_data=event["text"])

    async def chat_typing(self, event):
        if event["user"]["id"] != self.user.pk:
            await self.send_json({"type": "typing", "user": event["user"]})

    async def chat_presence(self, event):
        await self.send_json({"type": "presence", "online": event["online"]})

    async def member_revoked(self, event):
        if event.get("channel") == self.channel_id:
            await self._send_error(E.FORBIDDEN, {})
            await self.close(code=CLOSE_FORBIDDEN)

    async def session_terminate(self, event):
        # The user's sessions were ended (e.g. a moderator suspended the account): signed out.
        await self.close(code=CLOSE_UNAUTHENTICATED)

    # --- presence --------------------------------------------------------------------------

    async def _group_send(self, event: dict) -> None:
        try:
            await self.channel_layer.group_send(events.channel_group(self.channel_id), event)
        except Exception:  # noqa: BLE001 - typing and presence may be dropped
            logger.warning("Channel layer unavailable; %s dropped", event["type"])

    async def _presence_changed(self, changed: bool, *, always_tell_me: bool = False) -> None:
        if not changed and not always_tell_me:
            return
        online = await db_call(presence.online_members)(channel_id=self.channel_id)
        if changed:
            await self._group_send({"type": "chat.presence", "online": online})
        elif self.joined:
            await self.send_json({"type": "presence", "online": online})

    async def _refresh_presence(self) -> None:
        while True:
            await asyncio.sleep(presence.REFRESH_EVERY * random.uniform(0.8, 1.2))  # noqa: S311
            await cache_call(presence.presence_refresh)(
                channel_id=self.channel_id, user_id=self.user.pk
            )
