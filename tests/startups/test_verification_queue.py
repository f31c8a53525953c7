"""The moderators' startup verification queue (Wagtail admin) and its one decision service."""

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from portal.notifications.models import Notification
from portal.startups import services
from portal.startups.models import MemberRole, Startup
from tests import factories

pytestmark = pytest.mark.django_db

QUEUE = "/admin/startup-verification/"


@pytest.fixture
def admin_client(client_for, moderator):
    Authenticator.objects.create(user=moderator, type=Authenticator.Type.TOTP, data={"secret": "x"})
    return client_for(moderator)


@pytest.fixture
def team():
    startup = factories.StartupFactory(
        name="株式会社審査待ち",
        verification_state="pending",
        corporate_number="5010401067252",
        website="https://pending.example.com",
    )
    return {
        "startup": startup,
        "owner": factories.startup_member(startup, MemberRole.OWNER),
        "admin": factories.startup_member(startup, MemberRole.ADMIN),
        "member": factories.startup_member(startup, MemberRole.MEMBER),
    }


def test_queue_lists_pending_startups_with_number_website_and_members(admin_client, team):
    verified = factories.StartupFactory(name="認証済みの会社")
    response = admin_client.get(QUEUE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "株式会社審査待ち" in html and "5010401067252" in html
    assert "https://pending.example.com" in html
    assert team["owner"].email in html and team["member"].email in html
    assert verified.name not in html


def test_menu_item_shows_the_pending_count_to_moderators(admin_client, team):
    factories.StartupFactory(verification_state="pending")
    html = admin_client.get("/admin/").content.decode()
    assert "(2)" in html


@pytest.mark.parametrize("role", ["member", "official", "startup_user", "team_owner"])
def test_queue_and_decisions_are_for_moderators_only(client_for, team, role, request):
    user = team["owner"] if role == "team_owner" else request.getfixturevalue(role)
    client = client_for(user)
    for response in (
        client.get(QUEUE),
        client.get(f"{QUEUE}{team['startup'].pk}/"),
        client.post(f"{QUEUE}{team['startup'].pk}/", {"decision": "verify"}),
    ):
        assert response.status_code in {302, 403}
        assert "5010401067252" not in response.content.decode()
    assert Startup.objects.get(pk=team["startup"].pk).verification_state == "pending"


def test_verify_tells_exactly_the_owners_and_admins(
    admin_client, moderator, team, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"{QUEUE}{team['startup'].pk}/", {"decision": "verify"})
    assert response.status_code == 302
    startup = Startup.objects.get(pk=team["startup"].pk)
    assert startup.is_verified and startup.verification_decided_by == moderator
    recipients = set(
        Notification.objects.filter(kind="startup_verified").values_list("recipient", flat=True)
    )
    assert recipients == {team["owner"].pk, team["admin"].pk}
    note = Notification.objects.filter(kind="startup_verified").first()
    assert note.url.endswith(startup.get_absolute_url()) and "株式会社審査待ち" in note.title
    assert {m.to[0] for m in mail.outbox} == {team["owner"].email, team["admin"].email}
    assert not Notification.objects.exclude(kind="startup_verified").exists()


def test_reject_needs_a_reason_which_reaches_the_owners_and_admins(
    admin_client, moderator, team, django_capture_on_commit_callbacks
):
    url = f"{QUEUE}{team['startup'].pk}/"
    response = admin_client.post(url, {"decision": "reject", "reason": "  "})
    assert response.status_code == 200
    assert Startup.objects.get(pk=team["startup"].pk).verification_state == "pending"
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            url, {"decision": "reject", "reason": "法人番号が登記と一致しません"}
        )
    assert response.status_code == 302
    startup = Startup.objects.get(pk=team["startup"].pk)
    assert startup.verification_state == "rejected"
    assert startup.verification_note == "法人番号が登記と一致しません"
    notes = Notification.objects.filter(kind="startup_rejected")
    assert {n.recipient_id for n in notes} == {team["owner"].pk, team["admin"].pk}
    assert all("法人番号が登記と一致しません" in m.body for m in mail.outbox)
    # Decided: a second decision is refused with a message, not a 500.
    response = admin_client.post(url, {"decision": "verify"})
    assert response.status_code == 200
    assert Startup.objects.get(pk=team["startup"].pk).verification_state == "rejected"


def test_the_service_refuses_non_moderators_and_decided_startups(team, moderator, official):
    with pytest.raises(PermissionDenied):
        services.startup_verification_decide(startup=team["startup"], actor=official, approve=True)
    with pytest.raises(ValidationError):
        services.startup_verification_decide(
            startup=team["startup"], actor=moderator, approve=False, note=""
        )
    services.startup_verification_decide(startup=team["startup"], actor=moderator, approve=True)
    with pytest.raises(ValidationError):
        services.startup_verification_decide(
            startup=team["startup"], actor=moderator, approve=False, note="x"
        )
