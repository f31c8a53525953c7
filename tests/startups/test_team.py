from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from portal.startups import services
from portal.startups.models import MemberRole, StartupInvitation, StartupJoinRequest, StartupMember
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def startup():
    return factories.StartupFactory(name="株式会社ミライ行政テック")


@pytest.fixture
def owner(startup):
    return factories.startup_member(startup, MemberRole.OWNER)


@pytest.fixture
def admin(startup):
    return factories.startup_member(startup, MemberRole.ADMIN)


@pytest.fixture
def plain_member(startup):
    return factories.startup_member(startup, MemberRole.MEMBER)


def _membership(user):
    return StartupMember.objects.get(user=user)


def test_last_owner_cannot_leave(owner):
    with pytest.raises(ValidationError) as error:
        services.startup_member_remove(member=_membership(owner), actor=owner)
    assert services.LAST_OWNER in error.value.messages


def test_last_owner_cannot_be_demoted(owner):
    with pytest.raises(ValidationError):
        services.startup_member_change_role(
            member=_membership(owner), actor=owner, role=MemberRole.ADMIN
        )


def test_owner_can_leave_once_another_owner_exists(owner, admin):
    services.startup_member_change_role(
        member=_membership(admin), actor=owner, role=MemberRole.OWNER
    )
    services.startup_member_remove(member=_membership(owner), actor=owner)
    assert not StartupMember.objects.filter(user=owner).exists()
    assert StartupMember.objects.get(user=admin).role == MemberRole.OWNER


def test_member_can_leave(plain_member):
    services.startup_member_remove(member=_membership(plain_member), actor=plain_member)
    assert not StartupMember.objects.filter(user=plain_member).exists()


def test_admin_removes_members_but_not_owners(owner, admin, plain_member):
    with pytest.raises(PermissionDenied):
        services.startup_member_remove(member=_membership(owner), actor=admin)
    services.startup_member_remove(member=_membership(plain_member), actor=admin)
    assert not StartupMember.objects.filter(user=plain_member).exists()


def test_only_owners_change_roles(owner, admin, plain_member):
    with pytest.raises(PermissionDenied):
        services.startup_member_change_role(
            member=_membership(plain_member), actor=admin, role=MemberRole.OWNER
        )
    with pytest.raises(PermissionDenied):
        services.startup_member_change_role(
            member=_membership(admin), actor=plain_member, role=MemberRole.MEMBER
        )


def test_another_startups_owner_cannot_touch_this_team(plain_member, other_startup_user):
    with pytest.raises(PermissionDenied):
        services.startup_member_remove(member=_membership(plain_member), actor=other_startup_user)
    with pytest.raises(PermissionDenied):
        services.startup_invite(
            startup=_membership(plain_member).startup,
            actor=other_startup_user,
            email="x@example.com",
            role="member",
        )


def test_invitation_accept_expire_and_reuse(
    startup, owner, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.startup_invite(
            startup=startup, actor=owner, email="New@Example.com", role=MemberRole.ADMIN
        )
    assert mailoutbox and invitation.get_absolute_url() in mailoutbox[-1].body
    newcomer = factories.UserFactory(email="new@example.com")
    member = services.startup_invitation_accept(invitation=invitation, user=newcomer)
    assert member.role == MemberRole.ADMIN and newcomer.is_onboarded
    with pytest.raises(ValidationError):
        services.startup_invitation_accept(invitation=invitation, user=newcomer)


def test_expired_invitation_is_refused(startup, owner):
    invitation = services.startup_invite(
        startup=startup, actor=owner, email="late@example.com", role="member"
    )
    with (
        time_machine.travel(timezone.now() + timedelta(days=7, seconds=1)),
        pytest.raises(ValidationError) as error,
    ):
        services.startup_invitation_accept(
            invitation=invitation, user=factories.UserFactory(email="late@example.com")
        )
    assert services.INVITATION_UNUSABLE in error.value.messages


def test_invitation_for_another_address_is_refused(startup, owner):
    invitation = services.startup_invite(
        startup=startup, actor=owner, email="right@example.com", role="member"
    )
    with pytest.raises(ValidationError):
        services.startup_invitation_accept(
            invitation=invitation, user=factories.UserFactory(email="wrong@example.com")
        )
    assert StartupInvitation.objects.get().accepted_at is None


def test_join_request_approval_creates_membership_and_notifies(
    startup, owner, mailoutbox, django_capture_on_commit_callbacks
):
    applicant = factories.UserFactory(email="applicant@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        join = services.startup_join_request_create(
            user=applicant, startup=startup, message="開発担当です"
        )
    assert [m.to for m in mailoutbox] == [[owner.email]]
    with django_capture_on_commit_callbacks(execute=True):
        services.startup_join_request_decide(join_request=join, actor=owner, approve=True)
    assert StartupMember.objects.get(user=applicant).role == MemberRole.MEMBER
    assert StartupJoinRequest.objects.get().state == "approved"
    assert mailoutbox[-1].to == ["applicant@example.com"]


def test_member_cannot_decide_join_requests(startup, plain_member):
    join = services.startup_join_request_create(user=factories.UserFactory(), startup=startup)
    with pytest.raises(PermissionDenied):
        services.startup_join_request_decide(join_request=join, actor=plain_member, approve=True)
