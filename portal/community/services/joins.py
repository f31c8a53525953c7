"""Joint requests (共同): another municipality shares the problem; the owner answers."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.accounts.models import User
from portal.community import policies
from portal.community.models import (
    JoinState,
    SupportRequest,
    SupportRequestJoin,
    VerificationState,
)
from portal.community.models.municipalities import OfficialProfile
from portal.notifications.services import notify

ALREADY_JOINED = _("Your municipality has already asked to join this request.")
NOT_PENDING = _("This request to join has already been answered.")


def _officials_of(municipality_id) -> list[User]:
    profiles = OfficialProfile.objects.filter(
        municipality_id=municipality_id,
        verification_state=VerificationState.VERIFIED,
        user__is_active=True,
    ).select_related("user")
    return [profile.user for profile in profiles]


@transaction.atomic
def support_request_join_ask(
    *, support_request: SupportRequest, user: User, comment: str = ""
) -> SupportRequestJoin:
    """A verified official of another municipality asks to co-sponsor an open request.

    The requesting municipality's officials are told (without the comment, which they read on
    the page).
    """
    support_request = SupportRequest.objects.select_for_update().get(pk=support_request.pk)
    if not policies.can_ask_to_join(user, support_request):
        raise PermissionDenied(policies.CANNOT_JOIN)
    municipality = user.official_profile.municipality
    active = support_request.joins.filter(
        municipality=municipality, state__in=[JoinState.PENDING, JoinState.ACCEPTED]
    )
    if active.exists():
        raise ValidationError(ALREADY_JOINED, code="already_joined")
    join = SupportRequestJoin(
        support_request=support_request,
        municipality=municipality,
        requested_by=user,
        comment=(comment or "").strip(),
    )
    join.full_clean()
    join.save()
    notify(
        kind="request_join_asked",
        recipients=_officials_of(support_request.municipality_id),
        target=support_request,
        actor=user,
        context={"municipality_name": str(municipality), "request_title": support_request.title},
    )
    return join


def _pending_join_for_decision(join: SupportRequestJoin, actor: User) -> SupportRequestJoin:
    join = (
        SupportRequestJoin.objects.select_for_update(of=("self",))
        .select_related("support_request", "municipality__prefecture", "requested_by")
        .get(pk=join.pk)
    )
    if not policies.can_decide_joins(actor, join.support_request):
        raise PermissionDenied(policies.NOT_REQUESTING_OFFICIAL)
    if join.state != JoinState.PENDING:
        raise ValidationError(NOT_PENDING, code="not_pending")
    return join


def _decide(join: SupportRequestJoin, actor: User, state: str) -> SupportRequestJoin:
    join.state = state
    join.decided_by = actor
    join.decided_at = timezone.now()
    join.full_clean()
    join.save()
    notify(
        kind=f"request_join_{state}",
        recipients=[join.requested_by],
        target=join.support_request,
        actor=actor,
        context={
            "municipality_name": str(join.support_request.municipality),
            "request_title": join.support_request.title,
        },
    )
    return join


@transaction.atomic
def support_request_join_accept(*, join: SupportRequestJoin, actor: User) -> SupportRequestJoin:
    """The municipality becomes a co-sponsor: it acts as a requester from now on."""
    join = _pending_join_for_decision(join, actor)
    SupportRequest.objects.filter(pk=join.support_request_id).update(
        municipality_count=F("municipality_count") + 1
    )
    return _decide(join, actor, JoinState.ACCEPTED)


@transaction.atomic
def support_request_join_decline(*, join: SupportRequestJoin, actor: User) -> SupportRequestJoin:
    join = _pending_join_for_decision(join, actor)
    return _decide(join, actor, JoinState.DECLINED)


@transaction.atomic
def support_request_join_withdraw(*, join: SupportRequestJoin, actor: User) -> SupportRequestJoin:
    """The joining municipality takes back its request, or leaves as a co-sponsor."""
    join = SupportRequestJoin.objects.select_for_update().get(pk=join.pk)
    if not policies.can_withdraw_join(actor, join):
        raise PermissionDenied(policies.CANNOT_JOIN)
    if join.state == JoinState.ACCEPTED:
        SupportRequest.objects.filter(pk=join.support_request_id).update(
            municipality_count=F("municipality_count") - 1
        )
    join.state = JoinState.WITHDRAWN
    join.full_clean()
    join.save()
    return join
