"""Only moderators (who passed the admin's MFA gate) reach the queue, actions and audit log."""

import pytest

from portal.moderation import services
from portal.moderation.models import AuditEntry, Report
from tests import factories
from tests.moderation.conftest import ROLES, with_totp

pytestmark = pytest.mark.django_db

ACTIONS = [
    "dismiss",
    "hide",
    "restore",
    "warn",
    "suspend",
    "reinstate",
    "revoke_official",
    "revoke_startup",
]


@pytest.fixture
def reported(member, official):
    support_request = factories.support_request(author=official, title="公民館予約のオンライン化")
    services.report_create(reporter=member, target=support_request, reason="spam")
    return support_request


def get_urls(target):
    base = "/admin/moderation/"
    return [
        base,
        f"{base}?kind=support_request&reason=spam&sort=most",
        f"{base}users/",
        f"{base}users/?q=example",
        f"{base}audit/",
        f"{base}audit/export.csv",
        f"{base}support_request/{target.pk}/",
        f"{base}user/{target.author_id}/",
    ]


def post_urls(target):
    base = "/admin/moderation/"
    return [f"{base}bulk/"] + [f"{base}support_request/{target.pk}/{a}/" for a in ACTIONS]


def _state(target):
    target.refresh_from_db()
    target.author.refresh_from_db()
    return (
        target.hidden_at,
        target.author.is_active,
        AuditEntry.objects.count(),
        Report.objects.filter(status="open").count(),
    )


@pytest.mark.parametrize("role", ROLES)
def test_other_roles_get_nothing_from_the_console(role, as_role, reported):
    client = as_role(role)
    for url in get_urls(reported):
        response = client.get(url)
        assert response.status_code in {302, 403}, url
        assert "公民館" not in response.content.decode()
    before = _state(reported)
    for url in post_urls(reported):
        response = client.post(
            url, {"reason": "理由", "action": "hide", "targets": f"support_request:{reported.pk}"}
        )
        assert response.status_code in {302, 403}, url
        if response.status_code == 302:
            assert response["Location"].startswith("/ja/accounts/login/")
    assert _state(reported) == before


def test_a_moderator_without_mfa_is_sent_to_set_it_up(client_for, moderator, reported):
    client = client_for(moderator)
    for url in get_urls(reported):
        response = client.get(url)
        assert response.status_code == 302 and "/2fa/totp/activate/" in response["Location"], url
    before = _state(reported)
    response = client.post(
        f"/admin/moderation/support_request/{reported.pk}/hide/", {"reason": "x"}
    )
    assert response.status_code == 302 and "/2fa/totp/activate/" in response["Location"]
    assert _state(reported) == before


def test_a_moderator_with_mfa_reads_every_page(admin_client, reported):
    for url in get_urls(reported):
        response = admin_client.get(url)
        assert response.status_code == 200, url


def test_a_staff_editor_who_is_not_a_moderator_is_refused(client_for, reported):
    editor = with_totp(factories.OnboardedUserFactory(is_staff=True, is_superuser=False))
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = client_for(editor)
    for url in get_urls(reported):
        response = client.get(url)
        # Wagtail turns PermissionDenied into a redirect to the admin home with a message.
        assert (response.status_code, response.get("Location")) in {(302, "/admin/"), (403, None)}
        assert "公民館" not in response.content.decode()
    before = _state(reported)
    for url in post_urls(reported):
        response = client.post(url, {"reason": "x"})
        assert (response.status_code, response.get("Location")) in {(302, "/admin/"), (403, None)}
    assert _state(reported) == before
