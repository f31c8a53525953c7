"""A rice-farming town's official finds a standard pattern, compares, reads the diagram, answers
the hearing and starts a request from the answer; every pattern page passes axe (no serious or
critical violations) at desktop and phone width, and nothing scrolls sideways."""

import pytest

from tests import factories
from tests.browser.conftest import login, serious_axe_violations
from tests.cms import factories as cms

pytestmark = [pytest.mark.django_db(transaction=True)]

WIDER_THAN_VIEWPORT = "document.documentElement.scrollWidth > window.innerWidth"
COMPONENTS = [
    ("device", "水位・水温センサー", "水位・水温（10分ごと）", "農業者"),
    ("network", "LPWA基地局", "センサーデータ", "市・JA"),
    ("platform", "水管理クラウド", "アラート・履歴", "ベンダー"),
    ("application", "スマートフォンアプリ", "", "農業者"),
]


def _world():
    official = factories.official(factories.MAEBASHI)
    case = cms.case_study(title="LPWA水位センサーで水田の見回りを半減", municipalities=["151009"])
    rice = cms.pattern(
        title="水稲の水管理（LPWA）",
        components=COMPONENTS,
        cases=[case],
        subsidies=[cms.subsidy(title="スマート農業支援")],
        kpis=[("見回り回数", "約5割減")],
        steps=[("電波調査", 4), ("実証", 12)],
        initial_cost_min=300,
        initial_cost_max=900,
    )
    cms.pattern(title="畜産の分娩検知", applies_to="酪農", networks=["lorawan"])
    return official, rice, case


def test_pattern_pages_pass_axe_and_fit_the_screen(new_context, live_server):
    base = live_server.url
    official, rice, case = _world()
    paths = [
        "/patterns/",
        f"/patterns/{rice.slug}/",
        f"/patterns/{rice.slug}/hearing/",
        f"/patterns/{rice.slug}/request/",
        f"/cases/{case.slug}/",
    ]
    found = {}
    for width in (1280, 390):
        page = new_context(viewport={"width": width, "height": 900}).new_page()
        login(page, base, official.email, factories.TEST_PASSWORD)
        for language in ("ja", "en") if width == 1280 else ("ja",):
            for path in paths:
                response = page.goto(f"{base}/{language}{path}")
                assert response.status == 200, (language, path)
                if violations := serious_axe_violations(page):
                    found[(width, language, path)] = violations
                if page.evaluate(WIDER_THAN_VIEWPORT):
                    found[(width, language, path)] = "scrolls sideways"
    assert not found, "\n".join(f"{where}: {v}" for where, v in found.items())


def test_official_compares_answers_the_hearing_and_starts_a_request(new_context, live_server):
    base = live_server.url
    official, rice, _case = _world()
    page = new_context().new_page()
    login(page, base, official.email, factories.TEST_PASSWORD)
    page.goto(f"{base}/ja/patterns/")
    page.get_by_label("ネットワーク").select_option("lpwa")
    page.get_by_role("button", name="絞り込む").click()
    table = page.get_by_role("table", name="標準パターンの比較")
    assert "300〜900万円" in table.inner_text() and "畜産の分娩検知" not in table.inner_text()
    table.get_by_role("link", name="水稲の水管理（LPWA）").click()
    diagram = page.get_by_role("img", name="「水稲の水管理（LPWA）」の標準システム構成")
    assert diagram.is_visible()
    rows = page.get_by_role("table", name="標準構成の構成要素").locator("tbody tr")
    assert rows.count() == len(COMPONENTS)
    page.get_by_role("link", name="ヒアリングに回答する").first.click()
    page.get_by_label("現状").fill("毎朝の見回りに2時間かかる")
    page.get_by_label("規模").fill("水田 約300ha")
    page.get_by_label("導入時期").select_option("next_year")
    page.get_by_role("button", name="回答を送信").click()
    assert "ご回答ありがとうございます" in page.content()
    page.get_by_role("button", name="要請の下書きにする").click()
    page.wait_for_url("**/requests/**/edit/")
    assert "毎朝の見回りに2時間かかる" in page.content()
