"""The request list: filters, sorting, Japanese search, pagination, query counts, Atom feed."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from tests import factories
from tests.factories import support_request

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def titles(response):
    return [item.title for item in response.context["page"].object_list]


@pytest.fixture
def catalogue(official, other_official):
    today = timezone.localdate()
    shiojiri = other_official.official_profile.municipality
    return {
        "bousai": support_request(
            author=official,
            title="地域防災計画のデジタル化",
            category="disaster",
            budget_range="10m_30m",
            proposal_deadline=today + datetime.timedelta(days=5),
        ),
        "nougyou": support_request(
            municipality=shiojiri,
            title="スマート農業の実証",
            summary="水田の水位をセンサーで見える化する。",
            category="smart_agriculture",
            proposal_deadline=today + datetime.timedelta(days=20),
            municipality_count=3,
        ),
        "kanko": support_request(
            municipality=factories.municipality(factories.YOKOHAMA),
            title="観光案内の多言語化",
            body="防災情報も多言語で届けたい。",
            category="tourism",
            proposal_deadline=today + datetime.timedelta(days=60),
            municipality_count=2,
        ),
        "closed": support_request(
            author=official,
            title="電子契約の導入",
            state="completed",
            proposal_deadline=today - datetime.timedelta(days=30),
        ),
        "withdrawn": support_request(author=official, title="取り下げた要請", state="withdrawn"),
    }


def test_default_list_hides_withdrawn_and_drafts(client, catalogue, official):
    support_request(author=official, title="下書き", state="draft")
    shown = titles(client.get("/ja/requests/"))
    assert "取り下げた要請" not in shown and "下書き" not in shown
    assert len(shown) == 4


def test_two_character_query_finds_every_request_containing_it(client, catalogue):
    response = client.get("/ja/requests/", {"q": "防災"})
    assert set(titles(response)) == {"地域防災計画のデジタル化", "観光案内の多言語化"}
    assert set(titles(client.get("/ja/requests/", {"q": "農業"}))) == {"スマート農業の実証"}


def test_three_character_query_and_highlighting(client, catalogue):
    response = client.get("/ja/requests/", {"q": "多言語"})
    assert titles(response) == ["観光案内の多言語化"]
    assert "観光案内の<mark>多言語</mark>化" in response.content.decode()


def test_search_ranks_title_matches_first(client, catalogue):
    assert titles(client.get("/ja/requests/", {"q": "防災"}))[0] == "地域防災計画のデジタル化"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"category": "tourism"}, {"観光案内の多言語化"}),
        ({"prefecture": "20"}, {"スマート農業の実証"}),
        ({"region": "kanto"}, {"地域防災計画のデジタル化", "観光案内の多言語化", "電子契約の導入"}),
        ({"state": "completed"}, {"電子契約の導入"}),
        ({"state": "withdrawn"}, {"取り下げた要請"}),
        ({"budget_range": "10m_30m"}, {"地域防災計画のデジタル化"}),
        ({"deadline": "week"}, {"地域防災計画のデジタル化"}),
        ({"deadline": "month"}, {"地域防災計画のデジタル化", "スマート農業の実証"}),
        ({"deadline": "passed"}, {"電子契約の導入"}),
        ({"joint": "yes"}, {"スマート農業の実証", "観光案内の多言語化"}),
        ({"joint": "no"}, {"地域防災計画のデジタル化", "電子契約の導入"}),
        ({"q": "防災", "category": "tourism"}, {"観光案内の多言語化"}),
    ],
)
def test_filters(client, catalogue, params, expected):
    assert set(titles(client.get("/ja/requests/", params))) == expected


@pytest.mark.parametrize(
    ("sort", "first"),
    [
        ("deadline", "電子契約の導入"),
        ("municipalities", "スマート農業の実証"),
        ("newest", "電子契約の導入"),
    ],
)
def test_sorting(client, catalogue, sort, first):
    assert titles(client.get("/ja/requests/", {"sort": sort}))[0] == first


def test_invalid_filters_are_ignored_not_an_error(client, catalogue):
    response = client.get("/ja/requests/", {"category": "<script>", "page": "x", "sort": "?"})
    assert response.status_code == 200
    assert len(titles(response)) == 4


def test_pagination_keeps_the_filters(client, official):
    for number in range(23):
        support_request(author=official, title=f"防災アプリ {number}")
    response = client.get("/ja/requests/", {"q": "防災", "page": 2})
    assert len(titles(response)) == 3
    assert "q=%E9%98%B2%E7%81%BD&amp;page=1" in response.content.decode()


def test_empty_search_explains_what_to_try(client, catalogue):
    response = client.get("/ja/requests/", {"q": "宇宙開発"})
    assert titles(response) == []
    assert 'class="empty"' in response.content.decode()


def _list_queries(client, django_assert_num_queries, count, official, params):
    for number in range(count):
        support_request(
            author=official, title=f"窓口改善 {number}", tags=["電子申請", f"タグ{number}"]
        )
    with django_assert_num_queries(QUERIES) as captured:
        response = client.get("/ja/requests/", params)
    assert response.status_code == 200
    return captured


# session-less visitor: prefectures for the filter form, count, page of rows, their tags
QUERIES = 4


@pytest.mark.parametrize("count", [5, 50])
@pytest.mark.parametrize("params", [{}, {"q": "窓口"}, {"q": "窓口", "sort": "deadline"}])
def test_list_query_count_is_the_same_for_5_and_50_requests(
    client, django_assert_num_queries, official, count, params
):
    _list_queries(client, django_assert_num_queries, count, official, params)


def test_feed_lists_open_public_requests_and_honours_filters(client, catalogue, official):
    support_request(author=official, title="会員限定の要請", visibility="members")
    root = ET.fromstring(client.get("/ja/requests/feed/").content)
    entries = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    assert len(entries) == 3
    assert not any("会員限定" in title or "電子契約" in title for title in entries)
    root = ET.fromstring(client.get("/ja/requests/feed/", {"q": "農業"}).content)
    entries = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    assert entries == ["スマート農業の実証（長野県塩尻市）"]


def test_municipality_page_lists_its_and_co_sponsored_requests(client, catalogue, other_official):
    from portal.community.models import SupportRequestJoin

    SupportRequestJoin.objects.create(
        support_request=catalogue["bousai"],
        municipality=other_official.official_profile.municipality,
        requested_by=other_official,
        state="accepted",
    )
    response = client.get("/ja/municipalities/202151/")
    assert {item.title for item in response.context["page"]} == {
        "スマート農業の実証",
        "地域防災計画のデジタル化",
    }
    assert other_official.display_name in response.content.decode()


def test_list_query_count_for_a_signed_in_official_does_not_grow(client_for, official):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(official)
    client.get(
        "/ja/requests/", {"q": "防災"}
    )  # warm caches (the bell's unread count, content types)
    counts = []
    for total in (5, 50):
        while official.support_requests.count() < total:
            support_request(author=official, title="防災アプリ", tags=["防災"])
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/ja/requests/", {"q": "防災"}).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
