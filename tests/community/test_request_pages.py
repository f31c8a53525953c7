"""Writing a request: create, preview, publish, edit; bad input; similar requests."""

import datetime

import pytest
from django.utils import timezone

from portal.community.models import RequestState, SupportRequest
from portal.community.services.support_requests import DEADLINE_PASSED, TOO_MANY_TAGS
from tests.factories import support_request

pytestmark = pytest.mark.django_db


def _form(**overrides):
    data = {
        "title": "窓口の待ち時間を減らしたい",
        "summary": "転入手続の待ち時間を減らしたい。",
        "body": "## 背景\n\n繁忙期の待ち時間が**2時間**です。",
        "category": "online_procedures",
        "tags": "電子申請、キャッシュレス, 窓口改革",
        "budget_range": "5m_10m",
        "proposal_deadline": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        "expected_start": "",
        "visibility": "public",
    }
    data.update(overrides)
    return data


def test_official_creates_a_draft_previews_and_publishes(client_for, official):
    client = client_for(official)
    response = client.post("/ja/requests/new/", _form())
    request = SupportRequest.objects.get()
    assert response.url == f"/ja/requests/{request.pk}/preview/"
    assert request.state == RequestState.DRAFT
    assert request.municipality == official.official_profile.municipality
    assert sorted(tag.name for tag in request.tags.all()) == [
        "キャッシュレス",
        "窓口改革",
        "電子申請",
    ]

    preview = client.get(response.url).content.decode()
    assert "<strong>2時間</strong>" in preview
    assert 'class="preview-banner"' in preview

    response = client.post(f"/ja/requests/{request.pk}/publish/")
    request.refresh_from_db()
    assert request.state == RequestState.OPEN
    assert response.url == f"/ja/requests/{request.pk}/"


def test_invalid_input_keeps_what_was_typed(client_for, official):
    response = client_for(official).post(
        "/ja/requests/new/", _form(category="", body="長い本文をここに書いた")
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "長い本文をここに書いた" in content
    assert "窓口の待ち時間を減らしたい" in content
    assert not SupportRequest.objects.exists()


def test_service_errors_appear_on_the_form(client_for, official):
    tags = ", ".join(f"タグ{n}" for n in range(11))
    response = client_for(official).post("/ja/requests/new/", _form(tags=tags))
    assert response.status_code == 200
    assert str(TOO_MANY_TAGS % {"limit": 10}) in response.content.decode()


def test_publishing_with_a_past_deadline_explains_why(client_for, official):
    draft = support_request(
        author=official,
        state="draft",
        proposal_deadline=timezone.localdate() - datetime.timedelta(days=1),
    )
    client = client_for(official)
    response = client.post(f"/ja/requests/{draft.pk}/publish/", follow=True)
    assert str(DEADLINE_PASSED) in response.content.decode()
    assert SupportRequest.objects.get(pk=draft.pk).state == RequestState.DRAFT


def test_edit_updates_the_request_and_its_search_index(client_for, official):
    request = support_request(author=official, title="窓口の改善")
    client = client_for(official)
    form = client.get(f"/ja/requests/{request.pk}/edit/").context["form"]
    assert form.initial["title"] == "窓口の改善"
    response = client.post(f"/ja/requests/{request.pk}/edit/", _form(title="観光案内の多言語化"))
    assert response.status_code == 302
    found = client.get("/ja/requests/", {"q": "多言語"}).context["page"].object_list
    assert [item.pk for item in found] == [request.pk]


def test_body_is_rendered_as_sanitised_markdown(client, official):
    request = support_request(
        author=official,
        body='**重要** <script>alert("x")</script> [リンク](javascript:alert(1))',
    )
    content = client.get(f"/ja/requests/{request.pk}/").content.decode()
    assert "<strong>重要</strong>" in content
    assert '<script>alert("x")</script>' not in content
    assert 'href="javascript' not in content


def test_user_text_is_escaped_in_titles_and_summaries(client, official):
    support_request(author=official, title="<b>太字</b>の題名", summary="<img src=x>概要")
    content = client.get("/ja/requests/").content.decode()
    assert "<b>太字</b>" not in content and "&lt;b&gt;太字&lt;/b&gt;" in content
    assert "<img src=x>" not in content


def test_similar_requests_json_while_typing_a_title(client, official, other_official):
    existing = support_request(author=other_official, title="避難所受付のデジタル化")
    support_request(author=official, title="会員限定の避難所運営", visibility="members")
    response = client.get("/ja/requests/similar/", {"title": "避難所の受付をスマホで"})
    results = response.json()["results"]
    assert results[0]["url"] == existing.get_absolute_url()
    assert results[0]["municipality"] == "長野県塩尻市"
    assert all("会員限定" not in item["title"] for item in results)  # visitors: public only
    assert client.get("/ja/requests/similar/", {"title": "あ"}).json() == {"results": []}


def test_preview_lists_similar_requests_without_javascript(client_for, official, other_official):
    support_request(author=other_official, title="避難所受付のデジタル化")
    draft = support_request(author=official, title="避難所の受付を効率化したい", state="draft")
    content = client_for(official).get(f"/ja/requests/{draft.pk}/preview/").content.decode()
    assert "避難所受付のデジタル化" in content


def test_dashboard_groups_the_municipalitys_requests_by_state(client_for, official, other_official):
    support_request(author=official, title="公開中の要請")
    support_request(author=official, title="下書きの要請", state="draft")
    support_request(author=other_official, title="他市の要請")
    response = client_for(official).get("/ja/requests/dashboard/")
    by_state = {
        state: [r.title for r in rows] for state, rows, _total in response.context["by_state"]
    }
    assert by_state["open"] == ["公開中の要請"]
    assert by_state["draft"] == ["下書きの要請"]
    assert "他市の要請" not in response.content.decode()
