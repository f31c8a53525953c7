"""Reads for peer municipalities (類似団体); the rules themselves are in `portal.community.peers`.

`peer_index()` loads every municipality's facts in three queries whatever the number of
municipalities or requests; the page selectors add a fixed number of queries on top.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils import timezone

from portal.community.models import Municipality, MunicipalityKind, RequestState, SupportRequest
from portal.community.models.support_requests import Visibility
from portal.community.peers import Facts, Peer, PeerIndex, score_pair
from portal.core.page_cache import remember_until_write

DESIGNATED_CITY = "designated_city"
ACTIVITY_DAYS = 90
ACTIVITY_LIMIT = 10
OPEN_REQUESTS_PER_PEER = 3


def _signal_requests():
    """Requests whose category and cases count as public signals (what a visitor could read)."""
    return SupportRequest.objects.published().not_hidden().filter(visibility=Visibility.PUBLIC)


def _categories_by_code() -> dict[str, set]:
    # order_by(): the model's default ordering would join the DISTINCT and return every row.
    rows = _signal_requests().order_by().values_list("municipality_id", "category").distinct()
    result: dict[str, set] = {}
    for code, category in rows:
        result.setdefault(code, set()).add(category)
    return result


def _cases_by_code() -> dict[str, set]:
    through = SupportRequest.linked_case_studies.through
    rows = (
        through.objects.filter(supportrequest__in=_signal_requests())
        .values_list("supportrequest__municipality_id", "casestudypage_id")
        .distinct()
    )
    result: dict[str, set] = {}
    for code, case_id in rows:
        result.setdefault(code, set()).add(case_id)
    return result


def municipality_facts() -> list[Facts]:
    """Every municipality as `Facts` (three queries)."""
    has_wards = Exists(Municipality.objects.filter(parent_id=OuterRef("code")))
    rows = Municipality.objects.annotate(has_wards=has_wards).values_list(
        "code", "kind", "prefecture_id", "prefecture__region", "population", "has_wards"
    )
    categories, cases = _categories_by_code(), _cases_by_code()
    return [
        Facts(
            code=code,
            kind=DESIGNATED_CITY if kind == MunicipalityKind.CITY and wards else kind,
            prefecture=prefecture,
            region=region,
            population=population,
            categories=frozenset(categories.get(code, ())),
            cases=frozenset(cases.get(code, ())),
        )
        for code, kind, prefecture, region, population, wards in rows
    ]


def peer_index() -> PeerIndex:
    """The index of every municipality's peers. Its facts read every public request, so the
    built index is kept until the next write (portal/core/page_cache.py): an official's
    dashboard then costs the same at 1k and at 100k requests."""
    return remember_until_write("peer-index", lambda: PeerIndex(municipality_facts()))


@dataclass
class PeerRow:
    """One peer as a page shows it."""

    municipality: Municipality
    peer: Peer
    open_requests: list

    @property
    def reason_labels(self):
        return self.peer.reason_labels


def _municipalities(codes) -> dict[str, Municipality]:
    rows = Municipality.objects.filter(code__in=codes).select_related("prefecture", "parent")
    return {m.code: m for m in rows}


def _open_requests_by_code(*, user, codes, category=None) -> dict[str, list]:
    queryset = (
        SupportRequest.objects.visible_to(user)
        .open()
        .filter(municipality_id__in=codes)
        .with_list_data()
        .order_by("-published_at", "-pk")
    )
    if category:
        queryset = queryset.filter(category=category)
    result: dict[str, list] = {}
    for support_request in queryset:
        result.setdefault(support_request.municipality_id, []).append(support_request)
    return result


def peers_of_municipality(*, municipality, user, index: PeerIndex | None = None) -> dict:
    """The 「類似団体」 section: up to 10 peers with reasons and their open requests.

    Five queries (three for the index, one for the peers' rows, one for their open requests).
    """
    result = (index or peer_index()).peers_of(municipality.code)
    rows_by_code = _municipalities(result.codes)
    open_by_code = _open_requests_by_code(user=user, codes=result.codes)
    rows = [
        PeerRow(rows_by_code[p.code], p, open_by_code.get(p.code, [])[:OPEN_REQUESTS_PER_PEER])
        for p in result.peers
    ]
    return {"peers": rows, "fallback": result.fallback, "peer_codes": list(result.codes)}


def _own_code(user) -> str | None:
    if user is None or not (user.is_authenticated and user.is_verified_official):
        return None
    return user.official_profile.municipality_id


def peer_open_requests_for_draft(*, user, category: str = "") -> list:
    """Open requests of the drafting official's peers (in `category` when given): join, not repost."""
    code = _own_code(user)
    if code is None:
        return []
    result = peer_index().peers_of(code)
    by_code = _open_requests_by_code(user=user, codes=result.codes, category=category or None)
    return [r for peer_code in result.codes for r in by_code.get(peer_code, [])]


def peer_activity(*, user, now=None) -> dict:
    """「類似団体の動き」 on an official's dashboard: peers' new and completed requests."""
    code = _own_code(user)
    if code is None:
        return {"peer_codes": [], "peers": [], "new_requests": [], "completed": []}
    codes = list(peer_index().peers_of(code).codes)
    since = (now or timezone.now()) - datetime.timedelta(days=ACTIVITY_DAYS)
    visible = SupportRequest.objects.visible_to(user).filter(municipality_id__in=codes)
    new_requests = (
        visible.published()
        .filter(published_at__gte=since)
        .with_list_data()
        .order_by("-published_at", "-pk")[:ACTIVITY_LIMIT]
    )
    completed = (
        visible.filter(state=RequestState.COMPLETED, completed_at__gte=since)
        .with_list_data()
        .order_by("-completed_at", "-pk")[:ACTIVITY_LIMIT]
    )
    rows = _municipalities(codes)
    return {
        "peer_codes": codes,
        "peers": [rows[c] for c in codes if c in rows],
        "new_requests": new_requests,
        "completed": completed,
    }


@dataclass
class RankedMunicipality:
    municipality: Municipality
    peer: Peer | None


def rank_by_similarity(*, target_code: str | None, codes, index: PeerIndex | None = None):
    """`codes` ordered by how close each is to `target_code` (peers first, with their reasons).

    For pages of higher apps (a case's adopters closest to the viewer's municipality). Four queries.
    """
    codes = list(dict.fromkeys(codes))
    if not codes:
        return []
    index = index or peer_index()
    target = index.by_code.get(target_code) if target_code else None
    rows = _municipalities(codes)
    ranked = []
    for code in codes:
        other = index.by_code.get(code)
        peer = score_pair(target, other) if target and other else None
        if code in rows:
            ranked.append(RankedMunicipality(rows[code], peer))
    ranked.sort(
        key=lambda r: (r.peer is None, -(r.peer.score if r.peer else 0), r.municipality.code)
    )
    return ranked


def peer_links(*, codes, index: PeerIndex | None = None) -> list[tuple[str, str, Peer]]:
    """Pairs among `codes` that are peers of each other (the edges of a case's peer network)."""
    index = index or peer_index()
    facts = [index.by_code[c] for c in dict.fromkeys(codes) if c in index.by_code]
    links = []
    for i, a in enumerate(facts):
        for b in facts[i + 1 :]:
            peer = score_pair(a, b, ratio_limit=index.ratio_limit)
            if peer is not None:
                links.append((a.code, b.code, peer))
    return links


def own_municipality_code(user) -> str | None:
    """The verified official's municipality code, for pages that rank by similarity to it."""
    return _own_code(user)
