"""Peer municipalities benchmark (not a test): every local government's 類似団体 in one pass.

Loads the facts of all municipalities from the database named by DATABASE_URL (three queries),
gives every municipality without a figure a synthetic population (log-uniform per kind, fixed
seed, so the band search sees a full country) and synthetic request categories, then computes
every municipality's peers `--rounds` times. Prints the load time, each round's time, the median
and the load average beside them (the machine may be shared: read the figures with it).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_peers .venv/bin/python bench/peers_bench.py
"""

import argparse
import math
import os
import random
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from portal.community.peers import PeerIndex  # noqa: E402
from portal.community.selectors.peers import municipality_facts  # noqa: E402
from portal.core.categories import DXCategory  # noqa: E402

# Rough population ranges per kind (residents), for the synthetic figures only.
RANGES = {
    "prefecture": (540_000, 14_000_000),
    "designated_city": (680_000, 3_800_000),
    "city": (3_000, 600_000),
    "special_ward": (58_000, 940_000),
    "town": (800, 50_000),
    "village": (150, 40_000),
    "ward": (30_000, 850_000),
}


def synthetic(facts, *, seed=17, full=True):
    rng = random.Random(seed)
    categories = [c.value for c in DXCategory]
    result = []
    for fact in facts:
        low, high = RANGES[fact.kind]
        population = fact.population
        if population is None and full:
            population = round(10 ** rng.uniform(math.log10(low), math.log10(high)))
        asked = frozenset(rng.sample(categories, rng.randint(0, 3)))
        result.append(replace(fact, population=population, categories=fact.categories | asked))
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    started = time.perf_counter()
    facts = municipality_facts()
    loaded = time.perf_counter() - started
    print(f"load average before: {os.getloadavg()}")
    print(f"{len(facts)} municipalities loaded in {loaded:.3f} s (three queries)")
    for label, data in (("as stored", facts), ("every population filled", synthetic(facts))):
        times, cpu = [], []
        for _round in range(args.rounds):
            t0, c0 = time.perf_counter(), time.process_time()
            index = PeerIndex(data)
            results = index.all_peers()
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        peers = sum(len(r.peers) for r in results.values())
        print(
            f"{label}: {len(results)} municipalities, {peers} peers; rounds "
            f"{', '.join(f'{t:.2f}' for t in times)} s; median {statistics.median(times):.2f} s "
            f"(CPU time of this process: median {statistics.median(cpu):.2f} s)"
        )
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
