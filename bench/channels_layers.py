"""Both channel layers side by side in one run: the bare consumer and the portal's, per layer.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench python bench/channels_layers.py \\
        --channels 10 --members 10 --rate 1 --duration 15 --rounds 2

Starts a private redis-server and one Daphne process per layer (`CHANNEL_LAYER_BACKEND=redis`
and `pubsub`, PORTAL_BENCH_ROUTES=1) on free ports, all on DATABASE_URL (migrate it first),
then runs bench/channels_bench.py against each in interleaved rounds (redis, pubsub, redis, …)
so that changing machine load hits both alike. Each round measures the bare broadcast consumer
and the portal's consumer on the same process and layer (delivered/s, p50/p95/p99, server CPU
per delivered message, lost/duplicated) and records the load average (`/proc/loadavg`) before
and after. Prints one table per round and the portal/bare ratios with their spread. Every
process it starts is stopped at the end.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.cocreation.livestack import Daphne, RedisServer  # noqa: E402

LAYERS = ("redis", "pubsub")


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def start_servers(workdir: Path, database_url: str) -> tuple[RedisServer, dict]:
    redis = RedisServer(workdir)
    redis.start()
    servers = {}
    for layer in LAYERS:
        env = dict(os.environ)
        env.update(
            DATABASE_URL=database_url,
            REDIS_URL=redis.url,
            CHANNEL_LAYER_BACKEND=layer,
            CHANNEL_LAYER_PREFIX=f"bench{layer}",
            CACHE_KEY_PREFIX=f"bench{layer}",
            PORTAL_BENCH_ROUTES="1",
            DJANGO_DEBUG="0",
            DJANGO_SECRET_KEY=env.get("DJANGO_SECRET_KEY", "bench-only-secret-key-" + "x" * 40),
            DJANGO_ALLOWED_HOSTS="127.0.0.1",
            # Loads offered here are far beyond one person's: the benchmark measures delivery.
            COCREATION_RATE_MESSAGES="1000000",
            COCREATION_RATE_FRAMES="1000000",
            LOG_LEVEL="WARNING",
        )
        servers[layer] = Daphne(env, workdir, f"bench-{layer}")
        servers[layer].spawn()
    for server in servers.values():
        server.wait_ready()
    return redis, servers


def run_round(server: Daphne, args) -> list[dict]:
    command = [
        sys.executable, str(ROOT / "bench" / "channels_bench.py"),
        "--server", server.ws, "--channels", str(args.channels), "--members", str(args.members),
        "--rate", str(args.rate), "--duration", str(args.duration), "--pid", str(server.pid),
        "--json",
    ]  # fmt: skip
    env = {**os.environ, "DATABASE_URL": args.database_url}
    result = subprocess.run(  # noqa: S603
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def spread(values: list[float]) -> str:
    return f"{min(values):.2f}–{max(values):.2f}" if values else "–"


def main(args) -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        redis, servers = start_servers(Path(tmp), args.database_url)
        try:
            for number in range(1, args.rounds + 1):
                for layer in LAYERS:
                    before = loadavg()
                    pair = run_round(servers[layer], args)
                    after = loadavg()
                    for row in pair:
                        row.update(round=number, layer=layer, load=f"{before} → {after}")
                        rows.append(row)
                        print(json.dumps(row, ensure_ascii=False), flush=True)
        finally:
            for server in servers.values():
                server.stop(hard=True)
            redis.stop()
    print()
    print("round layer  mode    delivered/s  p50    p95    p99 ms  CPU ms/msg  lost dup  load")
    for row in rows:
        print(
            f"{row['round']:>5} {row['layer']:<6} {row['mode']:<7} {row['delivered_per_s']:>11}"
            f" {row['p50_ms']:>6} {row['p95_ms']:>6} {row['p99_ms']:>7}"
            f" {row.get('server_cpu_ms_per_msg', '–'):>11} {row['lost']:>5} {row['duplicated']:>3}"
            f"  {row['load']}"
        )
    for layer in LAYERS:
        cpu, p99 = [], []
        for number in range(1, args.rounds + 1):
            bare, portal = (
                next(r for r in rows if (r["round"], r["layer"], r["mode"]) == (number, layer, m))
                for m in ("bare", "portal")
            )
            if bare.get("server_cpu_ms_per_msg") and portal.get("server_cpu_ms_per_msg"):
                cpu.append(portal["server_cpu_ms_per_msg"] / bare["server_cpu_ms_per_msg"])
            p99.append(portal["p99_ms"] / max(bare["p99_ms"], 0.1))
        print(f"{layer}: portal/bare CPU per message {spread(cpu)}, p99 {spread(p99)}")


def parse():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--channels", type=int, default=10)
    parser.add_argument("--members", type=int, default=10)
    parser.add_argument("--rate", type=float, default=1.0)
    parser.add_argument("--duration", type=float, default=15.0)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    if not args.database_url:
        parser.error("set DATABASE_URL (or --database-url) to a migrated database")
    return args


if __name__ == "__main__":
    started = time.monotonic()
    main(parse())
    print(f"({time.monotonic() - started:.0f} s)")
