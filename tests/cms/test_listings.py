"""Listings keep a fixed number of queries whatever their size, and filter by every field."""

import pytest

from tests import factories as base_factories
from tests.cms import factories

pytestmark = pytest.mark.django_db

# Queries per request, measured once and pinned (site lookup, page route, session/user, the
# listing's rows and one query per prefetched relation or filter choice list; the active locale
# and the page's translations for the language switcher).
EXPECTED_QUERIES = {
    "/ja/": 17,  # includes the latest open support requests
    "/ja/cases/": 19,
    "/ja/cases/?category=online_procedures&tag=LPWA&prefecture=10": 19,
    "/ja/events/": 13,
    "/ja/subsidies/": 12,
    "/ja/subsidies/?status=closing_soon": 12,
    "/ja/news/": 12,
    "/ja/reports/": 12,
    # The keyword box of every index: the analysed search runs inside the listing's query.
    "/ja/cases/?q=窓口": 19,
    "/ja/cases/?q=窓口&category=online_procedures": 19,
    "/ja/events/?q=サミット": 13,
    "/ja/subsidies/?q=デジタル": 12,
    "/ja/news/?q=お知らせ": 12,
    "/ja/reports/?q=報告書": 12,
}


def _populate(size: int):
    subsidy = factories.subsidy(closes_in=3)
    for _ in range(size):
        base_factories.support_request(indexed=False)
    for i in range(size):
        factories.case_study(
            tags=["LPWA", f"tag-{i}"],
            municipalities=("102016", "202151"),
            featured=True,
            subsidy_used=subsidy,
        )
        factories.event(days=i + 1)
        factories.event(days=-(i + 1))
        factories.news()
        factories.subsidy(closes_in=i + 2)
        factories.report()


@pytest.mark.parametrize("size", [2, 15])
def test_listing_query_count_does_not_grow(client, django_assert_num_queries, size, no_page_cache):
    _populate(size)
    for url, expected in EXPECTED_QUERIES.items():
        client.get(url)  # warm the per-process caches (content types, site root paths)
        with django_assert_num_queries(expected):
            response = client.get(url)
        assert response.status_code == 200, url


def test_case_index_paginates(client):
    for _ in range(14):
        factories.case_study()
    index = factories.case_index()
    first = client.get(index.url)
    assert len(first.context["results"]) == 12
    second = client.get(index.url + "?page=2")
    assert len(second.context["results"]) == 2
    beyond = client.get(index.url + "?page=99")
    assert beyond.status_code == 200
    assert beyond.context["results"].number == 2


@pytest.fixture
def cases():
    startup = base_factories.StartupFactory(slug="agrisense", name="アグリセンス合同会社")
    subsidy = factories.subsidy(slug="agri-subsidy")
    agri = factories.case_study(
        slug="agri",
        title="LPWA水位センサーで水田の見回りを半減",
        category="smart_agriculture",
        tags=["LPWA"],
        crop_or_industry="水稲",
        municipality_kind="city",
        size_band="300k_plus",
        cost_band="1m_5m",
        contract_route="negotiated",
        subsidy_used=subsidy,
        municipalities=("151009",),
        lessons="電池交換の時期をそろえる",
        partners=[startup],
    )
    factories.case_study(
        slug="online",
        category="online_procedures",
        tags=["電子申請"],
        municipality_kind="village",
        size_band="under_10k",
        cost_band="under_1m",
        contract_route="proposal",
        municipalities=("016390",),
    )
    return agri


@pytest.mark.parametrize(
    "query",
    [
        "category=smart_agriculture",
        "tag=LPWA",
        "crop=水稲",
        "prefecture=15",
        "municipality=151009",
        "kind=city",
        "size=300k_plus",
        "cost=1m_5m",
        "route=negotiated",
        "partner=agrisense",
        "q=電池交換",
        "q=水田 LPWA",
    ],
)
def test_case_index_filters_by_each_field(client, cases, query):
    subsidy_query = f"subsidy={cases.subsidy_used_id}"
    for candidate in (query, subsidy_query):
        response = client.get(factories.case_index().url, dict([candidate.split("=")]))
        assert [page.slug for page in response.context["results"]] == ["agri"], candidate


def test_unknown_filter_values_are_ignored_with_a_message(client, cases):
    response = client.get(factories.case_index().url, {"category": "nonsense", "kind": "city"})
    assert response.status_code == 200
    assert [page.slug for page in response.context["results"]] == ["agri"]
    assert "category" in response.context["filter"].form.errors


def test_case_study_page_links_municipalities_partners_and_subsidy(client, cases):
    html = client.get(cases.url).content.decode()
    assert "/ja/municipalities/151009/" in html
    assert "/ja/startups/agrisense/" in html
    assert cases.subsidy_used.url in html


def test_unpublished_case_studies_are_not_listed(client, cases):
    cases.unpublish()
    response = client.get(factories.case_index().url)
    assert [page.slug for page in response.context["results"]] == ["online"]
    assert client.get(cases.url).status_code == 404


def test_home_shows_the_latest_open_requests_the_visitor_may_read(client, client_for):
    public = base_factories.support_request(title="窓口の待ち時間を減らしたい")
    members_only = base_factories.support_request(
        title="庁内ネットワークの更改", visibility="members"
    )
    base_factories.support_request(title="下書きの要請", state="draft")
    html = client.get("/ja/").content.decode()
    assert public.title in html and public.get_absolute_url() in html
    assert members_only.title not in html
    assert "下書きの要請" not in html
    official_html = client_for(base_factories.official(base_factories.SHIOJIRI)).get("/ja/")
    assert members_only.title in official_html.content.decode()
