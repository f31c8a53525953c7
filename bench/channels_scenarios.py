"""The production scenarios of the co-creation sockets, per channel layer, in one run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
        python bench/channels_scenarios.py --layers pubsub,redis

For each layer it starts a private redis-server and Daphne processes (production settings,
PORTAL_BENCH_ROUTES=1) on DATABASE_URL (migrate it first) and runs bench/channels_bench.py:

- idle: 2,000 authenticated sockets (100 channels of 20 members) on one process; resident
  memory per socket and whether a sample of them still answers;
- connect burst: 500 sockets opened at once (50 handshakes in flight): all accepted, and in
  how many seconds;
- realistic day: 2,000 members in 100 channels of 20, one in ten sending a message every 10 s
  (0.2 messages/s per channel, 400 deliveries/s), everyone reading, on one process: the portal's
  consumer beside the bare broadcast consumer;
- two processes: the same fan-out ramp as channels_layers.py against two Daphne processes
  (sockets spread over both) beside one process, with the CPU of the server processes and the
  machine's load, so that scaling out is measured rather than assumed.

Fan-out on one process, portal beside bare, is bench/channels_layers.py.
"""

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.channels_layers import (  # noqa: E402
    holds,
    kind,
    loadavg,
    run_client,
    server_env,
)
from tests.cocreation.livestack import Daphne, RedisServer  # noqa: E402


def bench(servers: list[Daphne], args, *extra: str) -> list[dict]:
    return run_client(servers, args.database_url, *extra)


def emit(rows: list[dict], **labels) -> list[dict]:
    for row in rows:
        row.update(labels)
        print(json.dumps(row, ensure_ascii=False), flush=True)
    return rows


def run_layer(layer: str, args, workdir: Path) -> list[dict]:
    redis = RedisServer(workdir)
    redis.start()
    env = server_env(args.database_url, redis.url, layer, prefix="scen")
    servers = [Daphne(env, workdir, f"scen-{layer}-{n}") for n in range(2)]
    rows = []
    try:
        for server in servers:
            server.spawn()
        for server in servers:
            server.wait_ready()
        one = servers[:1]
        idle = ["--channels", "100", "--members", "20"]
        load = f"{loadavg()}"
        rows += emit(bench(one, args, *idle, "--idle", str(args.idle)), layer=layer,
                     scenario=f"idle {args.idle}", load=load)  # fmt: skip
        rows += emit(bench(one, args, *idle, "--idle", "500"), layer=layer,
                     scenario="connect burst 500", load=loadavg())  # fmt: skip
        day = [*idle, "--rate", "0.2", "--duration", str(args.day_duration)]
        rows += emit(bench(one, args, *day), layer=layer, scenario="realistic day",
                     load=loadavg())  # fmt: skip
        for rate in args.rates:
            for count, group in ((1, one), (2, servers)):
                fan = ["--channels", "10", "--members", "10", "--rate", str(rate),
                       "--duration", str(args.duration)]  # fmt: skip
                before = loadavg()
                rows += emit(bench(group, args, *fan), layer=layer, scenario="fan-out",
                             processes=count, rate=rate, offered_per_s=rate * 100,
                             load=f"{before} → {loadavg()}")  # fmt: skip
    finally:
        for server in servers:
            server.stop(hard=True)
        redis.stop()
    return rows


def report(rows: list[dict], args) -> None:
    print()
    for row in rows:
        if row["scenario"].startswith(("idle", "connect")):
            print(
                f"{row['layer']:<6} {row['scenario']:<18} open {row['open']}/{row['requested']}"
                f" in {row['opened_in_s']} s, {row['kib_per_socket']} KiB per socket"
                f" (RSS {row['rss_before_mib']} → {row['rss_after_mib']} MiB),"
                f" answering {row['sampled_sockets_answering']}"
            )
        elif row["scenario"] == "realistic day":
            print(
                f"{row['layer']:<6} realistic day      {kind(row):<6} delivered/s"
                f" {row['delivered_per_s']}, p50/p95/p99 {row['p50_ms']}/{row['p95_ms']}/"
                f"{row['p99_ms']} ms, lost {row['lost']}, CPU"
                f" {row.get('server_cpu_ms_per_msg', '–')} ms/msg"
            )
    for layer in {row["layer"] for row in rows}:
        for count in (1, 2):
            for mode in ("bare", "portal"):
                fan = [
                    r
                    for r in rows
                    if r["scenario"] == "fan-out"
                    and (r["layer"], r["processes"], kind(r)) == (layer, count, mode)
                ]
                held = [r["offered_per_s"] for r in fan if holds(r)]
                cpu = [r.get("server_cpu_s", 0) for r in fan]
                print(
                    f"{layer:<6} {count} process(es) {mode:<6}: saturation"
                    f" {max(held, default=0):.0f} deliveries/s; server CPU s per run"
                    f" {', '.join(f'{c:.1f}' for c in cpu)}"
                )


def parse():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--layers", default="pubsub,redis")
    parser.add_argument("--logdir", help="where the servers' logs stay (default: a new temp dir)")
    parser.add_argument("--idle", type=int, default=2000)
    parser.add_argument("--day-duration", type=float, default=30.0)
    parser.add_argument("--duration", type=float, default=10.0)
    parser.add_argument(
        "--rates", type=lambda text: [float(x) for x in text.split(",")], default=[3.0, 5.0, 8.0]
    )
    args = parser.parse_args()
    if not args.database_url:
        parser.error("set DATABASE_URL (or --database-url) to a migrated database")
    return args


def main(args) -> None:
    rows = []
    logdir = Path(args.logdir or tempfile.mkdtemp(prefix="channels-scenarios-"))
    logdir.mkdir(parents=True, exist_ok=True)
    print(f"server logs: {logdir}", flush=True)
    for layer in args.layers.split(","):
        rows += run_layer(layer, args, logdir)
    report(rows, args)


if __name__ == "__main__":
    started = time.monotonic()
    main(parse())
    print(f"({time.monotonic() - started:.0f} s)")
