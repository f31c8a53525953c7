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
    {"type": "resync"}                             live events may have been lost: send `sync`
    {"type": "error", "code", "detail", "retryable", "client_id"?, "frame"?}

Refusals are readable by browsers: the handshake is accepted, an error frame says why (in the
user's language) and the socket closes with 4401 (not signed in) or 4403 (not a member, unknown
channel, removed or suspended; reason "origin" for a foreign Origin, see portal/asgi.py). An
HTTP 403 on the handshake would reach a page only as 1006, indistinguishable from a network
failure, and the page would retry for ever.

The hot path (every frame) makes no thread hop: `hotpath.admit` counts the rate limits and reads
the cached membership answer in one pipelined round trip on an asyncio Redis client on this
event loop (in this process's memory without Redis or while it is down: rate limits then hold
per process). Only a cache miss (at most once per ACCESS_CACHE_SECONDS per member), a message
write, a sync, and a read marker (coalesced to one write per READ_FLUSH_SECONDS) reach the
database, through `db_call`'s bounded thread pool. Services clear the cached answer on commit
when membership changes and send `member.revoked`, which closes that member's sockets at once.
Events from other members re-check the cached answer at most every EVENT_RECHECK_SECONDS, on
the loop as well.

Invalid content is answered with a non-retryable error code (`errors.RETRYABLE` lists the only
retryable ones) and logged without a traceback: non-JSON, JSON nested too deeply, wrong field
types, numbers out of range, and text the database cannot store (NUL, lone surrogates;
`portal.core.text.has_unstorable_characters`). A client drops such a message from its outbox.

After a Redis restart the channel layer reconnects by itself but the groups are gone and events
were lost: `portal.core.layer_watch` notices and calls `layer_recovered`, which re-adds the
groups and sends `resync` (see that module).
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
from portal.cocreation import events, hotpath, presence, selectors, services
from portal.cocreation.errors import ChannelError
from portal.cocreation.models import MemberRole
from portal.cocreation.runtime import cache_call, db_call
from portal.core import layer_watch
from portal.core.text import has_unstorable_characters
from portal.core.websocket import CLOSE_FORBIDDEN, CLOSE_UNAUTHENTICATED
from portal.notifications.groups import user_group

logger = logging.getLogger(__name__)

MAX_FRAME_BYTES = 32 * 1024
MAX_NUMBER = 2**53  # larger numbers are no seq a channel will reach (and not exact in JS)
EVENT_RECHECK_SECONDS = 5
TYPING_MIN_INTERVAL = 2.0
READ_FLUSH_SECONDS = 1.0
WRITE_TYPES = {"message.send", "message.edit", "message.delete"}


def _int(content: dict, field: str, *, required=True, minimum=0) -> int | None:
    value = content.get(field)
    if value is None and not required:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not minimum <= value <= MAX_NUMBER:
        raise ChannelError(E.INVALID_FIELD)
    return value


def _str(content: dict, field: str) -> str:
    value = content.get(field)
    if not isinstance(value, str):
        raise ChannelError(E.INVALID_FIELD)
    if has_unstorable_characters(value):
        raise ChannelError(E.UNSTORABLE)
    return value


def _datetime(content: dict, field: str):
    value = content.get(field)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ChannelError(E.INVALID_FIELD)
    try:
        parsed = parse_datetime(value)
    except ValueError as exc:  # well formed but impossible, e.g. month 13
        raise ChannelError(E.INVALID_FIELD) from exc
    if parsed is None or parsed.tzinfo is None:
        raise ChannelError(E.INVALID_FIELD)
    return parsed


def _parse(text_data, bytes_data) -> dict:
    if text_data is None:
        raise ChannelError(E.INVALID_FRAME)
    if len(text_data) * 4 > MAX_FRAME_BYTES and len(text_data.encode()) > MAX_FRAME_BYTES:
        raise ChannelError(E.FRAME_TOO_LARGE)
    try:
        content = json.loads(text_data)
    except RecursionError as exc:  # e.g. "[" × 30,000: the parser gives up, nothing is stored
        raise ChannelError(E.TOO_NESTED) from exc
    except ValueError as exc:
        raise ChannelError(E.INVALID_JSON) from exc
    if not isinstance(content, dict) or not isinstance(content.get("type"), str):
        raise ChannelError(E.INVALID_FRAME)
    return content


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


def request_language(scope, user) -> str:
    """`?lang=` of the socket URL, else the user's preferred language, else Japanese."""
    query = scope.get("query_string", b"").decode("ascii", "ignore")
    requested = dict(p.split("=", 1) for p in query.split("&") if "=" in p).get("lang", "")
    codes = {code for code, _name in settings.LANGUAGES}
    if requested in codes:
        return requested
    preferred = getattr(user, "preferred_language", "")
    return preferred if preferred in codes else "ja"


class ChannelConsumer(AsyncWebsocketConsumer):
    # --- lifecycle -------------------------------------------------------------------------

    async def connect(self):
        self.user = self.scope.get("user")
        self.channel_id = int(self.scope["url_route"]["kwargs"]["channel_id"])
        self.joined = False
        self.language = request_language(self.scope, self.user)
        if self.user is None or not self.user.is_authenticated or not self.user.is_active:
            await self._refuse(E.SIGNED_OUT, CLOSE_UNAUTHENTICATED)
            return
        self.role = await self._role_from_database()
        if not self.role:
            await self._refuse(E.FORBIDDEN, CLOSE_FORBIDDEN)
            return
        self.checked_at = time.monotonic()
        self.last_typing = 0.0
        self.read_seq = self.read_written = 0
        self.read_flusher = None
        self.groups_joined = [
            events.channel_group(self.channel_id),
            events.member_group(self.user.pk),
            user_group(self.user.pk),
        ]
        await self._join_groups()
        await self.accept()
        self.joined = True
        layer_watch.watch(self)
        await self._presence_changed(
            await cache_call(presence.presence_enter)(
                channel_id=self.channel_id, user_id=self.user.pk
            ),
            always_tell_me=True,
        )
        self.refresher = asyncio.ensure_future(self._refresh_presence())

    async def _refuse(self, code: str, close_code: int) -> None:
        """Accept, say why, close: a browser sees the close code only on an accepted socket."""
        await self.accept()
        await self._send_error(code, {})
        await self.close(code=close_code)

    async def _join_groups(self) -> None:
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)

    async def disconnect(self, code):
        if not getattr(self, "joined", False):
            return
        self.joined = False
        layer_watch.unwatch(self)
        self.refresher.cancel()
        if self.read_flusher is not None:
            self.read_flusher.cancel()
        await self._write_read_marker()
        for group in self.groups_joined:
            try:
                await self.channel_layer.group_discard(group, self.channel_name)
            except Exception:  # noqa: BLE001 - the layer may be down; groups expire on their own
                logger.warning("Could not leave group %s", group)
        went_offline = await cache_call(presence.presence_leave)(
            channel_id=self.channel_id, user_id=self.user.pk
        )
        await self._presence_changed(went_offline)

    async def layer_recovered(self) -> None:
        """Redis came back (portal.core.layer_watch): rejoin the groups, re-check access soon,
        and tell the client to resync what the outage dropped. Raises if the layer is still
        down (the watch tries again)."""
        if not self.joined:
            return
        await self._join_groups()
        self.checked_at = 0.0
        await cache_call(presence.presence_refresh)(
            channel_id=self.channel_id, user_id=self.user.pk
        )
        await self.send_json({"type": "resync"})

    async def dispatch(self, message):
        """Route events; unknown layer events (e.g. other apps' user-group events) are ignored.

        Unlike the base class this does not call close_old_connections() on the event loop's
        sync thread before every event: this consumer never uses the ORM outside `db_call`,
        which closes its own connections (see runtime.py).
        """
        handler = getattr(self, get_handler_name(message), None)
        if handler is not None:
            await handler(message)

    # --- frames from the client ------------------------------------------------------------

    async def receive(self, text_data=None, bytes_data=None):
        content = {}
        try:
            content = _parse(text_data, bytes_data)
            handler = self.FRAME_HANDLERS.get(content["type"])
            if handler is None:
                raise ChannelError(E.UNKNOWN_TYPE)
            await self._check_access(content["type"])
            await handler(self, content)
        except ChannelError as error:
            await self._send_error(error.code, content)
            if error.code == E.FORBIDDEN:
                await self.close(code=CLOSE_FORBIDDEN)
        except DatabaseError as error:  # an outage, not a bug: one line, the client retries
            logger.warning("Database unavailable in channel %s: %s", self.channel_id, error)
            await self._send_error(E.UNAVAILABLE, content)
        except Exception:  # a bug must cost one frame, not the socket (the client retries)
            logger.exception("Unexpected error handling a frame in channel %s", self.channel_id)
            await self._send_error(E.UNAVAILABLE, content)

    async def _check_access(self, frame_type: str) -> None:
        buckets = ("frame", "message") if frame_type in WRITE_TYPES else ("frame",)
        breached, role = await hotpath.admit(
            channel_id=self.channel_id, user_id=self.user.pk, buckets=buckets
        )
        if breached:
            raise ChannelError(E.RATE_LIMITED)
        recent = time.monotonic() - self.checked_at < EVENT_RECHECK_SECONDS
        if role is None and hotpath.degraded() and recent:
            role = self.role  # Redis is down: a few seconds' old answer, not a query per frame
        else:
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
        # Echoed so the client can match the answer to its outbox (never text that cannot be
        # encoded: a lone surrogate would fail the socket's UTF-8 encoding).
        for field, key, limit in (("client_id", "client_id", 64), ("type", "frame", 32)):
            value = content.get(field)
            if isinstance(value, str) and not has_unstorable_characters(value):
                frame[key] = value[:limit]
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
        await self.send(
            text_data=events.encode(
                {"type": "ack", "client_id": client_id, "seq": payload["seq"], "message": payload}
            )
        )

    async def frame_sync(self, content):
        after_seq = _int(content, "after_seq")
        since = _datetime(content, "since")
        server_time = timezone.now()
        messages, changed, has_more = await db_call(_sync)(
            channel_id=self.channel_id, after_seq=after_seq, since=since, viewer=self.user
        )
        for payload in messages + changed:
            await self.send(text_data=events.encode(payload))
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
        """Read markers are coalesced: at most one database write per READ_FLUSH_SECONDS
        (the first at once, the latest of a burst after the interval, and on disconnect)."""
        seq = _int(content, "seq")
        if seq <= self.read_seq:
            return
        self.read_seq = seq
        if self.read_flusher is None:
            self.read_flusher = asyncio.ensure_future(self._flush_reads())

    async def _flush_reads(self) -> None:
        try:
            while self.read_seq > self.read_written:
                await self._write_read_marker()
                await asyncio.sleep(READ_FLUSH_SECONDS)
        finally:
            self.read_flusher = None

    async def _write_read_marker(self) -> None:
        seq = self.read_seq
        if seq <= self.read_written:
            return
        try:
            await db_call(services.membership_mark_read)(
                channel_id=self.channel_id, user=self.user, seq=seq
            )
        except DatabaseError as error:  # the marker moves with the next read frame
            logger.warning("Read marker not saved in channel %s: %s", self.channel_id, error)
            return
        self.read_written = max(self.read_written, seq)

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
        """The role from the database (one thread hop), remembered in the hot-path cache."""
        role = await db_call(selectors.active_role)(
            channel_id=self.channel_id, user_id=self.user.pk
        )
        await hotpath.remember_role(channel_id=self.channel_id, user_id=self.user.pk, role=role)
        return role

    async def _still_member(self) -> bool:
        if time.monotonic() - self.checked_at < EVENT_RECHECK_SECONDS:
            return True
        self.checked_at = time.monotonic()
        role = await hotpath.cached_role(channel_id=self.channel_id, user_id=self.user.pk)
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
