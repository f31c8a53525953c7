"""Where peers show: the municipality page, the official's dashboard, the request form and the
case page; each with the same number of queries at two data sizes."""

import pytest
from django.urls import reverse

from portal.community.models import Municipality, RequestState
from tests import factories
from tests.cms import factories as cms

pytestmark = pytest.mark.django_db

# 長野県の市: 塩尻市 and cities of similar size around it (codes from the master data).
SHIOJIRI = factories.SHIOJIRI
NAGANO_CITIES = [
    "202029", "202037", "202045", "202053", "202061", "202070", "202088", "202096",
    "202100", "202118", "202126", "202134", "202142", "202177", "202185", "202193",
]  # fmt: skip
FAR_CITY = "141003"  # 横浜市: never a peer of 塩尻市


def figures(code, population):
    Municipality.objects.filter(code=code).update(
        population=population, population_as_of="2024-01-01", population_source="テスト"
    )


def build(size: int, *, author_code=None):
    """`size` peers of 塩尻市, each with `size // 2 + 1` open requests and one adopted case."""
    figures(SHIOJIRI, 66_000)
    figures(FAR_CITY, 3_750_000)
    case = cms.case_study(municipalities=(author_code or NAGANO_CITIES[-1],))
    for i, code in enumerate(NAGANO_CITIES[:size]):
        figures(code, 60_000 + 1_000 * i)
        for n in range(size // 2 + 1):
            request = factories.support_request(
                municipality=factories.municipality(code), title=f"防災アプリ {code}-{n}",
                category="disaster",
            )  # fmt: skip
        request.linked_case_studies.add(case)
    factories.support_request(municipality=factories.municipality(FAR_CITY), title="横浜の要請")
    return case


def test_municipality_page_lists_peers_with_reasons_requests_and_cases(client):
    build(3)
    body = client.get(reverse("community:municipality_detail", args=[SHIOJIRI])).content.decode()
    assert "類似団体" in body
    assert "人口規模が近い" in body and "同じ都道府県" in body
    assert "防災アプリ 202029-0" in body
    assert "書かない窓口の導入" in body  # the case they adopted
    assert "横浜の要請" not in body


def test_page_says_when_it_fell_back_to_kind_and_region(client):
    body = client.get(reverse("community:municipality_detail", args=[SHIOJIRI])).content.decode()
    assert "人口の数値がない" in body


def test_profile_figures_and_source_are_shown(client):
    figures(SHIOJIRI, 66_000)
    body = client.get(reverse("community:municipality_detail", args=[SHIOJIRI])).content.decode()
    assert "66,000" in body and "テスト" in body and "2024-01-01" in body


def test_dashboard_shows_what_peers_are_doing(client):
    build(3)
    done = factories.support_request(
        municipality=factories.municipality(NAGANO_CITIES[0]), title="完了した共創"
    )
    type(done).objects.filter(pk=done.pk).update(
        state=RequestState.COMPLETED, completed_at=done.published_at
    )
    client.force_login(factories.official(SHIOJIRI))
    body = client.get(reverse("community:request_dashboard")).content.decode()
    assert "類似団体の動き" in body
    assert "防災アプリ 202029-0" in body and "完了した共創" in body
    assert "書かない窓口の導入" in body and "横浜の要請" not in body


def test_drafting_shows_peers_open_requests_in_the_category_with_a_join_link(client):
    build(3)
    factories.support_request(
        municipality=factories.municipality(NAGANO_CITIES[0]), title="別分野", category="education"
    )
    client.force_login(factories.official(SHIOJIRI))
    body = client.get(reverse("community:request_create"), {"category": "disaster"}).content
    body = body.decode()
    assert "防災アプリ 202029-0" in body
    assert "別分野" in body  # GET without a bound category lists every area
    response = client.post(reverse("community:request_create"), {"category": "disaster"})
    body = response.content.decode()
    assert "防災アプリ 202029-0" in body and "別分野" not in body
    peer_request = type(response.context["peer_requests"][0])
    first = peer_request.objects.get(title="防災アプリ 202029-0")
    assert reverse("community:request_join", args=[first.pk]) in body


def test_case_page_shows_adoptions_near_the_officials_municipality_and_the_network(client):
    case = build(3, author_code=FAR_CITY)
    client.force_login(factories.official(SHIOJIRI))
    body = client.get(case.url).content.decode()
    assert "あなたの自治体に近い導入例" in body
    closest = body.split("あなたの自治体に近い導入例")[1].split("</section>")[0]
    assert "長野県松本市" in closest and "人口規模が近い" in closest
    assert "神奈川県横浜市" not in closest  # the author, not a peer of 塩尻市
    assert 'role="img"' in body and "神奈川県横浜市" in body
    client.logout()
    body = client.get(case.url).content.decode()
    assert "あなたの自治体に近い導入例" not in body and 'role="img"' in body


# --- Fixed query counts -------------------------------------------------------------------

SIZES = [2, 12]


def _count(client, django_assert_num_queries, url, expected, params=None):
    client.get(url, params)  # warm Wagtail's site-root cache
    with django_assert_num_queries(expected):
        response = client.get(url, params)
    assert response.status_code == 200


# The peers' facts (three queries over all requests) are kept until the next write
# (portal/core/page_cache.remember_until_write), so the warm pages below read none of them.
MUNICIPALITY_QUERIES_VISITOR = 9


@pytest.mark.parametrize("size", SIZES)
def test_municipality_page_query_count(client, django_assert_num_queries, size):
    build(size)
    url = reverse("community:municipality_detail", args=[SHIOJIRI])
    _count(client, django_assert_num_queries, url, MUNICIPALITY_QUERIES_VISITOR)


DASHBOARD_QUERIES = 18  # + the stage tracker's waiting panel (two queries)


@pytest.mark.parametrize("size", SIZES)
def test_dashboard_query_count(client, django_assert_num_queries, size):
    build(size)
    client.force_login(factories.official(SHIOJIRI))
    _count(
        client, django_assert_num_queries, reverse("community:request_dashboard"), DASHBOARD_QUERIES
    )


REQUEST_FORM_QUERIES = 11


@pytest.mark.parametrize("size", SIZES)
def test_request_form_query_count(client, django_assert_num_queries, size):
    build(size)
    client.force_login(factories.official(SHIOJIRI))
    url = reverse("community:request_create")
    _count(client, django_assert_num_queries, url, REQUEST_FORM_QUERIES)


CASE_PAGE_QUERIES = 29  # + the case's standard patterns, the active locale and the language switch


@pytest.mark.parametrize("size", SIZES)
def test_case_page_query_count(client, django_assert_num_queries, size):
    case = build(size, author_code=FAR_CITY)
    client.force_login(factories.official(SHIOJIRI))
    _count(client, django_assert_num_queries, case.url, CASE_PAGE_QUERIES)


def test_the_kept_peer_index_follows_a_published_request():
    """The kept index is built again after a write: a category a town starts asking about
    counts for its peers on the next page."""
    from portal.community.selectors.peers import peer_index

    assert "security" not in peer_index().by_code[SHIOJIRI].categories
    factories.support_request(
        author=factories.official(SHIOJIRI), category="security", title="庁内ネットワークの強靱化"
    )
    assert "security" in peer_index().by_code[SHIOJIRI].categories
