"""The loop: an advanced case becomes a draft request, a completed request becomes a case."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from portal.cms.models import CaseStudyPage, SizeBand, size_band_for_population
from portal.community.models import (
    JoinState,
    Municipality,
    RequestState,
    SupportRequest,
    SupportRequestJoin,
)
from tests import factories
from tests.cms import factories as cms
from tests.factories import MAEBASHI, SHIOJIRI, support_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    return cms.case_study(
        title="「書かない窓口」と電子申請の一体導入",
        category="online_procedures",
        challenge="窓口で申請書を何枚も書く負担が大きい。",
        solution="マイナンバーカードで申請書を自動作成する。",
        tags=["書かない窓口"],
    )


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("visitor", 302),
        ("member", 302),
        ("pending_official", 403),
        ("startup_user", 403),
        ("official", 302),
    ],
)
def test_adopt_is_for_verified_officials(client, request, case, role, status):
    if role != "visitor":
        client.force_login(
            request.getfixturevalue(role), backend="django.contrib.auth.backends.ModelBackend"
        )
    response = client.post(reverse("adoption:request_adopt", args=[case.pk]))
    assert response.status_code == status
    created = SupportRequest.objects.exists()
    assert created == (role == "official")
    if role in {"visitor", "member"}:
        assert "/edit/" not in response.url


def test_adopting_creates_a_prefilled_draft_linked_to_the_case(client_for, official, case):
    client = client_for(official)
    assert (
        "書かない窓口"
        in client.get(reverse("adoption:request_adopt", args=[case.pk])).content.decode()
    )
    response = client.post(reverse("adoption:request_adopt", args=[case.pk]))
    draft = SupportRequest.objects.get()
    assert response.url == reverse("community:request_edit", args=[draft.pk])
    assert draft.state == RequestState.DRAFT
    assert draft.municipality_id == official.official_profile.municipality_id
    assert case.title in draft.title and "自動作成" in draft.body
    assert draft.category == "online_procedures"
    assert list(draft.linked_case_studies.values_list("pk", flat=True)) == [case.pk]
    assert sorted(draft.tags.names()) == ["書かない窓口"]


def test_adopting_an_unpublished_case_is_404(client_for, official, case):
    case.unpublish()
    assert (
        client_for(official).post(reverse("adoption:request_adopt", args=[case.pk])).status_code
        == 404
    )


@pytest.fixture
def completed(official):
    cms.case_index()
    return support_request(
        author=official,
        title="避難所受付のデジタル化",
        state="completed",
        category="disaster",
        outcome_lessons="訓練で使ってから本番に臨むこと。",
        outcome_contract_route="proposal",
    )


def test_owner_turns_a_completed_request_into_a_case_in_moderation(client_for, official, completed):
    client = client_for(official)
    assert reverse("adoption:request_case_study", args=[completed.pk]) in (
        client.get(completed.get_absolute_url()).content.decode()
    )
    client.post(reverse("adoption:request_case_study", args=[completed.pk]))
    case = CaseStudyPage.objects.get(source_request_id=completed.pk)
    assert not case.live
    assert case.lessons == "訓練で使ってから本番に臨むこと。"
    assert WorkflowState.objects.filter(
        base_content_type__isnull=False, object_id=str(case.pk)
    ).exists()
    # A second click does not create a second draft.
    client.post(reverse("adoption:request_case_study", args=[completed.pk]))
    assert CaseStudyPage.objects.filter(source_request_id=completed.pk).count() == 1


def test_other_municipalities_and_startups_cannot_make_the_case(
    client_for, other_official, startup_user, completed
):
    for user in (other_official, startup_user):
        response = client_for(user).post(
            reverse("adoption:request_case_study", args=[completed.pk])
        )
        assert response.status_code == 403
    assert not CaseStudyPage.objects.filter(source_request_id=completed.pk).exists()


def test_only_completed_requests_become_cases(client_for, official):
    cms.case_index()
    open_request = support_request(author=official, title="募集中の依頼")
    client_for(official).post(reverse("adoption:request_case_study", args=[open_request.pk]))
    assert not CaseStudyPage.objects.filter(source_request_id=open_request.pk).exists()


def test_request_page_links_its_cases_and_subsidies(client, official, case):
    subsidy = cms.subsidy(title="デジタル田園都市国家構想交付金（デモ）")
    request_obj = support_request(author=official, title="リンク付きの依頼")
    request_obj.linked_case_studies.add(case)
    request_obj.linked_subsidies.add(subsidy)
    html = client.get(request_obj.get_absolute_url()).content.decode()
    assert case.title in html and "デジタル田園都市国家構想交付金（デモ）" in html


def test_official_links_subsidy_programmes_when_writing_a_request(client_for, official):
    subsidy = cms.subsidy(title="地域デジタル基盤活用推進事業（デモ）")
    client = client_for(official)
    form_page = client.get(reverse("community:request_create")).content.decode()
    assert "地域デジタル基盤活用推進事業（デモ）" in form_page
    response = client.post(
        reverse("community:request_create"),
        {
            "title": "避難所の受付をデジタル化したい",
            "summary": "紙の名簿をやめたい。",
            "body": "## 背景\n\n受付に時間がかかる。",
            "category": "disaster",
            "budget_range": "undecided",
            "visibility": "public",
            "subsidies": [subsidy.pk],
        },
    )
    assert response.status_code == 302
    draft = SupportRequest.objects.get(title="避難所の受付をデジタル化したい")
    assert list(draft.linked_subsidies.values_list("pk", flat=True)) == [subsidy.pk]


def test_typing_a_title_suggests_similar_advanced_cases(client_for, official, case):
    response = client_for(official).get(
        reverse("adoption:request_similar"), {"title": "書かない窓口を始めたい"}
    )
    results = response.json()["results"]
    assert {"title": case.title, "url": case.url, "state": "先進事例"}.items() <= next(
        r for r in results if r["title"] == case.title
    ).items()


def test_case_draft_takes_tags_crop_and_kind_from_the_request_and_municipality(
    client_for, official
):
    cms.case_study(slug="rice", crop_or_industry="水稲")
    request = support_request(
        author=official,
        title="水田の水位を遠隔で見たい",
        state="completed",
        category="smart_agriculture",
        tags=["LPWA", "水稲"],
    )
    client_for(official).post(reverse("adoption:request_case_study", args=[request.pk]))
    case = CaseStudyPage.objects.get(source_request_id=request.pk)
    assert set(case.tags.names()) == {"LPWA", "水稲"}
    assert case.crop_or_industry == "水稲"
    assert case.municipality_kind == official.official_profile.municipality.kind == "city"


def _case_from(client_for, official, **fields):
    """The case-study draft the official makes from a completed request with `fields`."""
    cms.case_index()
    request = support_request(author=official, state="completed", **fields)
    client_for(official).post(reverse("adoption:request_case_study", args=[request.pk]))
    return CaseStudyPage.objects.get(source_request_id=request.pk)


def _set_population(code, population):
    Municipality.objects.filter(code=code).update(population=population)


@pytest.mark.parametrize(
    ("population", "band"),
    [
        (None, ""),
        (1, "under_10k"),
        (9_999, "under_10k"),
        (10_000, "10k_50k"),
        (49_999, "10k_50k"),
        (50_000, "50k_100k"),
        (100_000, "100k_300k"),
        (299_999, "100k_300k"),
        (300_000, "300k_plus"),
        (3_700_000, "300k_plus"),
    ],
)
def test_population_maps_to_the_band_the_case_filter_offers(population, band):
    assert size_band_for_population(population) == band
    assert band == "" or band in SizeBand.values


def test_case_draft_takes_the_population_band_of_the_municipality(client_for, official):
    _set_population(MAEBASHI, 330_000)
    case = _case_from(client_for, official, title="窓口のオンライン化")
    assert case.size_band == SizeBand.FROM_300K


def test_joint_case_draft_takes_the_band_of_the_largest_known_municipality(
    client_for, official, other_official
):
    _set_population(MAEBASHI, 8_000)
    _set_population(SHIOJIRI, 66_000)
    cms.case_index()
    request = support_request(author=official, state="completed", title="共同の窓口改革")
    SupportRequestJoin.objects.create(
        support_request=request,
        municipality_id=SHIOJIRI,
        requested_by=other_official,
        state=JoinState.ACCEPTED,
    )
    client_for(official).post(reverse("adoption:request_case_study", args=[request.pk]))
    case = CaseStudyPage.objects.get(source_request_id=request.pk)
    assert case.size_band == SizeBand.FROM_50K
    assert {m.code for m in case.municipalities} == {MAEBASHI, SHIOJIRI}


def test_case_draft_of_a_municipality_without_population_leaves_the_band_empty(
    client_for, official
):
    assert Municipality.objects.get(code=MAEBASHI).population is None
    case = _case_from(client_for, official, title="人口未登録の団体", tags=["RPA"])
    assert case.size_band == ""
    # What is known is still filled.
    assert case.municipality_kind == "city"
    assert list(case.tags.names()) == ["RPA"]


def test_case_draft_takes_the_kind_of_a_town(client_for):
    town = Municipality.objects.filter(kind="town").order_by("code").first()
    official = factories.official(town.code)
    case = _case_from(client_for, official, title="町の電子申請")
    assert case.municipality_kind == "town"


def test_case_draft_takes_a_crop_that_a_standard_pattern_applies_to(client_for, official):
    cms.pattern(applies_to="いちご、トマト")
    case = _case_from(
        client_for,
        official,
        title="ハウスの温度を遠隔で見たい",
        category="smart_agriculture",
        tags=["LPWA", "トマト"],
    )
    assert case.crop_or_industry == "トマト"
    assert set(case.tags.names()) == {"LPWA", "トマト"}


def test_case_draft_leaves_the_crop_empty_when_no_tag_is_a_known_crop(client_for, official):
    cms.pattern(applies_to="水稲")
    case = _case_from(client_for, official, title="電子申請の拡充", tags=["電子申請", "RPA"])
    assert case.crop_or_industry == ""


def test_published_case_draft_is_found_by_every_library_filter(client, client_for, official):
    _set_population(MAEBASHI, 330_000)
    cms.pattern(applies_to="水稲")
    case = _case_from(
        client_for,
        official,
        title="水田の水位を遠隔で見守る",
        category="smart_agriculture",
        tags=["LPWA", "水稲"],
    )
    case.save_revision().publish()
    cms.case_study(title="別の町の事例", slug="other-case")
    index_url = cms.case_index().url
    for params in (
        {"tag": "LPWA"},
        {"crop": "水稲"},
        {"kind": "city"},
        {"size": "300k_plus"},
        {"tag": "LPWA", "crop": "水稲", "kind": "city", "size": "300k_plus"},
    ):
        titles = [page.title for page in client.get(index_url, params).context["results"]]
        assert titles == ["水田の水位を遠隔で見守る"], params
