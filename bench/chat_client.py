"""A protocol client for /ws/channels/<id>/ that behaves like static/js/cocreation.js.

Used by the multi-process tests and by channels_bench.py. It reconnects with jittered
exponential backoff, resyncs from the last contiguous `seq`, keeps an outbox of unacknowledged
messages that it resends with the same `client_id` after every reconnect, holds messages that
arrive out of order until the gap is filled, and records every delivery so callers can check
"each message exactly once, in order".
"""

import asyncio
import contextlib
import json
import random
import time
import uuid
from dataclasses import dataclass, field

import websockets


@dataclass
class Delivery:
    seq: int
    client_id: str
    author: int | None
    body: str
    received_at: float  # time.perf_counter() on arrival (same clock as the senders)
    live: bool  # False when it came in a sync answer


@dataclass
class ChatClient:
    base_url: str  # ws://127.0.0.1:PORT
    channel_id: int
    cookie: str  # "sessionid=…"
    origin: str  # http://127.0.0.1:PORT
    name: str = "client"
    last_seq: int = 0
    deliveries: list[Delivery] = field(default_factory=list)
    redundant_frames: int = 0
    errors: list[dict] = field(default_factory=list)
    acked: dict[str, int] = field(default_factory=dict)  # client_id -> seq
    outbox: dict[str, dict] = field(default_factory=dict)  # client_id -> frame (unacked)
    sent_at: dict[str, float] = field(default_factory=dict)
    reconnects: int = 0
    resyncs: int = 0  # "resync" notices (the server saw Redis come back)
    closed_codes: list[int] = field(default_factory=list)

    def __post_init__(self):
        self._socket = None
        self._early: dict[int, dict] = {}
        self._connected = asyncio.Event()
        self._synced = asyncio.Event()
        self._stopping = False
        self._runner: asyncio.Task | None = None
        self._sync_pending = False
        self._timers: set[asyncio.Task] = set()
        self._sync_sent_at = 0.0

    # --- public API -------------------------------------------------------------------

    async def start(self, *, wait: float = 10) -> None:
        self._runner = asyncio.create_task(self._run())
        await asyncio.wait_for(self._synced.wait(), wait)

    async def stop(self) -> None:
        self._stopping = True
        for timer in list(self._timers):
            timer.cancel()
        if self._socket is not None:
            with contextlib.suppress(Exception):
                await self._socket.close()
        if self._runner is not None:
            self._runner.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._runner

    async def send_message(self, body: str, client_id: str | None = None) -> str:
        """Queue a message (kept until acknowledged) and send it if connected."""
        client_id = client_id or uuid.uuid4().hex
        frame = {"type": "message.send", "client_id": client_id, "body": body}
        self.outbox[client_id] = frame
        self.sent_at[client_id] = time.perf_counter()
        await self._send(frame)
        return client_id

    async def settle(self, *, expected_last_seq: int, timeout: float = 20) -> None:
        """Sync until every message up to `expected_last_seq` is here and the outbox is empty."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.last_seq >= expected_last_seq and not self.outbox:
                return
            await self._request_sync()
            await asyncio.sleep(0.3)
        raise TimeoutError(
            f"{self.name}: last_seq={self.last_seq} < {expected_last_seq} "
            f"or {len(self.outbox)} unacked"
        )

    @property
    def seqs(self) -> list[int]:
        return [d.seq for d in self.deliveries]

    @property
    def duplicated_messages(self) -> int:
        """Messages shown more than once: the same client_id under two numbers."""
        client_ids = [(d.author, d.client_id) for d in self.deliveries]
        return len(client_ids) - len(set(client_ids))

    # --- connection ---------------------------------------------------------------------

    async def _run(self) -> None:
        attempt = 0
        while not self._stopping:
            try:
                async with websockets.connect(
                    f"{self.base_url}/ws/channels/{self.channel_id}/",
                    additional_headers={"Cookie": self.cookie, "Origin": self.origin},
                    open_timeout=5,
                    max_size=2**22,
                ) as socket:
                    self._socket = socket
                    attempt = 0
                    self._connected.set()
                    await self._request_sync(force=True)
                    async for raw in socket:
                        await self._on_frame(json.loads(raw))
                    self.closed_codes.append(socket.close_code or 0)
                    if socket.close_code in (4401, 4403):
                        return
            except (TimeoutError, OSError, websockets.WebSocketException):
                pass
            self._socket = None
            self._connected.clear()
            self._sync_pending = False
            if self._stopping:
                return
            self.reconnects += 1
            attempt += 1
            ceiling = min(2.0, 0.1 * 2**attempt)
            await asyncio.sleep(ceiling / 2 + random.random() * ceiling / 2)  # noqa: S311

    async def _send(self, frame: dict) -> bool:
        socket = self._socket
        if socket is None:
            return False
        try:
            await socket.send(json.dumps(frame, ensure_ascii=False))
            return True
        except websockets.WebSocketException:
            return False

    async def _request_sync(self, *, force: bool = False) -> None:
        stale = time.monotonic() - self._sync_sent_at > 5  # an answer that never came
        if self._sync_pending and not force and not stale:
            return
        self._sync_sent_at = time.monotonic()
        self._sync_pending = await self._send({"type": "sync", "after_seq": self.last_seq})

    def _sync_later(self, seq: int, delay: float = 0.5) -> None:
        async def later():
            await asyncio.sleep(delay)
            if self.last_seq < seq:
                await self._request_sync()

        task = asyncio.create_task(later())
        self._timers.add(task)
        task.add_done_callback(self._timers.discard)

    def _resend_later(self, client_id: str, delay: float = 1.0) -> None:
        async def later():
            await asyncio.sleep(delay)
            if client_id in self.outbox:
                await self._send(self.outbox[client_id])

        task = asyncio.create_task(later())
        self._timers.add(task)
        task.add_done_callback(self._timers.discard)

    # --- frames -----------------------------------------------------------------------

    async def _on_frame(self, frame: dict) -> None:
        kind = frame.get("type")
        if kind == "message":
            self._accept(frame, live=not frame.get("replayed"))
        elif kind == "ack":
            self.acked[frame["client_id"]] = frame["seq"]
            self.outbox.pop(frame["client_id"], None)
            self._accept(frame["message"], live=True)
        elif kind == "sync.done":
            self._sync_pending = False
            if frame["has_more"]:
                await self._request_sync()
                return
            self._synced.set()
            for frame_ in list(self.outbox.values()):
                await self._send(frame_)
            if self._early:
                self._sync_later(min(self._early), 1.0)
        elif kind == "resync":
            self.resyncs += 1
            await self._request_sync(force=True)
        elif kind == "error":
            self.errors.append(frame)
            if frame.get("frame") == "sync":
                self._sync_pending = False
                self._sync_later(self.last_seq + 1, 1.0)
            elif frame.get("retryable") and frame.get("client_id") in self.outbox:
                self._resend_later(frame["client_id"])

    def _accept(self, frame: dict, *, live: bool) -> None:
        seq = frame["seq"]
        if seq <= self.last_seq or seq in self._early:
            self.redundant_frames += 1  # e.g. a live copy and a sync answer; shown once
            return
        if seq != self.last_seq + 1:
            self._early[seq] = frame  # a gap: wait a moment for it, then ask
            self._sync_later(seq, 1.0)
            return
        self._record(frame, live)
        while self.last_seq + 1 in self._early:
            self._record(self._early.pop(self.last_seq + 1), live)

    def _record(self, frame: dict, live: bool) -> None:
        author = frame["author"]["id"] if frame.get("author") else None
        self.deliveries.append(
            Delivery(
                seq=frame["seq"],
                client_id=frame["client_id"],
                author=author,
                body=frame["body"],
                received_at=time.perf_counter(),
                live=live,
            )
        )
        self.last_seq = frame["seq"]
        self.outbox.pop(frame["client_id"], None)
