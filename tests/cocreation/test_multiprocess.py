"""Two real Daphne processes sharing a private Redis and one database.

Clients on different processes exchange messages; a Daphne process is killed and restarted, and
Redis is restarted, while clients keep sending. Afterwards every client has every committed
message exactly once and in order, and the database holds each sent message exactly once under
gapless numbers.
"""

import asyncio
import time

import pytest

from bench.chat_client import ChatClient
from tests.cocreation.livestack import (
    Daphne,
    RedisServer,
    copy_test_database,
    remove_member,
    run_setup,
    stack_env,
    stored_messages,
)

# The django_db mark makes pytest-django create the test database that the stack copies; the
# tests themselves use the stack's copy only.
pytestmark = [pytest.mark.multiprocess, pytest.mark.asyncio, pytest.mark.django_db]


@pytest.fixture(scope="module")
def stack(django_db_setup, django_db_blocker, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("multiprocess")
    with django_db_blocker.unblock():
        database_url, drop_database = copy_test_database(workdir)
    redis = RedisServer(workdir)
    redis.start()
    # Sending fast is the point here; the rate limits have their own tests.
    env = stack_env(database_url, redis.url, COCREATION_RATE_MESSAGES="100000")
    servers = [Daphne(env, workdir, "daphne-1"), Daphne(env, workdir, "daphne-2")]
    for server in servers:
        server.spawn()
    for server in servers:
        server.wait_ready()
    yield {"env": env, "redis": redis, "servers": servers, "workdir": workdir}
    for server in servers:
        server.stop(hard=True)
    redis.stop()
    drop_database()


PEOPLE = {
    "official": "official",
    "startup": "startup",
    "official2": "official",
    "startup2": "startup",
}


def _setup_channel(stack) -> dict:
    members = ["startup", "official2", "startup2"]
    spec = {"users": PEOPLE, "channels": {"pair": {"owner": "official", "members": members}}}
    return run_setup(stack["env"], spec)


def _client(server, data, person) -> ChatClient:
    return ChatClient(
        base_url=server.ws,
        channel_id=data["channels"]["pair"],
        cookie=data["users"][person]["cookie"],
        origin=server.http,
        name=f"{person}@{server.port}",
    )


async def _until(predicate, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError
        await asyncio.sleep(0.02)


async def test_clients_on_two_processes_exchange_messages_live(stack):
    first, second = stack["servers"]
    data = await asyncio.to_thread(_setup_channel, stack)
    official = _client(first, data, "official")
    startup = _client(second, data, "startup")
    await official.start()
    await startup.start()
    try:
        await official.send_message("プロセス1から送信します")
        await _until(lambda: len(startup.deliveries) == 1)
        await startup.send_message("プロセス2で受信しました")
        await _until(lambda: len(official.deliveries) == 2)
    finally:
        await official.stop()
        await startup.stop()
    assert [(d.seq, d.body, d.live) for d in startup.deliveries[:1]] == [
        (1, "プロセス1から送信します", True)
    ]
    assert [(d.seq, d.live) for d in official.deliveries] == [(1, True), (2, True)]
    assert official.deliveries[1].author == data["users"]["startup"]["id"]


async def _traffic(clients, *, seconds: float, interval: float, disrupt) -> set[str]:
    """Every client sends one message per `interval`; `disrupt()` runs a third of the way in."""
    sent: set[str] = set()

    async def sender(client, number):
        started = time.monotonic()
        count = 0
        while time.monotonic() - started < seconds:
            sent.add(await client.send_message(f"{client.name} {count} 番目のメッセージ"))
            count += 1
            await asyncio.sleep(interval)

    async def disruptor():
        await asyncio.sleep(seconds / 3)
        await asyncio.to_thread(disrupt)

    await asyncio.gather(*(sender(c, n) for n, c in enumerate(clients)), disruptor())
    return sent


async def _check_no_loss_no_duplicates(stack, data, clients, sent):
    total = len(sent)
    for client in clients:
        await client.settle(expected_last_seq=total, timeout=30)
    stored = await asyncio.to_thread(stored_messages, stack["env"], data["channels"]["pair"])
    assert [m["seq"] for m in stored] == list(range(1, total + 1))  # gapless, nothing extra
    assert sorted(m["client_id"] for m in stored) == sorted(sent)  # each sent message once
    for client in clients:
        assert client.seqs == list(range(1, total + 1)), client.name  # exactly once, in order
        assert client.duplicated_messages == 0
        assert [d.client_id for d in client.deliveries] == [m["client_id"] for m in stored]


async def _run_disruption(stack, disrupt):
    first, second = stack["servers"]
    data = await asyncio.to_thread(_setup_channel, stack)
    clients = [
        _client(first, data, "official"),
        _client(second, data, "startup"),
        _client(first, data, "official2"),
        _client(second, data, "startup2"),
    ]
    for client in clients:
        await client.start()
    try:
        sent = await _traffic(clients, seconds=4.5, interval=0.06, disrupt=disrupt)
        await _check_no_loss_no_duplicates(stack, data, clients, sent)
    finally:
        for client in clients:
            await client.stop()
    return clients


async def test_a_removed_member_is_disconnected_on_the_other_process_within_seconds(stack):
    first, second = stack["servers"]
    data = await asyncio.to_thread(_setup_channel, stack)
    official = _client(first, data, "official")
    startup = _client(second, data, "startup")
    await official.start()
    await startup.start()
    try:
        await asyncio.to_thread(
            remove_member, stack["env"], data["channels"]["pair"], data["users"]["startup"]["id"]
        )
        # The socket on the other process is told at once (then closed with 4403; reconnecting
        # is refused, so nothing more arrives).
        await _until(lambda: any(e["code"] == "forbidden" for e in startup.errors), timeout=5)
        await official.send_message("削除後のメッセージ")
        await _until(lambda: len(official.deliveries) == 1)
        await asyncio.sleep(0.5)
        assert startup.deliveries == []
    finally:
        await official.stop()
        await startup.stop()


async def test_killing_and_restarting_a_daphne_process_during_traffic(stack):
    second = stack["servers"][1]

    def crash_and_restart():
        second.stop(hard=True)
        second.start()

    clients = await _run_disruption(stack, crash_and_restart)
    assert all(client.reconnects for client in clients[1::2])  # the disruption did happen


async def test_restarting_redis_during_traffic(stack):
    redis = stack["redis"]

    def restart_redis():
        redis.stop()
        time.sleep(1)
        redis.start()

    clients = await _run_disruption(stack, restart_redis)
    # The disruption did happen: sockets that stayed open were told to resync (those that a
    # longer outage closed reconnected instead).
    assert all(client.resyncs or client.reconnects for client in clients)
