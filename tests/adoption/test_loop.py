"""The loop: an advanced case becomes a draft request, a completed request becomes a case."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from portal.cms.models import CaseStudyPage
from portal.community.models import RequestState, SupportRequest
from tests.cms import factories as cms
from tests.factories import support_request

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
