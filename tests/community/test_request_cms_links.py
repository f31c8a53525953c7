"""Requests link the CMS content they build on: case studies (横展開) and subsidy programmes."""

import datetime

import pytest
from django.utils import timezone

from portal.community.models import SupportRequest
from tests.cms import factories as cms
from tests.factories import support_request

pytestmark = pytest.mark.django_db


def _form(**overrides):
    data = {
        "title": "書かない窓口を導入したい",
        "summary": "窓口で申請書を書かずに済むようにしたい。",
        "body": "先進事例を参考にしたい。",
        "category": "online_procedures",
        "budget_range": "5m_10m",
        "proposal_deadline": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        "visibility": "public",
    }
    data.update(overrides)
    return data


def test_official_links_case_studies_and_subsidies_shown_on_the_page(client_for, official):
    case = cms.case_study(title="北見市の書かない窓口")
    subsidy = cms.subsidy(title="デジタル田園都市国家構想交付金")
    client = client_for(official)
    response = client.post(
        "/ja/requests/new/",
        _form(linked_case_studies=[case.pk], linked_subsidies=[subsidy.pk]),
    )
    assert response.status_code == 302
    request = SupportRequest.objects.get()
    assert list(request.linked_case_studies.all()) == [case]
    assert list(request.linked_subsidies.all()) == [subsidy]
    content = client.get(f"/ja/requests/{request.pk}/preview/").content.decode()
    assert f'href="{case.url}"' in content and "デジタル田園都市国家構想交付金" in content


def test_adopt_this_case_link_preselects_the_case_study(client_for, official):
    case = cms.case_study()
    form = client_for(official).get(f"/ja/requests/new/?case={case.pk}").context["form"]
    assert form.initial["linked_case_studies"] == [case.pk]


def test_unpublished_pages_are_neither_offered_nor_shown(client_for, client, official):
    case = cms.case_study(title="非公開になった事例")
    request = support_request(author=official)
    request.linked_case_studies.add(case)
    case.unpublish()
    assert "非公開になった事例" not in client.get(f"/ja/requests/{request.pk}/").content.decode()
    form = client_for(official).get("/ja/requests/new/").context["form"]
    assert case.pk not in [page.pk for page in form.fields["linked_case_studies"].queryset]


def test_edit_keeps_and_changes_the_links(client_for, official):
    first, second = cms.case_study(), cms.case_study()
    request = support_request(author=official)
    request.linked_case_studies.add(first)
    client = client_for(official)
    form = client.get(f"/ja/requests/{request.pk}/edit/").context["form"]
    assert form.initial["linked_case_studies"] == [first.pk]
    client.post(f"/ja/requests/{request.pk}/edit/", _form(linked_case_studies=[second.pk]))
    assert list(request.linked_case_studies.all()) == [second]


def test_similar_json_suggests_case_studies_too(client):
    case = cms.case_study(title="書かない窓口の導入事例")
    results = client.get("/ja/requests/similar/", {"title": "書かない窓口を始めたい"}).json()
    assert case.url in [item["url"] for item in results["results"]]
