"""The similarity rules (portal.community.peers) on a hand-built fixture: no database."""

import pytest

from portal.community import peers
from portal.community.peers import Facts, PeerIndex, score_pair

# A small country: two regions, three prefectures.
TOWN = Facts("100001", "city", "10", "kanto", 50_000)
FIXTURE = [
    TOWN,
    Facts("100002", "city", "10", "kanto", 55_000),  # same kind, pop, prefecture
    Facts("100003", "city", "11", "kanto", 60_000),  # same kind, pop, region only
    Facts("100004", "city", "20", "kinki", 52_000),  # same kind and pop, far away
    Facts("100005", "town", "10", "kanto", 48_000),  # another kind, same pop and prefecture
    Facts("100006", "city", "10", "kanto", 150_000),  # outside the band (ratio 3)
    Facts("100007", "city", "10", "kanto", None),  # no population, same kind and region
    Facts("100008", "city", "20", "kinki", None),  # no population, other region: never
    Facts("100009", "prefecture", "10", "kanto", 50_000),  # a prefecture: never a city's peer
    Facts("100010", "ward", "10", "kanto", 50_000),  # a ward: never a city's peer
]


def test_ranking_prefers_same_kind_close_population_and_the_same_prefecture():
    result = PeerIndex(FIXTURE).peers_of(TOWN.code)
    # A known close population outweighs the place; a candidate without one comes last.
    assert result.codes == ("100002", "100003", "100004", "100005", "100007")
    assert result.fallback is False


def test_each_peer_says_why():
    by_code = {p.code: p for p in PeerIndex(FIXTURE).peers_of(TOWN.code).peers}
    assert by_code["100002"].reasons == (peers.SAME_KIND, peers.POPULATION, peers.PREFECTURE)
    assert by_code["100003"].reasons == (peers.SAME_KIND, peers.POPULATION, peers.REGION)
    assert by_code["100004"].reasons == (peers.SAME_KIND, peers.POPULATION)
    assert by_code["100005"].reasons == (peers.POPULATION, peers.PREFECTURE)
    assert by_code["100007"].reasons == (peers.SAME_KIND, peers.PREFECTURE, peers.NO_POPULATION)


def test_population_band_is_a_ratio_and_excludes_what_lies_outside():
    assert score_pair(TOWN, FIXTURE[5]) is None  # 150,000 / 50,000 = 3 > 2
    inside = Facts("100011", "city", "10", "kanto", 100_000)  # exactly twice
    assert score_pair(TOWN, inside) is not None
    assert score_pair(TOWN, inside, ratio_limit=1.5) is None


def test_kinds_that_are_not_comparable_are_never_peers():
    codes = PeerIndex(FIXTURE).peers_of(TOWN.code).codes
    assert "100009" not in codes and "100010" not in codes
    prefecture = PeerIndex(FIXTURE).peers_of("100009")
    assert prefecture.codes == ()


def test_closer_population_ranks_first_when_everything_else_is_equal():
    near = Facts("200001", "city", "10", "kanto", 51_000)
    far = Facts("200002", "city", "10", "kanto", 90_000)
    result = PeerIndex([TOWN, far, near]).peers_of(TOWN.code)
    assert result.codes == (near.code, far.code)


def test_without_population_it_falls_back_to_kind_and_region_and_says_so():
    target = Facts("300001", "village", "10", "kanto", None)
    same = Facts("300002", "village", "11", "kanto", 3_000)
    same_prefecture = Facts("300003", "village", "10", "kanto", None)
    other_kind = Facts("300004", "town", "10", "kanto", 3_000)
    other_region = Facts("300005", "village", "20", "kinki", 3_000)
    result = PeerIndex([target, same, same_prefecture, other_kind, other_region]).peers_of(
        target.code
    )
    assert result.fallback is True
    assert result.codes == (same_prefecture.code, same.code)
    assert all(peers.NO_POPULATION in p.reasons for p in result.peers)


def test_shared_request_categories_and_adopted_cases_raise_a_peer_and_are_named():
    target = Facts("400001", "city", "10", "kanto", 50_000, frozenset({"disaster", "education"}))
    plain = Facts("400002", "city", "10", "kanto", 50_500)
    sharing = Facts(
        "400003", "city", "11", "kanto", 58_000, frozenset({"disaster"}), frozenset({7})
    )
    target = Facts(**{**target.__dict__, "cases": frozenset({7})})
    result = PeerIndex([target, plain, sharing]).peers_of(target.code)
    assert result.codes[0] == sharing.code
    best = result.peers[0]
    assert peers.CATEGORIES in best.reasons and peers.CASES in best.reasons
    assert best.shared_categories == ("disaster",)


def test_at_most_ten_peers_in_a_stable_order():
    many = [TOWN] + [Facts(f"5{i:05d}", "city", "10", "kanto", 50_000) for i in range(15)]
    first = PeerIndex(many).peers_of(TOWN.code)
    again = PeerIndex(list(reversed(many))).peers_of(TOWN.code)
    assert len(first.peers) == peers.PEER_LIMIT
    assert first.codes == again.codes == tuple(f"5{i:05d}" for i in range(10))


@pytest.mark.parametrize("code", [f.code for f in FIXTURE])
def test_the_index_agrees_with_scoring_every_pair(code):
    """The band/bucket shortcut finds exactly what a scan of every pair would."""
    index = PeerIndex(FIXTURE)
    target = index.by_code[code]
    scanned = [p for other in FIXTURE if (p := score_pair(target, other))]
    scanned.sort(key=lambda p: (-p.score, p.ratio or float("inf"), p.code))
    assert index.peers_of(code).peers == tuple(scanned[: peers.PEER_LIMIT])


def test_reasons_are_translated_labels():
    peer = PeerIndex(FIXTURE).peers_of(TOWN.code).peers[0]
    from django.utils import translation

    with translation.override("ja"):
        assert peer.reason_labels == ["同じ種別", "人口規模が近い", "同じ都道府県"]
