"""Both channel layers side by side in one run: the bare consumer and the portal's, per layer.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench python bench/channels_layers.py \\
        --channels 10 --members 10 --rates 1,2,5,8 --duration 10 --rounds 2

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
# The servers and the client process that signs the bench users' session cookies share one key
# (a cookie signed with another key reads as "Session data corrupted": signed out).
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "bench-only-secret-key-" + "x" * 40)


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def server_env(database_url: str, redis_url: str, layer: str, prefix: str = "bench") -> dict:
    """Production settings for a benchmarked Daphne on `layer` (shared by bench/channels_*.py)."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        CHANNEL_LAYER_BACKEND=layer,
        CHANNEL_LAYER_PREFIX=f"{prefix}{layer}",
        CACHE_KEY_PREFIX=f"{prefix}{layer}",
        PORTAL_BENCH_ROUTES="1",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=SECRET_KEY,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        # Loads offered here are far beyond one person's: the benchmark measures delivery.
        COCREATION_RATE_MESSAGES="1000000",
        COCREATION_RATE_FRAMES="1000000",
        LOG_LEVEL="WARNING",
    )
    return env


def start_servers(workdir: Path, database_url: str) -> tuple[RedisServer, dict]:
    redis = RedisServer(workdir)
    redis.start()
    servers = {}
    for layer in LAYERS:
        env = server_env(database_url, redis.url, layer)
        servers[layer] = Daphne(env, workdir, f"bench-{layer}")
        servers[layer].spawn()
    for server in servers.values():
        server.wait_ready()
    return redis, servers


def run_client(servers: list[Daphne], database_url: str, *options: str) -> list[dict]:
    """Run bench/channels_bench.py against `servers` (its CPU read from their pids) with the
    servers' signing key, and return the rows it prints as JSON."""
    command = [sys.executable, str(ROOT / "bench" / "channels_bench.py"), "--json"]
    for server in servers:
        command += ["--server", server.ws]
    command += ["--pid", ",".join(str(server.pid) for server in servers), *options]
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SECRET_KEY": SECRET_KEY}
    result = subprocess.run(  # noqa: S603
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        sys.stderr.write(result.stderr[-4000:])
        raise SystemExit(f"channels_bench.py {' '.join(options)} failed (exit {result.returncode})")
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_round(server: Daphne, args, rate: float) -> list[dict]:
    return run_client(
        [server], args.database_url,
        "--channels", str(args.channels), "--members", str(args.members),
        "--rate", str(rate), "--duration", str(args.duration),
    )  # fmt: skip


def spread(values: list[float]) -> str:
    return f"{min(values):.2f}–{max(values):.2f}" if values else "–"


def kind(row: dict) -> str:
    return row["mode"].split()[0]  # "bare" or "portal"


def measure(args) -> list[dict]:
    """Interleaved: for each offered load, each round runs every layer once (bare + portal)."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        redis, servers = start_servers(Path(tmp), args.database_url)
        try:
            for rate in args.rates:
                for number in range(1, args.rounds + 1):
                    for layer in LAYERS:
                        before = loadavg()
                        pair = run_round(servers[layer], args, rate)
                        after = loadavg()
                        for row in pair:
                            offered = args.channels * rate * args.members
                            row.update(
                                round=number, layer=layer, rate=rate, offered_per_s=offered,
                                load=f"{before} → {after}",
                            )  # fmt: skip
                            rows.append(row)
                            print(json.dumps(row, ensure_ascii=False), flush=True)
        finally:
            for server in servers.values():
                server.stop(hard=True)
            redis.stop()
    return rows


def holds(row: dict) -> bool:
    """The saturation criterion: p99 within 100 ms and no live delivery lost."""
    return row["p99_ms"] <= 100 and row["lost"] == 0 and row["duplicated"] == 0


def report(rows: list[dict], args) -> None:
    print()
    print(
        "offered/s round layer  mode    delivered/s  p50    p95    p99 ms  CPU ms/msg"
        "  lost dup  load"
    )
    for row in rows:
        print(
            f"{row['offered_per_s']:>9.0f} {row['round']:>5} {row['layer']:<6} {kind(row):<7}"
            f" {row['delivered_per_s']:>11} {row['p50_ms']:>6} {row['p95_ms']:>6}"
            f" {row['p99_ms']:>7} {row.get('server_cpu_ms_per_msg', '–'):>11}"
            f" {row['lost']:>5} {row['duplicated']:>3}  {row['load']}"
        )
    print()
    for layer in LAYERS:
        for rate in args.rates:
            cpu, p99 = [], []
            for number in range(1, args.rounds + 1):
                bare, portal = (
                    next(
                        r
                        for r in rows
                        if (r["rate"], r["round"], r["layer"], kind(r)) == (rate, number, layer, m)
                    )
                    for m in ("bare", "portal")
                )
                if bare.get("server_cpu_ms_per_msg") and portal.get("server_cpu_ms_per_msg"):
                    cpu.append(portal["server_cpu_ms_per_msg"] / bare["server_cpu_ms_per_msg"])
                p99.append(portal["p99_ms"] / max(bare["p99_ms"], 0.1))
            offered = args.channels * rate * args.members
            print(
                f"{layer} at {offered:.0f} deliveries/s: portal/bare CPU per message "
                f"{spread(cpu)}, p99 {spread(p99)}"
            )
        for mode in ("bare", "portal"):
            # Saturation: the highest offered load at which every round held.
            held = [
                rate
                for rate in args.rates
                if all(
                    holds(r)
                    for r in rows
                    if (r["rate"], r["layer"], kind(r)) == (rate, layer, mode)
                )
            ]
            best = max(held, default=0) * args.channels * args.members
            print(
                f"{layer} {mode}: saturation point {best:.0f} deliveries/s (p99 ≤ 100 ms, none lost)"
            )


def main(args) -> None:
    report(measure(args), args)


def parse():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--channels", type=int, default=10)
    parser.add_argument("--members", type=int, default=10)
    parser.add_argument(
        "--rates",
        type=lambda text: [float(x) for x in text.split(",")],
        default=[1.0],
        help="messages per second per channel, comma-separated: a ramp for the saturation point",
    )
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
