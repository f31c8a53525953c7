"""Page throughput over HTTP through Daphne, beside a trivial view in the same Daphne process.

    REDIS_URL=redis://127.0.0.1:6379/7 .venv/bin/python bench/pages_http_bench.py \\
        --sizes 1000,100000 --rounds 3 --requests 40 --concurrency 4

The in-process benchmark (bench/pages_bench.py) times pages through Django's test client, where
the trivial view costs a quarter of a millisecond; a reader's browser goes through Daphne, where
the same trivial view costs several (HTTP parsing, the ASGI hop, a worker thread per request).
This one measures what the issue's "throughput of a trivial Django view in the same process"
means: one Daphne per data set (production settings, the data sets of bench/pages_bench.py,
PORTAL_BENCH_ROUTES=1 for `/bench-trivial/`, which answers "ok" through the same middleware),
`--concurrency` keep-alive clients sending `--requests` requests each to a page, then the same
to the trivial view, page after page. Rounds alternate the sizes, so a change of load on the
shared machine hits every size alike. Per page it prints (with bench/pages_bench.py's report)
the median at each size as milliseconds per request (1000 ÷ requests per second), the growth
from the smallest to the largest size, and the page's throughput relative to the trivial view
in the same process and round, each with its spread [min–max over rounds]. Signed-out pages are served as readers get them (the anonymous page
cache); the signed-in pages are an official's (a session made for official1@example.jp).
Results: bench/results/pages-http-<vendor>.json.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pages_bench import PAGES, RESULTS, database_url, load_average, report  # noqa: E402
from tests.cocreation.livestack import Daphne  # noqa: E402

TRIVIAL = "/bench-trivial/"
SECRET_KEY = "bench-only-secret-key-" + "y" * 40


def make_session(size: int) -> str:
    """(worker) A signed-in session of the demo official in this size's database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ.update(DJANGO_DEBUG="0", DJANGO_SECRET_KEY=SECRET_KEY)
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1")
    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from portal.accounts.models import User

    official = User.objects.get(email="official1@example.jp")
    session = SessionStore()
    session[SESSION_KEY] = str(official.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = official.get_session_auth_hash()
    session.save()
    return session.session_key


def _server_env(args, size: int) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url(args, size),
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=SECRET_KEY,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        PORTAL_BENCH_ROUTES="1",
        CACHE_KEY_PREFIX=f"pages-http-{size}",
        LOG_LEVEL="WARNING",
    )
    if args.no_redis:
        env.pop("REDIS_URL", None)
    return env


def _throughput(base: str, path: str, cookies: dict, *, concurrency: int, requests_each: int):
    """Requests per second of `concurrency` keep-alive clients sending `requests_each` each."""
    errors = []
    headers = {"X-Forwarded-Proto": "https"}  # as behind the production proxy
    requests.get(base + path, headers=headers, cookies=cookies, timeout=120)  # warm, untimed

    def client():
        with requests.Session() as http:
            http.headers.update(headers)
            http.cookies.update(cookies)
            for _ in range(requests_each):
                answer = http.get(base + path, timeout=60, allow_redirects=False)
                if answer.status_code != 200:
                    errors.append(f"{path} answered {answer.status_code}")
                    return

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if errors:
        raise SystemExit(errors[0])
    return concurrency * requests_each / elapsed


def run_round(args, servers: dict, sessions: dict) -> dict:
    results = {}
    for size, server in servers.items():
        pages = {}
        for name, (who, path) in PAGES.items():
            cookies = {"sessionid": sessions[size]} if who == "official" else {}
            options = {"concurrency": args.concurrency, "requests_each": args.requests}
            page = _throughput(server.http, path, cookies, **options)
            trivial = _throughput(server.http, TRIVIAL, cookies, **options)
            # As time per request (1000 ÷ req/s), so that pages_bench.report reads it: growth
            # is the ratio of times, "vs trivial" the page's throughput ÷ the trivial view's.
            pages[name] = {"page_ms": 1000 / page, "trivial_ms": 1000 / trivial}
        results[size] = {"load": load_average(), "pages": pages}
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs="?", default="all", choices=["all", "session"])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--size", type=int, help="(worker) the size whose database to use")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=40, help="per client, per page")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--sqlite", action="store_true")
    parser.add_argument("--no-redis", action="store_true")
    args = parser.parse_args()
    if args.command == "session":
        print(make_session(args.size))
        return 0
    sizes = sorted(int(size) for size in args.sizes.split(","))
    workdir = Path(tempfile.mkdtemp(prefix="pages-http-"))
    servers, sessions = {}, {}
    try:
        for size in sizes:
            env = _server_env(args, size)
            sessions[size] = subprocess.run(
                [sys.executable, __file__, "session", "--size", str(size)],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout.split()[-1]
            servers[size] = Daphne(env, workdir, f"pages-{size}")
            servers[size].spawn()
        for server in servers.values():
            server.wait_ready()
        rounds = []
        for number in range(1, args.rounds + 1):
            rounds.append(run_round(args, servers, sessions))
            loads = ", ".join(f"{s:,}: {r['load']}" for s, r in rounds[-1].items())
            print(f"round {number}/{args.rounds} done (load average {loads})", flush=True)
    finally:
        for server in servers.values():
            server.stop()
    summary = report(rounds, sizes)
    summary["rounds"] = rounds
    summary["concurrency"], summary["requests"] = args.concurrency, args.requests
    vendor = "sqlite" if args.sqlite else "postgresql"
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"pages-http-{vendor}.json").write_text(
        json.dumps(summary, ensure_ascii=False, indent=2)
    )
    print(f"written to bench/results/pages-http-{vendor}.json (server logs in {workdir})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
