"""Compute the peer municipalities (類似団体) of every local government in one pass.

`--code 202151` prints one municipality's peers with their reasons (to check a list by hand).
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from portal.community.models import Municipality
from portal.community.peers import PeerIndex
from portal.community.selectors.peers import municipality_facts


class Command(BaseCommand):
    help = "Compute every municipality's peers (or print one municipality's with --code)."

    def add_arguments(self, parser):
        parser.add_argument("--code", help="print this municipality's peers and reasons")

    def handle(self, *args, code=None, **options):
        started = time.perf_counter()
        index = PeerIndex(municipality_facts())
        loaded = time.perf_counter()
        if code:
            self._print_one(index, code)
            return
        results = index.all_peers()
        done = time.perf_counter()
        with_peers = sum(1 for r in results.values() if r.peers)
        fallback = sum(1 for r in results.values() if r.fallback)
        self.stdout.write(
            f"{len(results)} municipalities, {with_peers} with peers, {fallback} without a "
            f"population (kind and region only); load {loaded - started:.3f} s, "
            f"compute {done - loaded:.3f} s"
        )

    def _print_one(self, index: PeerIndex, code: str) -> None:
        if code not in index.by_code:
            raise CommandError(f"No municipality has the code {code}.")
        result = index.peers_of(code)
        names = {
            m.code: m.full_name
            for m in Municipality.objects.filter(code__in=[code, *result.codes]).select_related(
                "prefecture", "parent"
            )
        }
        with translation.override("ja"):
            self.stdout.write(f"{names[code]} ({code}){' — fallback' if result.fallback else ''}")
            for rank, peer in enumerate(result.peers, 1):
                reasons = "、".join(peer.reason_labels)
                self.stdout.write(
                    f"{rank:2}. {names[peer.code]} ({peer.code}) {peer.score:.2f}: {reasons}"
                )
