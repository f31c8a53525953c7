"""Standard patterns (標準パターン): page rules, the diagram, the comparison, the request started
from a pattern, the suggestions for moderators and the hearing."""

import csv
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase

from portal.cms import patterns as pattern_reads
from portal.cms.models import (
    CaseStudyPage,
    HomePage,
    PatternComponent,
    PatternHearingResponse,
    PatternIndexPage,
    PatternPage,
)
from portal.community.models import RequestState, SupportRequest
from tests import factories as base_factories
from tests.cms import factories

pytestmark = pytest.mark.django_db

RICE_COMPONENTS = [
    ("device", "水位センサー", "水位・水温（10分ごと）", "農業者"),
    ("device", "自動給水栓", "開閉状態", "農業者"),
    ("network", "LPWA基地局", "センサーデータ", "市・JA"),
    ("platform", "水管理クラウド", "アラート", "ベンダー"),
    ("application", "スマートフォンアプリ", "", "農業者"),
]


def _route(pattern, suffix=""):
    return f"{pattern.url}{suffix}"


# --- page rules -------------------------------------------------------------------------------


class PatternPageTypeTests(WagtailPageTestCase):
    def test_patterns_live_under_their_index_under_home(self):
        self.assertAllowedParentPageTypes(PatternIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PatternIndexPage, {PatternPage})
        self.assertAllowedParentPageTypes(PatternPage, {PatternIndexPage})
        self.assertAllowedSubpageTypes(PatternPage, set())
        self.assertCanNotCreateAt(HomePage, PatternPage)


def test_pattern_index_address_is_fixed():
    index = PatternIndexPage(title="標準パターン", slug="models")
    with pytest.raises(ValidationError) as error:
        index.clean()
    assert "slug" in error.value.message_dict


def test_cost_range_cannot_be_inverted():
    page = PatternPage(title="x", slug="x", initial_cost_min=500, initial_cost_max=100)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "initial_cost_min" in error.value.message_dict


def test_a_moderator_edits_a_pattern_through_the_workflow(client_for):
    """Pattern pages are under the site root's moderation workflow like every page."""
    from wagtail.models import get_page_models

    pattern = factories.pattern()
    assert PatternPage in get_page_models()
    moderator = factories.with_totp(base_factories.moderator())
    response = client_for(moderator).get(reverse("wagtailadmin_pages:edit", args=[pattern.pk]))
    assert response.status_code == 200
    assert pattern.get_workflow() is not None


# --- the diagram ------------------------------------------------------------------------------


def test_diagram_columns_follow_the_data_flow_and_arrows_join_them():
    components = [
        PatternComponent(layer=layer, name=name, data=data, operator=operator)
        for layer, name, data, operator in reversed(RICE_COMPONENTS)
    ]
    diagram = pattern_reads.diagram_layout(components)
    assert [column.layer for column in diagram.columns] == [
        "device",
        "network",
        "platform",
        "application",
    ]
    assert [len(column.boxes) for column in diagram.columns] == [2, 1, 1, 1]
    assert len(diagram.arrows) == 3
    assert all(arrow.x1 < arrow.x2 for arrow in diagram.arrows)
    xs = [column.x for column in diagram.columns]
    assert xs == sorted(xs) and diagram.width > xs[-1]


def test_diagram_shortens_long_names_to_fit_the_box():
    long_name = "とても長い名前の構成要素" * 4
    fitted = pattern_reads.fit(long_name)
    assert fitted.endswith("…") and len(fitted) < len(long_name)
    assert pattern_reads.text_width(fitted) <= pattern_reads.TEXT_WIDTH
    assert pattern_reads.fit("LPWA基地局") == "LPWA基地局"


def test_empty_configuration_draws_no_diagram():
    assert pattern_reads.diagram_layout([]).is_empty


def test_pattern_page_diagram_matches_its_table(client):
    pattern = factories.pattern(components=RICE_COMPONENTS)
    html = client.get(pattern.url).content.decode()
    svg = re.search(r"<svg[^>]*pattern-diagram__svg.*?</svg>", html, re.S).group(0)
    table = re.search(r'<table class="table pattern-components">.*?</table>', html, re.S).group(0)
    svg_names = re.findall(r'class="pattern-diagram__name">([^<]+)<', svg)
    table_names = re.findall(r'<th scope="row">([^<]+)</th>', table)
    assert svg_names == table_names == [name for _layer, name, _d, _o in RICE_COMPONENTS]
    assert 'role="img"' in svg and "aria-labelledby" in svg
    assert svg.count("<line ") == 3


# --- the comparison ---------------------------------------------------------------------------


def _comparison(client, query=""):
    return client.get(f"/ja/patterns/{query}")


def test_comparison_shows_network_costs_kpis_and_adopting_municipalities(client):
    case_a = factories.case_study(municipalities=["151009"], category="smart_agriculture")
    case_b = factories.case_study(municipalities=["152021", "151009"])
    factories.pattern(
        title="水稲の水管理",
        cases=[case_a, case_b],
        kpis=[("見回り回数", "約5割減")],
        initial_cost_min=300,
        initial_cost_max=900,
    )
    response = _comparison(client)
    assert response.status_code == 200
    (row,) = response.context["results"]
    assert row.adopting_municipalities == 2
    html = response.content.decode()
    assert "300〜900万円" in html and "見回り回数: 約5割減" in html and "LPWA" in html


def test_comparison_filters_by_domain_crop_and_network(client):
    rice = factories.pattern(title="水稲 LPWA", applies_to="水稲", networks=["lpwa"])
    cattle = factories.pattern(
        title="畜産 LoRaWAN", applies_to="酪農、肉用牛", networks=["lorawan"]
    )
    telework = factories.pattern(
        title="テレワーク", domain="telework", category="telework", applies_to="", networks=[]
    )

    def titles(query):
        return {page.title for page in _comparison(client, query).context["results"]}

    assert titles("?network=lorawan") == {cattle.title}
    assert titles("?crop=酪農") == {cattle.title, telework.title}  # empty: applies to any
    assert titles("?domain=telework") == {telework.title}
    assert titles("?domain=smart_agriculture&network=lpwa") == {rice.title}
    assert titles("?network=not-a-network") == {rice.title, cattle.title, telework.title}


@pytest.mark.parametrize("size", [2, 8])
def test_comparison_query_count_does_not_grow(
    client, django_assert_max_num_queries, size, no_page_cache
):
    for n in range(size):
        case = factories.case_study(municipalities=["151009"])
        factories.pattern(title=f"パターン {n}", cases=[case], kpis=[("指標", "値")])
    _comparison(client)  # warm Wagtail's site cache
    # 14 at both sizes: the same as the other listings (tests/cms/test_listings.py), with the
    # active locale and the language switch's page copies.
    with django_assert_max_num_queries(14):
        response = _comparison(client)
    assert len(response.context["results"]) == size


def test_comparison_empty_states(client):
    factories.pattern_index()
    assert "標準パターンはまだ公開されていません" in _comparison(client).content.decode()
    factories.pattern(networks=["lpwa"])
    html = _comparison(client, "?network=lte").content.decode()
    assert "条件に合うパターンはありません" in html


# --- a pattern's page and the case page -------------------------------------------------------


def test_pattern_page_links_cases_subsidies_and_startups(client):
    startup = base_factories.StartupFactory(name="アグリセンス合同会社")
    case = factories.case_study(municipalities=["151009"], title="LPWA水位センサーで見回り半減")
    subsidy = factories.subsidy(title="スマート農業支援")
    pattern = factories.pattern(cases=[case], subsidies=[subsidy], startups=[startup])
    html = client.get(pattern.url).content.decode()
    assert case.title in html and "新潟" in html
    assert subsidy.title in html and startup.name in html


def test_hidden_startup_is_not_listed_on_a_pattern(client):
    from django.utils import timezone

    startup = base_factories.StartupFactory(name="非表示の会社", hidden_at=timezone.now())
    pattern = factories.pattern(startups=[startup])
    assert "非表示の会社" not in client.get(pattern.url).content.decode()


def test_case_page_names_its_standard_patterns(client):
    case = factories.case_study()
    pattern = factories.pattern(title="水稲の水管理パターン", cases=[case])
    html = client.get(case.url).content.decode()
    assert "この事例の標準パターン" in html and pattern.title in html
    other = factories.case_study()
    assert "この事例の標準パターン" not in client.get(other.url).content.decode()


# --- pattern → draft support request ----------------------------------------------------------


def test_official_starts_a_prefilled_draft_request_from_a_pattern(client_for, official):
    case = factories.case_study()
    subsidy = factories.subsidy()
    pattern = factories.pattern(
        title="水稲の水管理",
        components=RICE_COMPONENTS,
        cases=[case],
        subsidies=[subsidy],
        steps=[("電波調査", 4)],
    )
    client = client_for(official)
    assert client.get(_route(pattern, "request/")).status_code == 200
    response = client.post(_route(pattern, "request/"))
    draft = SupportRequest.objects.get(author=official)
    assert response.status_code == 302 and str(draft.pk) in response["Location"]
    assert draft.state == RequestState.DRAFT
    assert draft.municipality_id == official.official_profile.municipality_id
    assert (
        "水稲の水管理" in draft.title and "水位センサー" in draft.body and "電波調査" in draft.body
    )
    assert draft.category == "smart_agriculture"
    assert list(draft.linked_case_studies.all()) == [CaseStudyPage.objects.get(pk=case.pk)]
    assert draft.linked_subsidies.count() == 1
    assert "LPWA" in [tag.name for tag in draft.tags.all()]


@pytest.mark.parametrize("who", ["member", "startup_user", "moderator"])
def test_only_verified_officials_start_requests_from_patterns(client_for, request, who):
    user = base_factories.moderator() if who == "moderator" else request.getfixturevalue(who)
    pattern = factories.pattern()
    client = client_for(user)
    response = client.post(_route(pattern, "request/"))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "onboarding" in response["Location"]
    assert not SupportRequest.objects.exists()


def test_visitor_is_sent_to_sign_in(client):
    pattern = factories.pattern()
    for suffix in ("request/", "hearing/"):
        response = client.get(_route(pattern, suffix))
        assert response.status_code == 302 and "login" in response["Location"]


# --- from cases to patterns (moderators) ------------------------------------------------------


def _cabbage_cases():
    return [
        factories.case_study(
            category="smart_agriculture", crop_or_industry="キャベツ", tags=["LPWA", "土壌センサー"]
        ),
        factories.case_study(
            category="smart_agriculture", crop_or_industry="キャベツ", tags=["ＬＰＷＡ"]
        ),
    ]


def test_cases_sharing_domain_crop_and_network_are_suggested():
    cabbage = _cabbage_cases()
    factories.case_study(category="smart_agriculture", crop_or_industry="キャベツ", tags=["LTE"])
    groups = pattern_reads.suggestion_groups()
    assert [(g.domain, g.crop_or_industry, g.network) for g in groups] == [
        ("smart_agriculture", "キャベツ", "lpwa")
    ]
    assert {case.pk for case in groups[0].cases} == {case.pk for case in cabbage}


def test_cases_already_in_a_pattern_are_not_suggested():
    cabbage = _cabbage_cases()
    factories.pattern(cases=cabbage[:1])
    assert pattern_reads.suggestion_groups() == []


def test_moderator_starts_a_draft_pattern_from_a_group(client_for):
    cabbage = _cabbage_cases()
    factories.pattern_index()
    moderator = factories.with_totp(base_factories.moderator())
    client = client_for(moderator)
    url = reverse("pattern_suggestions:index")
    page = client.get(url)
    assert page.status_code == 200 and cabbage[0].title in page.content.decode()
    key = pattern_reads.suggestion_groups()[0].key
    response = client.post(url, {"group": key})
    draft = PatternPage.objects.get()
    assert response.status_code == 302 and f"/pages/{draft.pk}/edit/" in response["Location"]
    assert not draft.live and draft.applies_to == "キャベツ" and draft.networks == ["lpwa"]
    assert {link.case_id for link in draft.case_links.all()} == {case.pk for case in cabbage}
    assert draft.get_latest_revision() is not None
    assert client.post(url, {"group": key}).status_code == 302  # gone now: a message, no 500
    assert PatternPage.objects.count() == 1


def test_suggestions_are_for_moderators_only(client_for, official):
    response = client_for(official).get(reverse("pattern_suggestions:index"))
    assert response.status_code in (302, 403)


# --- the hearing ------------------------------------------------------------------------------

HEARING = {
    "current_situation": "毎朝の見回りに2時間かかる",
    "scale": "水田 約300ha、農業者 約120戸",
    "constraints": "山間部は携帯の電波が弱い",
    "budget": "初期 500万円程度",
    "timing": "next_year",
}


def test_official_answers_the_hearing(client_for, official):
    pattern = factories.pattern()
    client = client_for(official)
    assert client.get(_route(pattern, "hearing/")).status_code == 200
    response = client.post(_route(pattern, "hearing/"), HEARING)
    assert response.status_code == 302
    answer = PatternHearingResponse.objects.get()
    assert answer.respondent == official and answer.pattern_id == pattern.pk
    assert answer.municipality_id == official.official_profile.municipality_id


def test_hearing_form_keeps_what_was_typed_on_errors(client_for, official):
    pattern = factories.pattern()
    response = client_for(official).post(
        _route(pattern, "hearing/"), {**HEARING, "scale": "", "budget": "abc\x00def"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert HEARING["current_situation"] in html and "保存できない文字" in html
    assert not PatternHearingResponse.objects.exists()


@pytest.mark.parametrize("who", ["member", "startup_user", "moderator"])
def test_hearing_is_for_verified_officials_only(client_for, request, who):
    user = base_factories.moderator() if who == "moderator" else request.getfixturevalue(who)
    pattern = factories.pattern()
    response = client_for(user).post(_route(pattern, "hearing/"), HEARING)
    assert response.status_code in (302, 403)
    assert not PatternHearingResponse.objects.exists()


def test_an_answer_becomes_a_draft_request_once(client_for, official, other_official):
    pattern = factories.pattern()
    client_for(official).post(_route(pattern, "hearing/"), HEARING)
    answer = PatternHearingResponse.objects.get()
    url = _route(pattern, f"hearing/{answer.pk}/request/")
    assert client_for(other_official).post(url).status_code == 404
    client = client_for(official)
    first = client.post(url)
    second = client.post(url)
    draft = SupportRequest.objects.get()
    assert first["Location"] == second["Location"]
    assert HEARING["current_situation"] in draft.body and HEARING["scale"] in draft.body
    answer.refresh_from_db()
    assert answer.draft_request_id == draft.pk


def test_moderators_read_hearing_answers_as_csv(client_for, official):
    pattern = factories.pattern(title="鳥獣害対策のICT罠")
    client_for(official).post(_route(pattern, "hearing/"), HEARING)
    moderator = factories.with_totp(base_factories.moderator())
    client = client_for(moderator)
    listing = client.get(reverse("pattern_hearing_answers:index"))
    assert listing.status_code == 200 and "鳥獣害対策のICT罠" in listing.content.decode()
    export = client.get(reverse("pattern_hearing_answers:index") + "?export=csv")
    assert export.status_code == 200
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 2 and HEARING["scale"] in rows[1] and "鳥獣害対策のICT罠" in rows[1]


def test_officials_cannot_read_other_answers_in_the_admin(client_for, official, other_official):
    pattern = factories.pattern()
    client_for(official).post(_route(pattern, "hearing/"), HEARING)
    response = client_for(other_official).get(reverse("pattern_hearing_answers:index"))
    assert response.status_code in (302, 403)


# --- search -----------------------------------------------------------------------------------


def test_site_search_finds_patterns_by_two_character_queries(client):
    cattle = factories.pattern(
        title="発情・分娩検知のパターン",
        intro="牛の活動量を首輪センサーで測る畜産のモデル",
        components=[("device", "首輪型活動量センサー", "活動量", "農家")],
    )
    factories.pattern(title="テレワーク就労のパターン", intro="自治体が連携して業務を切り出す")
    for query in ("畜産", "首輪", "分娩"):
        html = re.sub(
            r"</?mark>",
            "",
            client.get("/ja/search/", {"q": query, "type": "patterns"}).content.decode(),
        )
        assert cattle.title in html, query
        assert "テレワーク就労のパターン" not in html, query


def test_patterns_are_in_the_navigation_and_the_sitemap(client):
    pattern = factories.pattern()
    assert 'href="/ja/patterns/"' in client.get("/ja/search/").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert pattern.url in sitemap or f"/patterns/{pattern.slug}/" in sitemap


def test_cost_ranges_read_in_each_language():
    from django.utils import translation

    from portal.cms.templatetags.pattern_tags import cost_range

    with translation.override("ja"):
        assert cost_range(300, 900) == "300〜900万円"
    with translation.override("en"):
        assert cost_range(300, 900) == "¥3 million–¥9 million"
        assert cost_range(150, 150) == "¥1.5 million"
        assert cost_range(5, 20) == "¥50,000–¥200,000"
        assert cost_range(50, 300) == "¥500,000–¥3 million"
        assert cost_range(None, 50) == "up to ¥500,000"
        assert cost_range(1200, None) == "from ¥12 million"
        assert cost_range(None, None) == "—"
