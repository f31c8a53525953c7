"""Events whose sources exist notify exactly the right people (through the real services)."""

import pytest
from django.core import mail

from portal.community.models import VerificationState
from portal.core.categories import DXCategory
from portal.notifications.models import Notification
from portal.startups import services as startups
from portal.startups.models import MemberRole, Startup
from tests import factories

pytestmark = pytest.mark.django_db


def notified(kind: str) -> set[int]:
    return set(Notification.objects.filter(kind=kind).values_list("recipient_id", flat=True))


def emailed() -> set[str]:
    return {address for message in mail.outbox for address in message.to}


@pytest.fixture
def team():
    startup = factories.StartupFactory(verification_state=VerificationState.PENDING)
    owner = factories.startup_member(startup, MemberRole.OWNER)
    admin = factories.startup_member(startup, MemberRole.ADMIN)
    member = factories.startup_member(startup, MemberRole.MEMBER)
    outsider = factories.startup_member()  # another startup's owner
    return {"startup": startup, "owner": owner, "admin": admin, "member": member, "out": outsider}


def test_a_join_request_tells_the_startups_owners_and_admins_only(
    team, django_capture_on_commit_callbacks
):
    applicant = factories.OnboardedUserFactory(display_name="中村 蓮")
    with django_capture_on_commit_callbacks(execute=True):
        startups.startup_join_request_create(
            user=applicant, startup=team["startup"], message="非公開の自己紹介"
        )
    assert notified("startup_join_requested") == {team["owner"].pk, team["admin"].pk}
    assert emailed() == {team["owner"].email, team["admin"].email}
    assert all("中村 蓮" in m.subject for m in mail.outbox)


def test_a_join_decision_tells_the_applicant_only(team, django_capture_on_commit_callbacks):
    applicant = factories.OnboardedUserFactory()
    join_request = startups.startup_join_request_create(user=applicant, startup=team["startup"])
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        startups.startup_join_request_decide(
            join_request=join_request, actor=team["admin"], approve=False
        )
    assert notified("startup_join_declined") == {applicant.pk}
    assert Notification.objects.count() == 1


def test_verification_tells_the_managers_only(team, moderator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        startups.startup_verify(startup=team["startup"], actor=moderator)
    assert notified("startup_verified") == {team["owner"].pk, team["admin"].pk}
    assert emailed() == {team["owner"].email, team["admin"].email}


def test_a_rejection_reason_reaches_only_the_managers(
    team, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        startups.startup_reject(
            startup=team["startup"], actor=moderator, reason="CANARY 法人番号が一致しません"
        )
    assert notified("startup_rejected") == {team["owner"].pk, team["admin"].pk}
    for user in (team["member"], team["out"], moderator):
        assert not Notification.objects.filter(recipient=user).exists()
    assert all(m.to[0] in {team["owner"].email, team["admin"].email} for m in mail.outbox)
    assert all("CANARY" in m.body for m in mail.outbox)


def test_an_invitation_tells_the_invited_user_only(team, django_capture_on_commit_callbacks):
    invitee = factories.OnboardedUserFactory(email="invitee@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        startups.startup_invite(
            startup=team["startup"],
            actor=team["owner"],
            email="invitee@example.com",
            role=MemberRole.MEMBER,
        )
    assert notified("startup_invitation") == {invitee.pk}
    assert emailed() == {"invitee@example.com"}
    assert Startup.objects.get(pk=team["startup"].pk).name in mail.outbox[0].subject


def test_a_track_record_claim_tells_that_municipalitys_verified_officials_only(
    team, official, other_official, pending_official, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        startups.track_record_claim(
            startup=team["startup"],
            actor=team["owner"],
            municipality=official.official_profile.municipality,
            category=DXCategory.ONLINE_PROCEDURES,
            title="電子申請システムの導入",
            year=2025,
        )
    assert notified("track_record_claimed") == {official.pk}
    assert emailed() == {official.email}
