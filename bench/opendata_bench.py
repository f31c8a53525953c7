"""Open-data API benchmark (not a test): latency of every list endpoint beside a trivial view.

Runs in-process through Django's full middleware stack (the test client, WSGI) against the
database named by DATABASE_URL, which should hold the demo data (`manage.py seed_demo`). The
trivial view is an unknown path under /api/v1/: the API's JSON 404, same middleware, no
database query. Rounds are interleaved (every endpoint once per round, in turn) so that load on
the shared machine affects all of them alike; the load average is printed before and after.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_opendata_bench \
        .venv/bin/python bench/opendata_bench.py --rounds 5 --repeat 20

Bounded: rounds × repeat × endpoints requests (default 5 × 20 × 8 = 800).
"""

import argparse
import logging
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402

TRIVIAL = "/api/v1/__trivial__/"
ENDPOINTS = [
    TRIVIAL,
    "/api/v1/municipalities/",
    "/api/v1/requests/",
    "/api/v1/case-studies/",
    "/api/v1/subsidies/",
    "/api/v1/events/",
    "/api/v1/startups/",
    "/api/v1/dashboard/",
]


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def timed(client, url) -> float:
    start = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - start) * 1000
    expected = 404 if url == TRIVIAL else 200
    assert response.status_code == expected, (url, response.status_code)
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    settings.OPENDATA_RATE_LIMIT = "1000000/min"  # measure the endpoints, not the limiter
    settings.ALLOWED_HOSTS = ["*"]
    logging.getLogger("django.request").setLevel(logging.ERROR)  # the trivial view's 404s
    client = Client()
    for url in ENDPOINTS:  # warm up (imports, caches, connection)
        timed(client, url)
    samples = {url: [] for url in ENDPOINTS}
    medians = {url: [] for url in ENDPOINTS}
    print(f"load average before: {load_average()}  (machine shared with other work)")
    for _round in range(args.rounds):
        for url in ENDPOINTS:
            times = [timed(client, url) for _ in range(args.repeat)]
            samples[url] += times
            medians[url].append(statistics.median(times))
    print(f"load average after:  {load_average()}")
    base = statistics.median(samples[TRIVIAL])
    print(f"{'endpoint':28} {'p50 ms':>8} {'p95 ms':>8} {'× trivial':>10} {'round p50 spread':>18}")
    for url, times in samples.items():
        ordered = sorted(times)
        p50 = statistics.median(ordered)
        p95 = ordered[int(len(ordered) * 0.95) - 1]
        spread = f"{min(medians[url]):.1f}–{max(medians[url]):.1f}"
        print(f"{url:28} {p50:8.1f} {p95:8.1f} {p50 / base:10.1f} {spread:>18}")


if __name__ == "__main__":
    main()
