"""Peer municipalities (類似団体): a deterministic, explained similarity.

Pure functions over `Facts` (one small record per municipality, loaded in a fixed number of
queries by `portal.community.selectors.peers`), so the rules can be tested on a hand-built
fixture and every local government's peers are computed in one pass.

The rules, in order of weight:

* **comparable kind**: prefectures are compared with prefectures, wards of designated cities with
  wards; cities, designated cities, towns, villages and special wards with each other. The same
  kind scores (「同じ種別」).
* **population band**: with both populations known, a candidate is a peer only if the larger
  population is at most `POPULATION_RATIO` times the smaller (「人口規模が近い」); closer scores more.
* **place**: the same prefecture (「同じ都道府県」) scores more than only the same region (「同じ地方」).
* **the portal's own signals**: DX categories both have public requests in (「同じ分野の要請あり」)
  and advanced cases both adopted (「同じ事例を導入」).

Without a population (the target's or the candidate's) the band cannot be checked: such a pair is
considered only when it has the same kind and the same region, and the result says it fell back.
Ties are broken by how close the populations are, then by code, so the order never varies.
"""

import bisect
import heapq
import math
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from portal.core.categories import DXCategory

POPULATION_RATIO = 2.0
PEER_LIMIT = 10
MAX_SHARED_CATEGORIES = 3

# Kinds compared with each other (a kind missing here is compared with its own kind only).
LOCAL_KINDS = frozenset({"designated_city", "city", "town", "village", "special_ward"})

SAME_KIND = "same_kind"
POPULATION = "population"
PREFECTURE = "prefecture"
REGION = "region"
CATEGORIES = "categories"
CASES = "cases"
NO_POPULATION = "no_population"

REASON_LABELS = {
    SAME_KIND: _("Same kind of local government"),
    POPULATION: _("Similar population"),
    PREFECTURE: _("Same prefecture"),
    REGION: _("Same region"),
    CATEGORIES: _("Requests in the same areas"),
    CASES: _("Adopted the same advanced case"),
    NO_POPULATION: _("No population figure: chosen by kind and region"),
}
WEIGHTS = {SAME_KIND: 2.0, POPULATION: 3.0, PREFECTURE: 2.0, REGION: 1.0, CASES: 2.0}
CATEGORY_WEIGHT = 1.0


@dataclass(frozen=True)
class Facts:
    """What the similarity knows of one municipality."""

    code: str
    kind: str  # a MunicipalityKind value, or "designated_city" for a city with wards
    prefecture: str
    region: str
    population: int | None = None
    categories: frozenset = frozenset()
    cases: frozenset = frozenset()
    kind_group: str = field(default="", compare=False)

    def __post_init__(self):
        # Kept as a field, not a property: it is read for every pair in the whole-country pass.
        object.__setattr__(self, "kind_group", "local" if self.kind in LOCAL_KINDS else self.kind)


@dataclass(frozen=True)
class Peer:
    code: str
    score: float
    reasons: tuple[str, ...]
    shared_categories: tuple[str, ...] = ()
    ratio: float | None = None

    @property
    def reason_labels(self) -> list[str]:
        """The reasons as a person reads them; shared categories are named."""
        return [self._label(reason) for reason in self.reasons]

    def _label(self, reason: str) -> str:
        if reason != CATEGORIES:
            return str(REASON_LABELS[reason])
        names = "・".join(str(DXCategory(c).label) for c in self.shared_categories)
        return f"{REASON_LABELS[CATEGORIES]}（{names}）"


@dataclass(frozen=True)
class PeerResult:
    code: str
    peers: tuple[Peer, ...]
    # True when the target has no population: peers were chosen by kind and region only.
    fallback: bool = False
    codes: tuple[str, ...] = field(default=())


def population_ratio(a: int | None, b: int | None) -> float | None:
    """The larger population divided by the smaller (≥ 1), or None when one is unknown."""
    if not a or not b:
        return None
    return max(a, b) / min(a, b)


def _eligible_ratio(target: Facts, other: Facts, ratio_limit: float):
    """(is a peer, population ratio or None): the gate every candidate passes first."""
    if other.code == target.code or other.kind_group != target.kind_group:
        return False, None
    ratio = population_ratio(target.population, other.population)
    if ratio is None:
        return other.kind == target.kind and other.region == target.region, None
    return ratio <= ratio_limit, ratio


def _closeness(a: int, b: int, log_limit: float) -> float:
    """1 (same population) … 2 … down to 1 at the band's edge: 2 - |ln a - ln b| / ln limit."""
    return 2.0 - abs(math.log(a) - math.log(b)) / log_limit


def _score(target: Facts, other: Facts, ratio, log_limit: float) -> float:
    """The same score as `_reasons` without building the reasons."""
    score = WEIGHTS[SAME_KIND] if other.kind == target.kind else 0.0
    if ratio is not None:
        score += WEIGHTS[POPULATION] * _closeness(target.population, other.population, log_limit)
    if other.prefecture == target.prefecture:
        score += WEIGHTS[PREFECTURE]
    elif other.region == target.region:
        score += WEIGHTS[REGION]
    if target.categories and other.categories:
        shared = len(target.categories & other.categories)
        score += CATEGORY_WEIGHT * min(shared, MAX_SHARED_CATEGORIES)
    if target.cases and other.cases and target.cases & other.cases:
        score += WEIGHTS[CASES]
    return round(score, 6)


def _reasons(target: Facts, other: Facts, ratio, ratio_limit) -> tuple[float, list, tuple]:
    reasons, score = [], 0.0
    if other.kind == target.kind:
        reasons.append(SAME_KIND)
        score += WEIGHTS[SAME_KIND]
    if ratio is not None:
        reasons.append(POPULATION)
        closeness = _closeness(target.population, other.population, math.log(ratio_limit))
        score += WEIGHTS[POPULATION] * closeness
    if other.prefecture == target.prefecture:
        reasons.append(PREFECTURE)
        score += WEIGHTS[PREFECTURE]
    elif other.region == target.region:
        reasons.append(REGION)
        score += WEIGHTS[REGION]
    shared = tuple(sorted(target.categories & other.categories)) if target.categories else ()
    if shared:
        reasons.append(CATEGORIES)
        score += CATEGORY_WEIGHT * min(len(shared), MAX_SHARED_CATEGORIES)
    if target.cases and target.cases & other.cases:
        reasons.append(CASES)
        score += WEIGHTS[CASES]
    if ratio is None:
        reasons.append(NO_POPULATION)
    return round(score, 6), reasons, shared


def score_pair(target: Facts, other: Facts, *, ratio_limit=POPULATION_RATIO) -> Peer | None:
    """`other` as a peer of `target` with its score and reasons, or None when it is no peer."""
    eligible, ratio = _eligible_ratio(target, other, ratio_limit)
    if not eligible:
        return None
    score, reasons, shared = _reasons(target, other, ratio, ratio_limit)
    return Peer(other.code, score, tuple(reasons), shared, ratio)


def _sort_key(peer: Peer):
    return (-peer.score, peer.ratio if peer.ratio is not None else math.inf, peer.code)


class PeerIndex:
    """All municipalities' facts, arranged so one target's candidates are found without a scan.

    Candidates with a population come from a slice of the population-sorted list (the band);
    those without one from the (kind, region) bucket. Build once, ask for many targets.
    """

    def __init__(self, facts, *, ratio_limit=POPULATION_RATIO, limit=PEER_LIMIT):
        self.ratio_limit = ratio_limit
        self.limit = limit
        self.by_code = {f.code: f for f in facts}
        ordered = sorted((f.population, f.code) for f in self.by_code.values() if f.population)
        self._populations = [population for population, _code in ordered]
        # Columns in population order, for the band loop (see `_in_band`).
        self._facts = [self.by_code[code] for _p, code in ordered]
        self._logs = [math.log(population) for population in self._populations]
        bits: dict[str, int] = {}
        self._masks = {
            f.code: sum(1 << bits.setdefault(c, len(bits)) for c in f.categories)
            for f in self.by_code.values()
        }
        self._buckets: dict[tuple, list[Facts]] = {}
        self._unknown: dict[tuple, list[Facts]] = {}
        for f in sorted(self.by_code.values(), key=lambda f: f.code):
            self._buckets.setdefault((f.kind, f.region), []).append(f)
            if not f.population:
                self._unknown.setdefault((f.kind, f.region), []).append(f)

    def _in_band(self, target: Facts, log_limit: float) -> list[tuple]:
        """(-score, |ln ratio|, code) of the candidates with a population in the band.

        `_eligible_ratio` and `_score` written out over columns: this loop runs for every pair
        of the whole-country pass. The slice is the band, so the ratio needs no check here.
        """
        low = bisect.bisect_left(self._populations, target.population / self.ratio_limit)
        high = bisect.bisect_right(self._populations, target.population * self.ratio_limit)
        own_log, masks, facts, logs = (
            math.log(target.population),
            self._masks,
            self._facts,
            self._logs,
        )
        group, kind, prefecture, region = (
            target.kind_group,
            target.kind,
            target.prefecture,
            target.region,
        )
        mask, cases = masks[target.code], target.cases
        same_kind, population, same_prefecture, same_region = (
            WEIGHTS[SAME_KIND],
            WEIGHTS[POPULATION],
            WEIGHTS[PREFECTURE],
            WEIGHTS[REGION],
        )
        ranked = []
        for i in range(low, high):
            other = facts[i]
            if other.kind_group != group or other.code == target.code:
                continue
            distance = abs(own_log - logs[i])
            score = population * (2.0 - distance / log_limit)
            if other.kind == kind:
                score += same_kind
            if other.prefecture == prefecture:
                score += same_prefecture
            elif other.region == region:
                score += same_region
            if mask and (shared := mask & masks[other.code]):
                score += CATEGORY_WEIGHT * min(shared.bit_count(), MAX_SHARED_CATEGORIES)
            if cases and other.cases and cases & other.cases:
                score += WEIGHTS[CASES]
            ranked.append((-round(score, 6), distance, other.code))
        return ranked

    def _ranked(self, target: Facts) -> list[tuple]:
        """(-score, distance, code) of every eligible candidate of `target`."""
        log_limit = math.log(self.ratio_limit)
        same_place = (target.kind, target.region)
        if target.population:
            ranked = self._in_band(target, log_limit)
            others = self._unknown.get(same_place, ())
        else:
            ranked, others = [], self._buckets.get(same_place, ())
        # Same kind and region: eligible without a population (the score written out, as above).
        mask, masks, base = self._masks[target.code], self._masks, WEIGHTS[SAME_KIND]
        for other in others:
            if other.code == target.code:
                continue
            score = base + (
                WEIGHTS[PREFECTURE] if other.prefecture == target.prefecture else WEIGHTS[REGION]
            )
            if mask and (shared := mask & masks[other.code]):
                score += CATEGORY_WEIGHT * min(shared.bit_count(), MAX_SHARED_CATEGORIES)
            if target.cases and other.cases and target.cases & other.cases:
                score += WEIGHTS[CASES]
            ranked.append((-round(score, 6), math.inf, other.code))
        return ranked

    def peers_of(self, code: str) -> PeerResult:
        target = self.by_code.get(code)
        if target is None:
            return PeerResult(code, ())
        # Rank on plain tuples; build `Peer` objects (with reasons) only for the winners.
        best = heapq.nsmallest(self.limit, self._ranked(target))
        peers = tuple(
            score_pair(target, self.by_code[c], ratio_limit=self.ratio_limit) for _s, _r, c in best
        )
        return PeerResult(
            code, peers, fallback=not target.population, codes=tuple(p.code for p in peers)
        )

    def all_peers(self) -> dict[str, PeerResult]:
        return {code: self.peers_of(code) for code in sorted(self.by_code)}
