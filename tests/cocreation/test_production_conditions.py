"""The channels under production conditions, with real Daphne processes and a private Redis.

Both channel layers run side by side on one private redis-server (separate prefixes): two
Daphne processes on the list layer ("redis") and one on the pub/sub layer. The tests idle
longer than every timeout in the stack, restart Redis under open sockets, flood the rate limits
from two processes, and stop Redis during a flood (issue #12).
"""

import asyncio
import json
import time

import pytest
import websockets

from bench.chat_client import ChatClient
from tests.cocreation.livestack import (
    Daphne,
    RedisServer,
    copy_test_database,
    run_setup,
    stack_env,
)

pytestmark = [pytest.mark.multiprocess, pytest.mark.asyncio, pytest.mark.django_db]

# Longer than every timeout on a socket's path: redis-py's 5 s default read timeout that idle
# receives used to lose, the 15 s the settings choose, and the 30–45 s of client keepalives.
IDLE_SECONDS = 65
LAYERS = ("redis", "pubsub")


@pytest.fixture(scope="module")
def stack(django_db_setup, django_db_blocker, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("production")
    with django_db_blocker.unblock():
        database_url, drop_database = copy_test_database(workdir)
    redis = RedisServer(workdir)
    redis.start()
    envs, servers = {}, {}
    for layer in LAYERS:
        envs[layer] = stack_env(database_url, redis.url, CHANNEL_LAYER_BACKEND=layer)
        envs[layer]["CHANNEL_LAYER_PREFIX"] += layer
    servers["redis"] = [Daphne(envs["redis"], workdir, f"redis-{n}") for n in (1, 2)]
    servers["pubsub"] = [Daphne(envs["pubsub"], workdir, "pubsub-1")]
    everyone = [server for group in servers.values() for server in group]
    for server in everyone:
        server.spawn()
    for server in everyone:
        server.wait_ready()
    yield {"envs": envs, "servers": servers, "redis": redis, "workdir": workdir}
    for server in everyone:
        server.stop(hard=True)
    redis.stop()
    drop_database()


def _setup(env) -> dict:
    spec = {
        "users": {"official": "official", "startup": "startup"},
        "channels": {"pair": {"owner": "official", "members": ["startup"]}},
    }
    return run_setup(env, spec)


def _client(server, data, person) -> ChatClient:
    return ChatClient(
        base_url=server.ws,
        channel_id=data["channels"]["pair"],
        cookie=data["users"][person]["cookie"],
        origin=server.http,
        name=f"{person}@{server.port}",
    )


async def _until(predicate, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError
        await asyncio.sleep(0.05)


class Bell:
    """The notifications socket of one user, recording every frame and the close code."""

    def __init__(self, server, cookie):
        self.server, self.cookie = server, cookie
        self.frames, self.closed = [], None

    async def start(self):
        self.socket = await websockets.connect(
            f"{self.server.ws}/ws/notifications/",
            additional_headers={"Cookie": self.cookie, "Origin": self.server.http},
        )
        self.task = asyncio.create_task(self._read())
        await _until(lambda: self.frames, timeout=10)  # the unread count comes first

    async def _read(self):
        try:
            async for raw in self.socket:
                self.frames.append(json.loads(raw))
        except websockets.ConnectionClosed:
            pass
        finally:
            self.closed = self.socket.close_code

    async def stop(self):
        await self.socket.close()
        await self.task


async def _open_pair(server, data):
    reader, writer = _client(server, data, "startup"), _client(server, data, "official")
    await reader.start()
    await writer.start()
    return reader, writer


async def test_idle_sockets_stay_open_and_keep_receiving_on_both_layers(stack):
    people = {}
    for layer in LAYERS:
        server = stack["servers"][layer][0]
        data = await asyncio.to_thread(_setup, stack["envs"][layer])
        reader, writer = await _open_pair(server, data)
        bell = Bell(server, data["users"]["startup"]["cookie"])
        await bell.start()
        people[layer] = (data, reader, writer, bell)
    try:
        await asyncio.sleep(IDLE_SECONDS)  # nobody sends anything on any socket
        for layer, (data, reader, writer, bell) in people.items():
            name = data["users"]["startup"]["name"]
            await writer.send_message(f"@{name} 長い沈黙のあとのメッセージ")
            await _until(lambda r=reader: r.deliveries, timeout=10)
            await _until(
                lambda b=bell: any(f.get("type") == "notification" for f in b.frames), timeout=10
            )
            assert reader.deliveries[0].live, layer
            assert (reader.reconnects, reader.closed_codes) == (0, []), layer
            assert (writer.reconnects, bell.closed) == (0, None), layer
    finally:
        for _data, reader, writer, bell in people.values():
            await reader.stop()
            await writer.stop()
            await bell.stop()


async def _until_each(people, reached, what: str, timeout: float) -> None:
    """Wait until every layer's reader reached a state; a timeout names the layers that did not."""
    try:
        await _until(lambda: all(reached(p[1]) for p in people.values()), timeout)
    except TimeoutError:
        late = {
            layer: {"last_seq": p[1].last_seq, "resyncs": p[1].resyncs}
            for layer, p in people.items()
            if not reached(p[1])
        }
        raise AssertionError(f"{what}: not reached within {timeout} s by {late}") from None


async def test_sockets_left_open_across_a_redis_restart_resume_live_delivery(stack):
    people = {}
    for layer in LAYERS:
        server = stack["servers"][layer][0]
        data = await asyncio.to_thread(_setup, stack["envs"][layer])
        reader, writer = await _open_pair(server, data)
        bell = Bell(server, data["users"]["startup"]["cookie"])
        await bell.start()
        people[layer] = (data, reader, writer, bell)
    try:
        for _data, _reader, writer, _bell in people.values():
            await writer.send_message("再起動の前")
        await _until(lambda: all(p[1].last_seq == 1 for p in people.values()), timeout=10)

        stack["redis"].stop()  # killed: everything Redis held (groups, presence) is gone
        for _data, _reader, writer, _bell in people.values():
            await writer.send_message("Redis が止まっている間")  # stored; its live event is lost
        await asyncio.sleep(1)
        stack["redis"].start()

        # Within seconds every open socket is told to resync and catches up ... (the bounds
        # are for a loaded CI runner; on a quiet machine this takes about POLL_SECONDS + 1 s)
        await _until_each(people, lambda r: r.resyncs and r.last_seq == 2, "resync", 45)
        # ... and live delivery is back, on the same sockets.
        for _data, _reader, writer, _bell in people.values():
            await writer.send_message("再起動のあと")
        await _until_each(people, lambda r: r.last_seq == 3, "live after restart", 30)
        for layer, (data, reader, writer, bell) in people.items():
            assert reader.deliveries[-1].live, layer
            assert reader.seqs == [1, 2, 3] and reader.duplicated_messages == 0, layer
            assert (reader.reconnects, writer.reconnects, bell.closed) == (0, 0, None), layer
            frames = len(bell.frames)
            name = data["users"]["startup"]["name"]
            await writer.send_message(f"@{name} 通知も届きますか")
            await _until(lambda b=bell, n=frames: len(b.frames) > n, timeout=10)
    finally:
        for _data, reader, writer, bell in people.values():
            await reader.stop()
            await writer.stop()
            await bell.stop()


async def _flood(client: ChatClient, *, reads: int, sends: int) -> None:
    """Raw frames, no outbox: nothing is resent, so every answer belongs to this burst."""
    for number in range(reads):
        await client._send({"type": "read", "seq": number})
    for number in range(sends):
        client_id = f"flood-{client.name.rsplit('@', 1)[-1]}-{number:04d}"
        frame = {"type": "message.send", "client_id": client_id, "body": "連投"}
        await client._send(frame)


def _answers(clients, code, frame=None) -> int:
    return sum(
        1
        for client in clients
        for error in client.errors
        if error.get("code") == code and frame in (None, error.get("frame"))
    )


async def test_rate_limits_hold_per_user_across_sockets_and_processes(stack):
    """300 `read` and 45 `message.send` frames of one user, through two Daphne processes."""
    first, second = stack["servers"]["redis"]
    data = await asyncio.to_thread(_setup, stack["envs"]["redis"])
    clients = [_client(first, data, "official"), _client(second, data, "official")]
    for client in clients:
        await client.start()
    try:
        await asyncio.gather(
            _flood(clients[0], reads=150, sends=23), _flood(clients[1], reads=150, sends=22)
        )

        def answered_sends():
            limited = _answers(clients, "rate_limited", "message.send")
            return sum(len(c.acked) for c in clients) + limited

        # Answers on a socket come in order: once every send is answered, so is every read.
        await _until(lambda: answered_sends() == 45, timeout=60)
        limited = _answers(clients, "rate_limited")
        acked = sum(len(c.acked) for c in clients)
    finally:
        for client in clients:
            await client.stop()
    # The limits are 120 frames and 30 messages per user per 10 s; a burst may straddle two
    # windows, so at most twice that gets through; a limit per process would let all through.
    # (The reads come first, so the sends may all find the frame limit already used up.)
    assert limited >= 300 + 45 - 2 * 120
    assert acked <= 2 * 30
    assert not [e for c in clients for e in c.errors if e["code"] != "rate_limited"]


async def test_rate_limits_fall_back_to_a_per_process_limit_while_redis_is_down(stack):
    server = stack["servers"]["redis"][0]
    data = await asyncio.to_thread(_setup, stack["envs"]["redis"])
    client = _client(server, data, "official")
    await client.start()
    try:
        stack["redis"].stop()
        await _flood(client, reads=300, sends=0)
        # Per process now, but still limited: at most two windows' worth gets through.
        await _until(lambda: _answers([client], "rate_limited") >= 300 - 2 * 120, timeout=20)
    finally:
        stack["redis"].start()
        await client.stop()
