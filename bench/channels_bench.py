"""Realtime benchmark of the co-creation channels against a running server (not a test).

    PORTAL_BENCH_ROUTES=1 daphne -p 8102 portal.asgi:application      # the server under test
    python bench/channels_bench.py --server ws://127.0.0.1:8102 --channels 20 --members 20 \\
        --rate 1 --duration 30                                            # load run
    python bench/channels_bench.py --server ws://127.0.0.1:8102 --idle 2000 --pid <daphne pid>

Run it with the same DATABASE_URL as the server: it creates its bench users, channels, memberships
and sessions in that database (idempotent; emails end in @bench.invalid).

Load run: N channels × M members; R messages per second per channel (`--per channel`, the
default: a random member of the channel sends each one) or per member (`--per member`), for the
duration. Every message is delivered to all M members of its channel (the sender too), so the
offered delivery rate is N × R × M frames per second per channel rate (× M again per member). It runs twice on the same
server and channel layer — through the portal's protocol (/ws/channels/<id>/: session auth,
membership checks, rate limits, a database commit per message, JSON frames with rendered HTML)
and through a bare Channels broadcast consumer (/ws/bench/broadcast/<room>/, enabled by
PORTAL_BENCH_ROUTES=1) — and reports delivered frames per second, p50/p95/p99 delivery latency
(send → receive, measured on one clock because senders and receivers share this process), lost
and duplicated counts. Portal clients then resync (as the browser script does): "lost after
resync" must be 0.

Idle run: opens K authenticated sockets to one process and reports its resident memory before
and after (from /proc/<pid>/status), memory per socket and whether every socket still answers.
"""

import argparse
import asyncio
import json
import os
import random
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import websockets  # noqa: E402

from bench.chat_client import ChatClient  # noqa: E402

PASSWORD_UNUSABLE = None


# --- Setup (Django, same database as the server) --------------------------------------------


def setup_people(channels: int, members: int) -> list[dict]:
    """Bench users, channels and sessions: [{"channel": id, "members": [cookie, …]}]."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import transaction

    from portal.accounts.models import User
    from portal.cocreation.models import Channel, ChannelKind, MemberRole, Membership

    def cookie(user):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"

    rooms = []
    with transaction.atomic():
        for c in range(channels):
            channel, _ = Channel.objects.get_or_create(
                name=f"bench channel {c}", kind=ChannelKind.SUPPORT_REQUEST
            )
            cookies = []
            for m in range(members):
                user, created = User.objects.get_or_create(
                    email=f"bench-{c}-{m}@bench.invalid",
                    defaults={"display_name": f"ベンチ {c}-{m}"},
                )
                if created:
                    user.set_unusable_password()
                    user.save()
                role = MemberRole.OWNER if m == 0 else MemberRole.MEMBER
                Membership.objects.get_or_create(
                    channel=channel, user=user, defaults={"role": role}
                )
                cookies.append(cookie(user))
            rooms.append({"channel": channel.pk, "members": cookies, "last_seq": channel.last_seq})
    return rooms


# --- Measurements --------------------------------------------------------------------------


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def summary(name, *, offered, latencies, delivered, lost, duplicated, duration, extra=None):
    row = {
        "mode": name,
        "messages_sent": offered,
        "delivered_frames": delivered,
        "delivered_per_s": round(delivered / duration, 1),
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 1),
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 1),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 1),
        "lost": lost,
        "duplicated": duplicated,
    }
    row.update(extra or {})
    return row


async def _paced(sender, *, rate: float, duration: float):
    """Call `sender()` `rate` times per second (random phase) for `duration` seconds."""
    interval = 1.0 / rate
    await asyncio.sleep(random.random() * interval)  # noqa: S311
    started = time.perf_counter()
    count = 0
    while True:
        target = started + count * interval
        if target - started >= duration:
            return
        delay = target - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        await sender()
        count += 1


# --- Portal protocol -----------------------------------------------------------------------


def _loops(groups: list[list], send, *, rate: float, per: str, duration: float):
    """Sending loops: one per member (`per="member"`) or one per channel picking a random
    member each time (`per="channel"`), each at `rate` messages per second."""
    if per == "member":
        return [
            _paced(lambda t=t: send(t), rate=rate, duration=duration) for g in groups for t in g
        ]
    return [
        _paced(lambda g=g: send(random.choice(g)), rate=rate, duration=duration)  # noqa: S311
        for g in groups
    ]


async def run_portal(servers, rooms, *, rate, per, duration, drain, pid=None):
    clients = []
    for index, room in enumerate(rooms):
        for number, member_cookie in enumerate(room["members"]):
            server = servers[(index * len(room["members"]) + number) % len(servers)]
            clients.append(
                ChatClient(
                    base_url=server,
                    channel_id=room["channel"],
                    cookie=member_cookie,
                    origin=server.replace("ws", "http", 1),
                    name=f"{room['channel']}/{number}",
                    last_seq=room["last_seq"],  # like a page that shows the history already
                )
            )
    await _start_all(clients)
    # Start counting after the catch-up sync of messages from earlier runs.
    baseline = {id(c): len(c.deliveries) for c in clients}
    start_seq = {room["channel"]: 0 for room in rooms}
    for client in clients:
        start_seq[client.channel_id] = max(start_seq[client.channel_id], client.last_seq)

    async def send(client):
        await client.send_message(f"ベンチマーク {uuid.uuid4().hex[:8]}")

    groups = {}
    for client in clients:
        groups.setdefault(client.channel_id, []).append(client)
    cpu_before = cpu_seconds(pid)
    began = time.perf_counter()
    await asyncio.gather(
        *_loops(list(groups.values()), send, rate=rate, per=per, duration=duration)
    )
    elapsed = time.perf_counter() - began
    await asyncio.sleep(drain)
    cpu_used = cpu_seconds(pid) - cpu_before

    sent_at = {}
    for client in clients:
        sent_at.update(client.sent_at)
    by_channel: dict[int, list[ChatClient]] = {}
    for client in clients:
        by_channel.setdefault(client.channel_id, []).append(client)
    latencies, live, expected = [], 0, 0
    for channel_clients in by_channel.values():
        sent_here = {cid for c in channel_clients for cid in c.sent_at}
        expected += len(sent_here) * len(channel_clients)
        for client in channel_clients:
            for delivery in client.deliveries[baseline[id(client)] :]:
                if delivery.live and delivery.client_id in sent_at:
                    live += 1
                    latencies.append(delivery.received_at - sent_at[delivery.client_id])
    duplicated = sum(c.duplicated_messages for c in clients)
    # Then every client resyncs, as the browser script does after a gap or a reconnect.
    for channel_id, channel_clients in by_channel.items():
        total = start_seq[channel_id] + len({cid for c in channel_clients for cid in c.sent_at})
        await asyncio.gather(
            *(c.settle(expected_last_seq=total, timeout=120) for c in channel_clients),
            return_exceptions=True,  # counted below as lost after resync
        )
    lost_after = 0
    for channel_clients in by_channel.values():
        sent_here = {cid for c in channel_clients for cid in c.sent_at}
        for client in channel_clients:
            have = {d.client_id for d in client.deliveries}
            lost_after += len(sent_here - have)
    errors = {}
    for client in clients:
        for error in client.errors:
            errors[error["code"]] = errors.get(error["code"], 0) + 1
    await asyncio.gather(*(c.stop() for c in clients))
    return summary(
        "portal /ws/channels/",
        offered=len(sent_at),
        latencies=latencies,
        delivered=live,
        lost=expected - live,
        duplicated=duplicated,
        duration=elapsed,
        extra={
            **_cpu(pid, cpu_used, len(sent_at)),
            "lost_after_resync": lost_after,
            "error_frames": ",".join(f"{k}:{v}" for k, v in errors.items()) or 0,
        },
    )


async def _start_all(clients, concurrency: int = 50):
    gate = asyncio.Semaphore(concurrency)

    async def start(client):
        async with gate:
            await client.start(wait=60)

    await asyncio.gather(*(start(c) for c in clients))


# --- Bare broadcast consumer ----------------------------------------------------------------


async def run_bare(servers, rooms, *, rate, per, duration, drain, pid=None):
    received: dict[int, dict[str, float]] = {}
    duplicates = 0
    sent_at: dict[str, float] = {}
    sockets = []

    async def reader(key, socket):
        nonlocal duplicates
        async for raw in socket:
            data = json.loads(raw)
            if data["id"] in received[key]:
                duplicates += 1
            received[key][data["id"]] = time.perf_counter()

    index = 0
    room_of = {}
    for room_number, room in enumerate(rooms):
        for _member in room["members"]:
            server = servers[index % len(servers)]
            socket = await websockets.connect(
                f"{server}/ws/bench/broadcast/{room_number}/",
                additional_headers={"Origin": server.replace("ws", "http", 1)},
            )
            received[index] = {}
            room_of[index] = room_number
            sockets.append((index, socket, asyncio.create_task(reader(index, socket))))
            index += 1
    await asyncio.sleep(0.5)

    async def send(socket):
        message_id = uuid.uuid4().hex
        sent_at[message_id] = time.perf_counter()
        body = f"ベンチマーク {message_id[:8]}"
        await socket.send(json.dumps({"id": message_id, "body": body}, ensure_ascii=False))

    groups = {}
    for key, socket, _task in sockets:
        groups.setdefault(room_of[key], []).append(socket)
    cpu_before = cpu_seconds(pid)
    began = time.perf_counter()
    await asyncio.gather(
        *_loops(list(groups.values()), send, rate=rate, per=per, duration=duration)
    )
    elapsed = time.perf_counter() - began
    await asyncio.sleep(drain)
    cpu_used = cpu_seconds(pid) - cpu_before
    members_per_room = {}
    for room_number in room_of.values():
        members_per_room[room_number] = members_per_room.get(room_number, 0) + 1
    expected = len(sent_at) * next(iter(members_per_room.values()))
    latencies = [
        at - sent_at[message_id]
        for key in received
        for message_id, at in received[key].items()
        if message_id in sent_at
    ]
    for _key, socket, task in sockets:
        task.cancel()
        await socket.close()
    return summary(
        "bare Channels broadcast",
        offered=len(sent_at),
        latencies=latencies,
        delivered=len(latencies),
        lost=expected - len(latencies),
        duplicated=duplicates,
        duration=elapsed,
        extra=_cpu(pid, cpu_used, len(sent_at)),
    )


# --- Idle sockets --------------------------------------------------------------------------


def cpu_seconds(pids: list[int] | None) -> float:
    """User + system CPU time of the server processes (and their threads) so far."""
    total = 0.0
    for pid in pids or ():
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _cpu(pid, used: float, messages: int) -> dict:
    """Server CPU spent while sending and draining (connects and resyncs excluded)."""
    if not pid:
        return {}
    return {
        "server_cpu_s": round(used, 1),
        "server_cpu_ms_per_msg": round(1000 * used / max(1, messages), 2),
    }


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


async def run_idle(server, rooms, *, count, pid):
    pairs = [(room["channel"], cookie) for room in rooms for cookie in room["members"]]
    before = rss_kib(pid)
    sockets = []
    gate = asyncio.Semaphore(50)
    failures = 0

    async def open_one(number):
        nonlocal failures
        channel_id, member_cookie = pairs[number % len(pairs)]
        async with gate:
            try:
                socket = await websockets.connect(
                    f"{server}/ws/channels/{channel_id}/",
                    additional_headers={
                        "Cookie": member_cookie,
                        "Origin": server.replace("ws", "http", 1),
                    },
                    open_timeout=60,
                    ping_interval=None,  # idle means idle: the server's own pings keep them open
                )
                sockets.append(socket)
            except (OSError, websockets.WebSocketException, TimeoutError):
                failures += 1

    began = time.perf_counter()
    await asyncio.gather(*(open_one(n) for n in range(count)))
    opened_in = time.perf_counter() - began
    await asyncio.sleep(5)  # let connect-time work (presence) settle
    after = rss_kib(pid)

    answered = 0

    closed_codes = []

    async def ask(socket):
        nonlocal answered
        try:
            await socket.send(json.dumps({"type": "sync", "after_seq": 10**9}))
            async for raw in socket:
                if json.loads(raw)["type"] == "sync.done":
                    answered += 1
                    return
        except websockets.ConnectionClosed as closed:  # reported: a socket that died idle
            closed_codes.append(closed.rcvd.code if closed.rcvd else None)

    sample = sockets[:: max(1, len(sockets) // 200)]
    await asyncio.wait_for(asyncio.gather(*(ask(s) for s in sample)), 60)
    await asyncio.gather(*(s.close() for s in sockets), return_exceptions=True)
    return {
        "mode": "idle sockets",
        "requested": count,
        "open": len(sockets),
        "failed": failures,
        "opened_in_s": round(opened_in, 1),
        "rss_before_mib": round(before / 1024, 1),
        "rss_after_mib": round(after / 1024, 1),
        "kib_per_socket": round((after - before) / max(1, len(sockets)), 1),
        "sampled_sockets_answering": f"{answered}/{len(sample)}",
        "sampled_sockets_closed": closed_codes,
    }


# --- Main ----------------------------------------------------------------------------------


def print_table(rows):
    keys = list(dict.fromkeys(k for row in rows for k in row))
    width = max(len(k) for k in keys)
    print()
    for key in keys:
        values = "".join(f"{str(row.get(key, '')):>28}" for row in rows)
        print(f"{key:<{width}} {values}")
    print()


async def main(args):
    servers = args.server
    rooms = await asyncio.to_thread(setup_people, args.channels, args.members)
    if args.idle:
        rows = [await run_idle(servers[0], rooms, count=args.idle, pid=args.pid[0])]
    else:
        rows = []
        runs = []
        if args.mode in ("both", "bare"):
            runs.append(run_bare)
        if args.mode in ("both", "portal"):
            runs.append(run_portal)
        for run in runs:
            row = await run(
                servers,
                rooms,
                rate=args.rate,
                per=args.per,
                duration=args.duration,
                drain=args.drain,
                pid=args.pid,
            )
            rows.append(row)
        if len(rows) == 2:
            ratio = rows[1]["delivered_per_s"] / max(rows[0]["delivered_per_s"], 0.001)
            print(f"portal / bare delivered per second: {ratio:.2f}")
    print_table(rows)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))


def parse():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--server", action="append", required=True, help="ws://host:port (repeatable)"
    )
    parser.add_argument("--channels", type=int, default=20)
    parser.add_argument("--members", type=int, default=20)
    parser.add_argument("--rate", type=float, default=1.0, help="messages per second (see --per)")
    parser.add_argument(
        "--per",
        choices=["channel", "member"],
        default="channel",
        help="rate per channel (a random member sends) or per member",
    )
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of sending")
    parser.add_argument("--drain", type=float, default=3.0, help="seconds to wait for stragglers")
    parser.add_argument("--mode", choices=["both", "portal", "bare"], default="both")
    parser.add_argument("--idle", type=int, default=0, help="open this many idle sockets instead")
    parser.add_argument(
        "--pid",
        type=lambda text: [int(pid) for pid in text.split(",")],
        help="the server process(es), comma-separated (CPU figures; the idle run uses the first)",
    )
    parser.add_argument("--json", action="store_true", help="also print the rows as JSON")
    args = parser.parse_args()
    if args.idle and not args.pid:
        parser.error("--idle needs --pid of the server process")
    return args


if __name__ == "__main__":
    asyncio.run(main(parse()))
