"""Every search box of the portal runs the same analysed search (on whichever database the
suite runs: SQLite by default, PostgreSQL with DATABASE_URL).

Each box gets one document whose matching text sits deep inside its longest field (a CMS
page's StreamField story, a request's body, a startup's description) and one that must not
match; every query kind must find the first and not the second.
"""

import re

import pytest

from tests import factories
from tests.cms import factories as cms
from tests.factories import support_request

pytestmark = pytest.mark.django_db

PADDING = "前置きとして地域の現状を説明する文章が続きます。" * 40
HIT_TEXT = (
    PADDING + "基幹系システムの標準化、こども食堂の運営、ゴミ収集ルート、"
    "ローカル5Gの実証とAI活用を2025年度に進める。"
)
MISS_TEXT = "観光案内所の多言語対応を進めたい。"
HIT, MISS = "甲の取組", "乙の取組"

QUERIES = {
    "one character": "幹",
    "two characters": "基幹",
    "three characters deep in the body": "基幹系",
    "longer phrase": "基幹系システム",
    "full-width Latin": "ＡＩ",
    "half-width katakana": "ｼｽﾃﾑ",
    "katakana for hiragana": "コドモ",
    "hiragana for katakana": "ごみ",
    "digit inside a word": "5",
    "digit inside a number": "202",
    "full-width digit and letter": "５ｇ",
}


def _story(text):
    return [{"type": "paragraph_block", "value": f"<p>{text}</p>"}]


def _requests(title, text):
    support_request(title=title, summary="概要です", body=text)
    return "/ja/requests/", {}


def _startups(title, text):
    factories.StartupFactory(name=title, summary="概要です", description=text)
    return "/ja/startups/", {}


def _site(kind, make):
    def build(title, text):
        make(title, text)
        return "/ja/search/", {"type": kind}

    return build


def _case(title, text):
    neutral = dict.fromkeys(["intro", "challenge", "solution", "results"], "概要です")
    cms.case_study(title=title, body=_story(text), **neutral)


def _event(title, text):
    cms.event(title=title, intro="概要です", body=_story(text))


def _subsidy(title, text):
    cms.subsidy(title=title, intro="概要です", body=_story(text))


def _news(title, text):
    cms.news(title=title, intro="概要です", body=_story(text))


def _report(title, text):
    cms.report(title=title, intro="概要です", body=_story(text))


def _index(make, index):
    def build(title, text):
        make(title, text)
        return index().url, {}

    return build


BOXES = {
    "request list": _requests,
    "startup directory": _startups,
    "site search: requests": _site("requests", _requests),
    "site search: startups": _site("startups", _startups),
    "site search: cases": _site("cases", _case),
    "site search: events": _site("events", _event),
    "site search: subsidies": _site("subsidies", _subsidy),
    "site search: news": _site("news", _news),
    "case index": _index(_case, cms.case_index),
    "event index": _index(_event, cms.event_index),
    "subsidy index": _index(_subsidy, cms.subsidy_index),
    "news index": _index(_news, cms.news_index),
    "report index": _index(_report, cms.report_index),
}


def page_text(response) -> str:
    return re.sub(r"</?mark>", "", response.content.decode())


@pytest.mark.parametrize("box", BOXES)
def test_every_query_kind_finds_the_document_in_every_box(client, box):
    url, params = BOXES[box](HIT, HIT_TEXT)
    BOXES[box](MISS, MISS_TEXT)
    outcome = {}
    for kind, query in QUERIES.items():
        response = client.get(url, {**params, "q": query})
        assert response.status_code == 200
        html = page_text(response)
        outcome[kind] = (HIT in html, MISS in html)
    assert outcome == dict.fromkeys(QUERIES, (True, False))


@pytest.mark.parametrize("box", BOXES)
def test_every_box_shows_why_a_result_matched(client, box):
    url, params = BOXES[box](HIT, HIT_TEXT)
    html = client.get(url, {**params, "q": "基幹系"}).content.decode()
    # The excerpt starts near the match deep in the body, with the match highlighted.
    assert "<mark>基幹系</mark>システム" in html
    assert "…" in html
