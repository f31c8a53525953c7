"""Advanced cases in the peer views (類似団体): which municipalities adopted which case.

The similarity is `portal.community`'s; this module adds what only the CMS knows (its pages),
for the case page's peer network and for the community pages' template tags.
"""

import math
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery

from portal.cms.locales import for_reading, originals
from portal.cms.models import CaseStudyPage
from portal.community.models import SupportRequest
from portal.community.models.support_requests import Visibility
from portal.community.selectors.peers import (
    own_municipality_code,
    peer_index,
    peer_links,
    rank_by_similarity,
)

NETWORK_SIZE = 240
NETWORK_MAX_NODES = 24


def _adoption_rows():
    """(municipality code, case id) of public, published requests that adopted a case."""
    return SupportRequest.linked_case_studies.through.objects.filter(
        supportrequest__published_at__isnull=False,
        supportrequest__hidden_at__isnull=True,
        supportrequest__visibility=Visibility.PUBLIC,
    ).values_list("supportrequest__municipality_id", "casestudypage_id")


def adopted_cases_by_code(codes) -> dict[str, list]:
    """Live public cases adopted by each of `codes`, in the reader's language (requests link the
    Japanese originals; two queries, plus Wagtail's site lookup)."""
    rows = list(_adoption_rows().filter(supportrequest__municipality_id__in=list(codes)).distinct())
    adopted = CaseStudyPage.objects.filter(pk__in={c for _m, c in rows})
    readable = for_reading(CaseStudyPage.objects.live().public()).filter(
        translation_key__in=adopted.values("translation_key")
    )
    original_pk = originals(
        CaseStudyPage.objects.filter(translation_key=OuterRef("translation_key"))
    )
    pages = {
        page.original_pk: page
        for page in readable.annotate(original_pk=Subquery(original_pk.values("pk")[:1]))
    }
    result: dict[str, list] = {}
    for code, case_id in sorted(rows):
        if case_id in pages and pages[case_id] not in result.get(code, []):
            result.setdefault(code, []).append(pages[case_id])
    return result


def adopter_codes(case: CaseStudyPage) -> list[str]:
    """Municipalities whose requests adopted `case` (any language's copy: requests link the
    original)."""
    rows = _adoption_rows().filter(casestudypage__translation_key=case.translation_key).distinct()
    return sorted({code for code, _case in rows})


@dataclass
class NetworkNode:
    municipality: object
    role: str  # "author" or "adopter"
    x: float
    y: float

    @property
    def label_y(self) -> float:
        return round(self.y - 10, 1)


def _layout(rows: list, authors: set) -> list[NetworkNode]:
    """Authors in the centre, adopters on a circle around them (deterministic)."""
    centre = NETWORK_SIZE / 2
    outer = [r for r in rows if r.municipality.code not in authors]
    nodes = []
    for i, row in enumerate(r for r in rows if r.municipality.code in authors):
        nodes.append(NetworkNode(row.municipality, "author", centre + 18 * i, centre + 14 * i))
    for i, row in enumerate(outer):
        angle = 2 * math.pi * i / max(len(outer), 1) - math.pi / 2
        x, y = centre + 90 * math.cos(angle), centre + 90 * math.sin(angle)
        nodes.append(NetworkNode(row.municipality, "adopter", round(x, 1), round(y, 1)))
    return nodes


def case_peer_panel(*, case: CaseStudyPage, user) -> dict:
    """The case page's peer views: the network of author and adopters, and for an official the
    adopters closest to their own municipality (fixed number of queries)."""
    authors = {link.municipality_id for link in case.case_municipalities.all()}
    adopters = [code for code in adopter_codes(case) if code not in authors]
    index = peer_index()
    own = own_municipality_code(user)
    everyone = rank_by_similarity(
        target_code=None, codes=[*sorted(authors), *adopters], index=index
    )[:NETWORK_MAX_NODES]
    nodes = _layout(everyone, authors)
    positions = {n.municipality.code: n for n in nodes}
    links = [
        (positions[a], positions[b], peer)
        for a, b, peer in peer_links(codes=list(positions), index=index)
    ]
    adoption_edges = [
        (positions[a], positions[b])
        for a in authors
        if a in positions
        for b in adopters
        if b in positions
    ]
    closest = rank_by_similarity(target_code=own, codes=adopters, index=index) if own else []
    return {
        "nodes": nodes,
        "peer_links": links,
        "adoption_edges": adoption_edges,
        "closest": [
            row for row in closest if row.peer is not None and row.municipality.code != own
        ],
        "is_official": own is not None,
        "size": NETWORK_SIZE,
    }
