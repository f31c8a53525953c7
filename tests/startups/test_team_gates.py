"""The startup team views refuse exactly what their services refuse (issue 13, point 6).

A role matrix: every role × every team action. Allowed means the view did the thing (the
service agreed); refused means a 403 page with the reason before any form or service call
(anonymous visitors are sent to sign in). Moderators edit profiles and track records like
owners do (the services allow it) but do not run a startup's team.
"""

import pytest

from portal.startups.models import (
    JoinRequestState,
    MemberRole,
    StartupInvitation,
    StartupJoinRequest,
    StartupMember,
)
from tests import factories

pytestmark = pytest.mark.django_db

ROLES = ["owner", "admin", "member", "moderator", "other_startup_owner", "official", "visitor"]
MEMBERS = {"owner", "admin", "member"}
MANAGERS = {"owner", "admin"}
PROFILE_EDITORS = {"owner", "admin", "moderator"}

# action: the roles allowed to do it
MATRIX = {
    "members_page": MEMBERS,
    "invite": MANAGERS,
    "invite_owner": {"owner"},
    "revoke_invitation": MANAGERS,
    "decide_join_request": MANAGERS,
    "change_role": {"owner"},
    "remove_member_confirm": MANAGERS,
    "remove_member": MANAGERS,
    "remove_admin": {"owner"},
    "track_record_form": PROFILE_EDITORS,
    "track_records": PROFILE_EDITORS,
}


@pytest.fixture
def team():
    startup = factories.StartupFactory()
    people = {
        "owner": factories.startup_member(startup, MemberRole.OWNER),
        "admin": factories.startup_member(startup, MemberRole.ADMIN),
        "member": factories.startup_member(startup, MemberRole.MEMBER),
        "moderator": factories.moderator(),
        "other_startup_owner": factories.startup_member(),
        "official": factories.official(),
        "visitor": None,
    }
    target = factories.startup_member(startup, MemberRole.MEMBER)
    target_admin = factories.startup_member(startup, MemberRole.ADMIN)
    invitation = StartupInvitation.objects.create(
        startup=startup, email="invitee@example.jp", role=MemberRole.MEMBER,
        invited_by=people["owner"],
    )  # fmt: skip
    joiner = factories.OnboardedUserFactory()
    join_request = StartupJoinRequest.objects.create(startup=startup, user=joiner)
    return {
        "startup": startup,
        "people": people,
        "target": StartupMember.objects.get(user=target),
        "target_admin": StartupMember.objects.get(user=target_admin),
        "invitation": invitation,
        "join_request": join_request,
    }


def _request(client, team, action):
    """Run `action`; returns (response, did_it_happen)."""
    slug = team["startup"].slug
    base = f"/ja/startups/{slug}"
    target, target_admin = team["target"], team["target_admin"]
    if action == "members_page":
        response = client.get(f"{base}/members/")
        return response, response.status_code == 200
    if action in ("invite", "invite_owner"):
        role = MemberRole.OWNER if action == "invite_owner" else MemberRole.MEMBER
        email = f"new-{action}@example.jp"
        response = client.post(f"{base}/members/invite/", {"email": email, "role": role})
        return response, StartupInvitation.objects.filter(email=email).exists()
    if action == "revoke_invitation":
        invitation = team["invitation"]
        response = client.post(f"{base}/invitations/{invitation.pk}/revoke/")
        invitation.refresh_from_db()
        return response, invitation.revoked_at is not None
    if action == "decide_join_request":
        join_request = team["join_request"]
        response = client.post(f"{base}/join-requests/{join_request.pk}/", {"decision": "decline"})
        join_request.refresh_from_db()
        return response, join_request.state != JoinRequestState.PENDING
    if action == "change_role":
        response = client.post(f"{base}/members/{target.pk}/role/", {"role": MemberRole.ADMIN})
        target.refresh_from_db()
        return response, target.role == MemberRole.ADMIN
    if action == "remove_member_confirm":
        response = client.get(f"{base}/members/{target.pk}/remove/")
        return response, response.status_code == 200
    if action == "remove_member":
        response = client.post(f"{base}/members/{target.pk}/remove/")
        return response, not StartupMember.objects.filter(pk=target.pk).exists()
    if action == "remove_admin":
        response = client.post(f"{base}/members/{target_admin.pk}/remove/")
        return response, not StartupMember.objects.filter(pk=target_admin.pk).exists()
    if action == "track_record_form":
        response = client.get(f"{base}/track-records/new/")
        return response, response.status_code == 200
    if action == "track_records":
        response = client.get(f"{base}/track-records/")
        return response, response.status_code == 200
    raise AssertionError(action)


@pytest.mark.parametrize("action", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_team_views_refuse_exactly_what_the_services_refuse(client, team, role, action):
    user = team["people"][role]
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    response, happened = _request(client, team, action)
    if role == "visitor":
        assert response.status_code == 302 and "/accounts/login/" in response.url
        assert not happened
    elif role in MATRIX[action]:
        assert response.status_code in (200, 302), response.status_code
        assert happened
    else:
        assert response.status_code == 403
        assert not happened
        assert "error-page" in response.content.decode()
