"""Page and search benchmark at 1k / 10k / 100k support requests, beside a trivial view.

One command builds the data sets (bulk inserts, bulk indexing: minutes, not hours) and runs
interleaved rounds:

    .venv/bin/python bench/pages_bench.py --sizes 1000,10000,100000 --rounds 3

Each size lives in a database of its own (``portal_search_bench_<size>`` on the PostgreSQL
server of ``--server``, default postgres://postgres@127.0.0.1:5432; ``--sqlite`` uses files in
/tmp instead). Every data set has 2,000 startups and 1,000 case studies beside its requests,
the demo accounts and CMS tree of ``seed_demo``, so only the number of requests changes.

A round starts one Python process per size (Django can talk to one default database per
process) that times, in the same process and with the same middleware stack, every page and
a trivial view (``HttpResponse("ok")``) alternately, ``--requests`` times each, through Django's
test client (the WSGI handler: server-side time, no network). Rounds alternate the sizes, so a
change of load on the shared machine hits every size alike. The report prints, per page:

* the median time at each size and its growth ratio to the smallest size, with the spread
  over rounds [min–max of the per-round ratio];
* throughput relative to the trivial view in the same process at the largest size
  (trivial median ÷ page median), with its spread.

Signed-out pages are timed twice: as the next reader gets them (from the anonymous page cache)
and, marked "· rendered", with the cache's generation bumped before every request, as the first
reader after a write gets them (the full render, plus storing it).

The load average is printed beside every round; the machine is shared, so compare ratios
(measured side by side), not absolute times. Results: bench/results/pages-<vendor>.json.
Search latency (p50/p95 over a Japanese query set, server-side) is part of every round.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"

PAGES = {
    "home": ("anonymous", "/ja/"),
    "request list": ("anonymous", "/ja/requests/"),
    "request search": ("anonymous", "/ja/requests/?q=防災"),
    "request search (broad)": ("anonymous", "/ja/requests/?q=オンライン"),
    "request list (signed in)": ("official", "/ja/requests/"),
    "officials' dashboard": ("official", "/ja/requests/dashboard/"),
    "startup directory": ("anonymous", "/ja/startups/"),
    "startup search": ("anonymous", "/ja/startups/?q=農業"),
    "case index": ("anonymous", "/ja/cases/"),
    "case search": ("anonymous", "/ja/cases/?q=防災"),
    "site search": ("anonymous", "/ja/search/?q=防災"),
}
SEARCH_QUERIES = [
    "防災",
    "農業",
    "オンライン",
    "子育て",
    "ＡＩ",
    "ｼｽﾃﾑ",
    "5G",
    "窓口 待ち時間",
    "ごみ",
]
STARTUPS = 2_000
CASES = 1_000
TRIVIAL = "/bench-trivial/"
# Signed-out pages are timed twice: as readers get them (from the page cache, portal/core/
# page_cache.py) and as the first reader after a write gets them (rendered anew).
RENDERED = " · rendered"


def database_url(args, size: int) -> str:
    if args.sqlite:
        return f"sqlite:////tmp/portal_search_bench_{size}.sqlite3"
    return f"{args.server.rstrip('/')}/portal_search_bench_{size}"


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


# --- worker: runs inside one process per size --------------------------------------------------


def _setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ.setdefault("DJANGO_DEBUG", "0")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    import django

    django.setup()


def build(size: int) -> None:
    """Create the data set of `size` requests if it is not there yet (idempotent)."""
    os.environ["DJANGO_DEBUG"] = "1"  # seed_demo (demo accounts, CMS tree) refuses otherwise
    _setup_django()
    from django.core.management import call_command

    from bench import dataset

    call_command("migrate", verbosity=0)
    dataset.ensure(requests=size, startups=STARTUPS, cases=CASES)


def run(size: int, requests: int) -> dict:
    """One round for one size: page timings beside the trivial view, and search latency."""
    _setup_django()
    from django.http import HttpResponse
    from django.test import Client
    from django.urls import clear_url_caches, get_resolver, path

    from portal.accounts.models import User
    from portal.core import page_cache

    get_resolver().url_patterns.insert(
        0, path(TRIVIAL.strip("/") + "/", lambda r: HttpResponse("ok"))
    )
    clear_url_caches()
    clients = {"anonymous": Client(), "official": Client()}
    clients["official"].force_login(User.objects.get(email="official1@example.jp"))
    for client in clients.values():  # warm caches, templates, connections
        for _ in range(3):
            client.get(TRIVIAL, secure=True)
    timings = {}
    for name, (who, url) in PAGES.items():
        client = clients[who]
        client.get(url, secure=True)
        timings[name] = _page_beside_trivial(client, url, requests)
        if who == "anonymous":  # the first reader after a write: the page is rendered anew
            timings[name + RENDERED] = _page_beside_trivial(
                client, url, requests, before=page_cache.bump_generation
            )
    return {"size": size, "load": load_average(), "pages": timings, "search": _search(requests)}


def _page_beside_trivial(client, url, requests, before=None) -> dict:
    page, trivial = [], []
    for _ in range(requests):
        if before:
            before()
        page.append(_timed(client, url))
        trivial.append(_timed(client, TRIVIAL))
    return {"page_ms": statistics.median(page), "trivial_ms": statistics.median(trivial)}


def _timed(client, url) -> float:
    started = time.perf_counter()
    response = client.get(url, secure=True)  # HTTPS, as behind the production proxy
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return elapsed


def _search(repeat: int) -> dict:
    """Server-side search latency: the request list's search (first page + capped count)."""
    from django.contrib.auth.models import AnonymousUser

    from portal.community.selectors import RequestFilters, support_request_list
    from portal.core.pagination import CappedPaginator

    timings = []
    for _ in range(max(repeat // 2, 3)):
        for query in SEARCH_QUERIES:
            started = time.perf_counter()
            rows = support_request_list(user=AnonymousUser(), filters=RequestFilters(q=query))
            page = CappedPaginator(rows, 20).get_page(1)
            list(page.object_list)
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {"p50_ms": timings[len(timings) // 2], "p95_ms": timings[int(0.95 * (len(timings) - 1))]}


# --- driver --------------------------------------------------------------------------------------


def _worker(args, size: int, *command: str) -> str:
    env = {**os.environ, "DATABASE_URL": database_url(args, size)}
    if args.no_redis:
        env.pop("REDIS_URL", None)
    result = subprocess.run(
        [sys.executable, __file__, *command, "--size", str(size)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def _create_database(args, size: int) -> None:
    if args.sqlite:
        return
    import psycopg

    with psycopg.connect(f"{args.server.rstrip('/')}/postgres", autocommit=True) as conn:
        name = f"portal_search_bench_{size}"
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def spread(values: list[float]) -> str:
    return f"[{min(values):.2f}–{max(values):.2f}]"


def report(rounds: list[list[dict]], sizes: list[int]) -> dict:
    base, top = sizes[0], sizes[-1]
    summary = {"sizes": sizes, "pages": {}, "search": {}}
    header = "".join(f"{f'{size:,} ms':>12}" for size in sizes)
    print(f"\n{'page':<36}{header}{'growth ' + str(top // base) + '×':>22}{'vs trivial':>24}")
    for name in rounds[0][base]["pages"]:
        medians = {
            size: statistics.median(r[size]["pages"][name]["page_ms"] for r in rounds)
            for size in sizes
        }
        growth = [
            r[top]["pages"][name]["page_ms"] / r[base]["pages"][name]["page_ms"] for r in rounds
        ]
        relative = [
            r[top]["pages"][name]["trivial_ms"] / r[top]["pages"][name]["page_ms"] for r in rounds
        ]
        cells = "".join(f"{medians[size]:>12.1f}" for size in sizes)
        print(
            f"{name:<36}{cells}{statistics.median(growth):>10.2f} {spread(growth):<11}"
            f"{statistics.median(relative):>11.2f} {spread(relative):<12}"
        )
        summary["pages"][name] = {
            "median_ms": medians,
            "growth": statistics.median(growth),
            "growth_spread": [min(growth), max(growth)],
            "vs_trivial": statistics.median(relative),
            "vs_trivial_spread": [min(relative), max(relative)],
        }
    for size in sizes if "search" in rounds[0][base] else []:
        p50 = statistics.median(r[size]["search"]["p50_ms"] for r in rounds)
        p95 = statistics.median(r[size]["search"]["p95_ms"] for r in rounds)
        summary["search"][size] = {"p50_ms": p50, "p95_ms": p95}
        print(f"search at {size:,} requests: p50 {p50:.1f} ms, p95 {p95:.1f} ms (server-side)")
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs="?", default="all", choices=["all", "build", "run"])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--size", type=int, help="(worker) the one size this process serves")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=15, help="timed requests per page")
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--sqlite", action="store_true")
    parser.add_argument("--no-redis", action="store_true", help="drop REDIS_URL for the workers")
    parser.add_argument("--no-build", action="store_true", help="the data sets exist already")
    args = parser.parse_args()
    if args.command == "build":
        build(args.size)
        return 0
    if args.command == "run":
        print(json.dumps(run(args.size, args.requests)))
        return 0
    sizes = sorted(int(size) for size in args.sizes.split(","))
    for size in [] if args.no_build else sizes:
        started = time.monotonic()
        _create_database(args, size)
        print(f"building {size:,} requests …", flush=True)
        print(_worker(args, size, "build"), end="")
        print(f"  ready in {time.monotonic() - started:.0f} s (load {load_average()})", flush=True)
    rounds = []
    for number in range(1, args.rounds + 1):
        results = {}
        for size in sizes:
            output = _worker(args, size, "run", "--requests", str(args.requests))
            results[size] = json.loads(output.strip().splitlines()[-1])
        rounds.append(results)
        loads = ", ".join(f"{size:,}: {results[size]['load']}" for size in sizes)
        print(f"round {number}/{args.rounds} done (load average {loads})", flush=True)
    if not rounds:  # --rounds 0: only build the data sets
        return 0
    summary = report(rounds, sizes)
    summary["rounds"] = rounds
    vendor = "sqlite" if args.sqlite else "postgresql"
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"pages-{vendor}.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2))
    print(f"written to bench/results/pages-{vendor}.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
