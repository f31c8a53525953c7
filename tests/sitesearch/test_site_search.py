import re

import pytest

from tests import factories
from tests.cms import factories as cms
from tests.factories import support_request

pytestmark = pytest.mark.django_db

URL = "/ja/search/"


def page_text(response) -> str:
    """The page without highlight marks, so titles can be matched whole."""
    return re.sub(r"</?mark>", "", response.content.decode())


@pytest.fixture
def content(official):
    return {
        "request": support_request(
            author=official, title="避難所の防災アプリ", summary="防災訓練で使いたい"
        ),
        "members_only": support_request(
            author=official, title="会員限定の防災依頼", visibility="members"
        ),
        "draft": support_request(author=official, title="下書きの防災依頼", state="draft"),
        "case": cms.case_study(title="IoT水位計で河川の氾濫に備える防災事例"),
        "startup": factories.StartupFactory(
            name="株式会社防災リンク", summary="避難所の混雑を見える化"
        ),
        "other": support_request(author=official, title="スマート農業の実証"),
    }


def test_a_two_character_query_finds_every_kind_and_nothing_private(client, content):
    response = client.get(URL, {"q": "防災"})
    assert "<mark>防災</mark>" in response.content.decode()
    html = page_text(response)
    for visible in [
        "IoT水位計で河川の氾濫に備える防災事例",
        "株式会社防災リンク",
        "避難所の防災アプリ",
    ]:
        assert visible in html
    assert "会員限定の防災依頼" not in html and "下書きの防災依頼" not in html
    assert "スマート農業の実証" not in html


def test_verified_users_also_find_members_only_requests(client_for, other_official, content):
    html = page_text(client_for(other_official).get(URL, {"q": "防災"}))
    assert "会員限定の防災依頼" in html and "下書きの防災依頼" not in html


def test_type_filter_shows_one_source_paginated(client, content):
    html = page_text(client.get(URL, {"q": "防災", "type": "cases"}))
    assert "IoT水位計で河川の氾濫に備える防災事例" in html and "避難所の防災アプリ" not in html
    bogus = client.get(URL, {"q": "防災", "type": "nonsense"})
    assert bogus.status_code == 200 and "IoT水位計" in bogus.content.decode()


def test_empty_and_overlong_queries_are_harmless(client, content):
    assert client.get(URL).status_code == 200
    assert client.get(URL, {"q": "防" * 500}).status_code == 200
    assert client.get(URL, {"q": "防災", "type": "requests", "page": "abc"}).status_code == 200


def _one_of_each(official):
    support_request(author=official, title="防災アプリの導入")
    factories.StartupFactory(name="防災テック", summary="防災")
    cms.case_study(title="防災の事例")
    cms.news(title="防災のお知らせ")


@pytest.mark.parametrize("kind", ["", "requests", "startups", "cases", "news"])
def test_site_search_query_count_does_not_grow(client, official, kind):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from portal.cms.models import NewsPage

    counts = []
    for total in (2, 12):
        while NewsPage.objects.count() < total:
            _one_of_each(official)
        client.get(URL, {"q": "防災", "type": kind})  # warm the per-process caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL, {"q": "防災", "type": kind}).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
