"""Role gates of the foundation, as a matrix of roles × pages."""

import pytest

pytestmark = pytest.mark.django_db

LOGIN = "/ja/accounts/login/"


@pytest.fixture
def users(member, pending_official, official, other_official, startup_user, moderator):
    return {
        "visitor": None,
        "member": member,
        "pending_official": pending_official,
        "official": official,
        "other_official": other_official,
        "startup_member": startup_user,
        "moderator": moderator,
    }


# role → expected (status, redirect prefix or None)
PAGE_MATRIX = {
    "/ja/onboarding/": {
        "visitor": (302, LOGIN),
        "member": (200, None),
        "pending_official": (200, None),
        "official": (200, None),
        "other_official": (200, None),
        "startup_member": (200, None),
        "moderator": (200, None),
    },
    "/ja/me/profile/": {
        "visitor": (302, LOGIN),
        "member": (200, None),
        "pending_official": (200, None),
        "official": (200, None),
        "other_official": (200, None),
        "startup_member": (200, None),
        "moderator": (200, None),
    },
    "/ja/onboarding/startup/": {
        "visitor": (302, LOGIN),
        "member": (200, None),
        "pending_official": (200, None),
        "official": (200, None),
        "other_official": (200, None),
        # Already in a startup: sent back to the status page.
        "startup_member": (302, "/ja/onboarding/"),
        "moderator": (200, None),
    },
}


@pytest.mark.parametrize("url", PAGE_MATRIX)
@pytest.mark.parametrize(
    "role",
    [
        "visitor",
        "member",
        "pending_official",
        "official",
        "other_official",
        "startup_member",
        "moderator",
    ],
)
def test_page_access_matrix(client, users, url, role):
    if users[role] is not None:
        client.force_login(users[role], backend="django.contrib.auth.backends.ModelBackend")
    response = client.get(url)
    status, location = PAGE_MATRIX[url][role]
    assert response.status_code == status
    if location:
        assert response.url.startswith(location)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("visitor", 302),
        ("member", 302),
        ("pending_official", 302),
        ("official", 302),
        ("startup_member", 302),
        ("moderator", 302),
    ],
)
def test_wagtail_admin_is_for_moderators_with_mfa(client, users, role, expected):
    """Non-moderators are bounced by Wagtail; moderators without TOTP are sent to enrol."""
    if users[role] is not None:
        client.force_login(users[role], backend="django.contrib.auth.backends.ModelBackend")
    response = client.get("/admin/")
    assert response.status_code == expected
    if role == "moderator":
        assert "/accounts/2fa/totp/activate" in response.url
    else:
        # Wagtail sends everyone without admin access to the login page.
        assert response.url.startswith(LOGIN)


def test_moderator_with_totp_reaches_wagtail_admin(client, moderator):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(user=moderator, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(moderator, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get("/admin/").status_code == 200


def test_gates_redirect_unfinished_users_and_forbid_wrong_roles(
    rf, member, official, pending_official
):
    from django.contrib.sessions.middleware import SessionMiddleware
    from django.core.exceptions import PermissionDenied

    from portal.accounts.permissions import onboarding_required, verified_official_required

    @verified_official_required
    def official_only(request):
        return "ok"

    @onboarding_required
    def onboarded_only(request):
        return "ok"

    def request_for(user):
        request = rf.get("/ja/x/")
        SessionMiddleware(lambda r: None).process_request(request)
        request.user = user
        return request

    assert official_only(request_for(official)) == "ok"
    assert official_only(request_for(member)).url == "/ja/onboarding/"
    with pytest.raises(PermissionDenied):
        official_only(request_for(pending_official))
    assert onboarded_only(request_for(pending_official)) == "ok"


@pytest.mark.urls("tests.accounts.gate_urls")
def test_403_page_explains_in_japanese(client, pending_official):
    client.force_login(pending_official, backend="django.contrib.auth.backends.ModelBackend")
    response = client.get("/ja/official-only/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "確認が完了した自治体職員のみ" in html
    assert '<html lang="ja">' in html
