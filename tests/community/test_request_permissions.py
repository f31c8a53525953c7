"""Who may see and do what with support requests: roles × every page and action, and IDOR.

`official` is an official of 前橋市, which posted every request of the `world` fixture;
`other_official` works for 塩尻市; 横浜市 has asked to join the public request.
"""

import pytest

from portal.community.models import JoinState, RequestState, SupportRequest, SupportRequestJoin
from tests.community.conftest import ROLES

pytestmark = pytest.mark.django_db

LOGIN = "/ja/accounts/login/"
ONBOARDING = "/ja/onboarding/"


def _row(visitor, member, pending, official, other, startup, moderator):
    return dict(
        zip(ROLES, (visitor, member, pending, official, other, startup, moderator), strict=True)
    )


ALL_200 = _row(200, 200, 200, 200, 200, 200, 200)

# url template → expected status per role (302 responses are checked for their target below).
GET_MATRIX = {
    "/ja/requests/": ALL_200,
    "/ja/requests/feed/": ALL_200,
    "/ja/requests/similar/?title=窓口申請": ALL_200,
    "/ja/municipalities/102016/": ALL_200,
    "/ja/requests/{public}/": ALL_200,
    "/ja/requests/{members_only}/": _row(404, 404, 404, 200, 200, 200, 200),
    "/ja/requests/{draft}/": _row(404, 404, 404, 200, 404, 404, 200),
    "/ja/requests/new/": _row(302, 302, 403, 200, 200, 403, 403),
    "/ja/requests/dashboard/": _row(302, 302, 403, 200, 200, 403, 403),
    "/ja/requests/{public}/edit/": _row(302, 403, 403, 200, 403, 403, 403),
    "/ja/requests/{draft}/edit/": _row(302, 404, 404, 200, 404, 404, 403),
    "/ja/requests/{draft}/preview/": _row(302, 404, 404, 200, 404, 404, 403),
    "/ja/requests/{public}/state/selecting/": _row(302, 403, 403, 200, 403, 403, 200),
    "/ja/requests/{public}/state/withdrawn/": _row(302, 403, 403, 200, 403, 403, 200),
    "/ja/requests/{public}/state/completed/": _row(302, 403, 403, 403, 403, 403, 403),
    "/ja/requests/{public}/state/co_creating/": _row(302, 404, 404, 404, 404, 404, 404),
    "/ja/requests/{public}/join/": _row(302, 302, 403, 403, 200, 403, 403),
    "/ja/requests/{public}/attachments/{attachment}/": _row(302, 403, 403, 200, 200, 200, 200),
    "/ja/requests/{draft}/attachments/{draft_attachment}/": _row(302, 404, 404, 200, 404, 404, 200),
    "/ja/requests/{public}/attachments/{attachment}/delete/": _row(
        302, 403, 403, 200, 403, 403, 403
    ),
}


def _url(template, world):
    return template.format(
        public=world.public.pk,
        members_only=world.members_only.pk,
        draft=world.draft.pk,
        attachment=world.attachment.pk,
        draft_attachment=world.draft_attachment.pk,
    )


@pytest.mark.parametrize("template", GET_MATRIX)
@pytest.mark.parametrize("role", ROLES)
def test_page_access_matrix(as_role, world, template, role):
    response = as_role(role).get(_url(template, world))
    expected = GET_MATRIX[template][role]
    assert response.status_code == expected
    if expected == 302:
        assert response.url.startswith(LOGIN if role == "visitor" else ONBOARDING)


# action → (method and url template, data, roles whose POST succeeds)
def _state(world, name):
    return SupportRequest.objects.get(pk=getattr(world, name).pk).state


POST_ACTIONS = {
    "publish": ("/ja/requests/{draft}/publish/", {}, {"official"}),
    "start_selecting": ("/ja/requests/{public}/state/selecting/", {}, {"official", "moderator"}),
    "withdraw": (
        "/ja/requests/{public}/state/withdrawn/",
        {"reason": "予算が確保できませんでした。"},
        {"official", "moderator"},
    ),
    "edit": (
        "/ja/requests/{public}/edit/",
        {
            "title": "書き換えたタイトル",
            "summary": "概要",
            "body": "本文",
            "category": "security",
            "budget_range": "undecided",
            "visibility": "public",
            "proposal_deadline": "2099-03-31",
        },
        {"official"},
    ),
    "ask_to_join": ("/ja/requests/{public}/join/", {"comment": "同じ課題です"}, {"other_official"}),
    "accept_join": ("/ja/requests/{public}/joins/{join}/accept/", {}, {"official"}),
    "decline_join": ("/ja/requests/{public}/joins/{join}/decline/", {}, {"official"}),
    "delete_attachment": (
        "/ja/requests/{public}/attachments/{attachment}/delete/",
        {},
        {"official"},
    ),
}


def _effect(world, action) -> bool:
    """Whether `action` changed the data."""
    public = SupportRequest.objects.get(pk=world.public.pk)
    join = SupportRequestJoin.objects.get(pk=world.join.pk)
    return {
        "publish": lambda: _state(world, "draft") == RequestState.OPEN,
        "start_selecting": lambda: public.state == RequestState.SELECTING,
        "withdraw": lambda: public.state == RequestState.WITHDRAWN,
        "edit": lambda: public.title == "書き換えたタイトル",
        "ask_to_join": lambda: public.joins.count() == 2,
        "accept_join": lambda: join.state == JoinState.ACCEPTED,
        "decline_join": lambda: join.state == JoinState.DECLINED,
        "delete_attachment": lambda: not public.attachments.exists(),
    }[action]()


@pytest.mark.parametrize("action", POST_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_action_matrix(as_role, world, action, role):
    template, data, allowed = POST_ACTIONS[action]
    url = _url(template.replace("{join}", str(world.join.pk)), world)
    response = as_role(role).post(url, data)
    if role in allowed:
        assert response.status_code == 302, response.content[:500]
        assert _effect(world, action)
    else:
        assert response.status_code in {302, 403, 404}
        if response.status_code == 302:
            assert response.url.startswith(LOGIN if role == "visitor" else ONBOARDING)
        assert not _effect(world, action)


def test_attachment_upload_is_only_for_the_requesting_officials(as_role, world):
    from tests.uploads import pdf_upload

    for role in ROLES:
        client = as_role(role)
        response = client.post(
            f"/ja/requests/{world.public.pk}/attachments/", {"file": pdf_upload()}
        )
        assert response.status_code == (302 if role in {"official", "visitor"} else 403), role
        client.logout()
    assert world.public.attachments.count() == 2


# IDOR: another municipality's official guessing ids.


def test_other_official_cannot_read_or_change_a_draft_by_id(as_role, world):
    client = as_role("other_official")
    for url in (
        f"/ja/requests/{world.draft.pk}/",
        f"/ja/requests/{world.draft.pk}/preview/",
        f"/ja/requests/{world.draft.pk}/attachments/{world.draft_attachment.pk}/",
    ):
        assert client.get(url).status_code == 404
    assert client.post(f"/ja/requests/{world.draft.pk}/publish/").status_code == 404
    assert _state(world, "draft") == RequestState.DRAFT


def test_attachment_ids_are_checked_against_the_request_in_the_url(as_role, world):
    client = as_role("other_official")
    # The draft's attachment through the public request's URL: not found, not served.
    url = f"/ja/requests/{world.public.pk}/attachments/{world.draft_attachment.pk}/"
    assert client.get(url).status_code == 404
    client = as_role("official")
    assert client.get(url).status_code == 404


def test_join_ids_are_checked_against_the_request_in_the_url(as_role, world, official):
    other = SupportRequest.objects.create(
        municipality=world.members_only.municipality,
        title="別の要請",
        summary="s",
        body="b",
        category="other",
        state="open",
        published_at=world.public.published_at,
    )
    client = as_role("official")
    response = client.post(f"/ja/requests/{other.pk}/joins/{world.join.pk}/accept/")
    assert response.status_code == 404
    assert SupportRequestJoin.objects.get(pk=world.join.pk).state == JoinState.PENDING


def test_the_joining_municipality_cannot_accept_its_own_join(client, world, yokohama_official):
    client.force_login(yokohama_official, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(f"/ja/requests/{world.public.pk}/joins/{world.join.pk}/accept/")
    assert response.status_code == 403
    assert SupportRequestJoin.objects.get(pk=world.join.pk).state == JoinState.PENDING


def test_list_shows_members_only_requests_to_verified_users_only(as_role, world):
    for role, sees in [("visitor", False), ("member", False), ("other_official", True)]:
        content = as_role(role).get("/ja/requests/").content.decode()
        assert ("セキュリティ監視の共同化" in content) is sees, role
        assert "生成AIの試行" not in content  # drafts are never listed


def test_search_never_reveals_requests_the_user_may_not_read(as_role, world):
    content = as_role("visitor").get("/ja/requests/?q=監視").content.decode()
    assert "セキュリティ監視の共同化" not in content
    content = as_role("other_official").get("/ja/requests/?q=試行").content.decode()
    assert "生成AIの試行" not in content


def test_private_fields_are_hidden_from_visitors(as_role, world):
    content = as_role("visitor").get(f"/ja/requests/{world.public.pk}/").content.decode()
    assert "仕様書.pdf" not in content
    content = as_role("startup_member").get(f"/ja/requests/{world.public.pk}/").content.decode()
    assert "仕様書.pdf" in content
