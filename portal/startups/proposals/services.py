"""Writes of proposals: draft, edit, submit, withdraw, attachments, and the requesting
municipality's decisions (shortlist, decline, select). Every change of state leaves a
ProposalTransition; notifications go out once the transaction has committed and never carry the
proposal's content (only the request's title and the names of the parties)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.accounts.models import User
from portal.community.models import JoinState, OfficialProfile, RequestState, VerificationState
from portal.community.services import support_requests as request_services
from portal.core.uploads import attachment_delete, attachment_fill
from portal.notifications.services import notify
from portal.startups.models import (
    Proposal,
    ProposalAttachment,
    ProposalState,
    ProposalTransition,
    StartupMember,
)
from portal.startups.proposals import policies

MAX_ATTACHMENTS = 10
EDITABLE_FIELDS = ("summary", "body", "estimated_cost_yen", "timeline")

ALREADY_PROPOSED = _(
    "Your startup already has a proposal for this request. Open it to edit or withdraw it."
)
TOO_MANY_ATTACHMENTS = _("A proposal can have at most %(limit)d attachments.")
DECLINE_MESSAGE_REQUIRED = _("Write a short message to the startup: it is sent with the decision.")


def _locked(proposal: Proposal) -> Proposal:
    """The proposal re-read under a row lock, with what the policies need."""
    return (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("support_request__municipality", "startup")
        .get(pk=proposal.pk)
    )


def _record(proposal: Proposal, *, to_state: str, actor: User, message: str = "") -> None:
    ProposalTransition.objects.create(
        proposal=proposal,
        from_state=proposal.state,
        to_state=to_state,
        actor=actor,
        message=message,
    )
    proposal.state = to_state


def _clean(fields: dict) -> dict:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not editable: {sorted(unknown)}")
    return {
        name: value.strip() if isinstance(value, str) and name != "body" else value
        for name, value in fields.items()
    }


def _save(proposal: Proposal) -> Proposal:
    # The author may be gone (SET_NULL when an account is deleted); the proposal stays valid.
    proposal.full_clean(exclude=["author"], validate_constraints=False)
    try:
        with transaction.atomic():
            proposal.save()
    except IntegrityError as error:
        raise ValidationError(ALREADY_PROPOSED, code="already_proposed") from error
    return proposal


@transaction.atomic
def proposal_create(*, support_request, actor: User, submit: bool = False, **fields) -> Proposal:
    """A draft (or, with `submit`, a submitted proposal) of the actor's startup."""
    if not policies.can_propose(actor, support_request):
        raise PermissionDenied(policies.CANNOT_PROPOSE)
    startup = actor.startup_membership.startup
    if Proposal.objects.active().filter(startup=startup, support_request=support_request).exists():
        raise ValidationError(ALREADY_PROPOSED, code="already_proposed")
    proposal = Proposal(
        support_request=support_request, startup=startup, author=actor, **_clean(fields)
    )
    _save(proposal)
    ProposalTransition.objects.create(
        proposal=proposal, from_state="", to_state=ProposalState.DRAFT, actor=actor
    )
    if submit:
        proposal = proposal_submit(proposal=proposal, actor=actor)
    return proposal


@transaction.atomic
def proposal_update(*, proposal: Proposal, actor: User, **fields) -> Proposal:
    """Edit a draft, or a submitted proposal until the request's deadline (Japan time)."""
    proposal = _locked(proposal)
    if not policies.can_edit(actor, proposal):
        raise PermissionDenied(policies.NOT_EDITABLE)
    for name, value in _clean(fields).items():
        setattr(proposal, name, value)
    return _save(proposal)


@transaction.atomic
def proposal_submit(*, proposal: Proposal, actor: User) -> Proposal:
    """draft → submitted; the requesting and co-sponsoring officials are told."""
    proposal = _locked(proposal)
    if not policies.is_proposer(actor, proposal):
        raise PermissionDenied(policies.NOT_PROPOSER)
    if not policies.can_submit(actor, proposal):
        raise ValidationError(policies.NOT_ACCEPTING, code="not_accepting")
    _record(proposal, to_state=ProposalState.SUBMITTED, actor=actor)
    proposal.submitted_at = timezone.now()
    _save(proposal)
    _notify_on_commit("proposal_submitted", proposal, recipients=_reader_officials, actor=actor)
    return proposal


@transaction.atomic
def proposal_withdraw(*, proposal: Proposal, actor: User, reason: str = "") -> Proposal:
    """Draft, submitted or shortlisted → withdrawn (a new proposal may follow while open)."""
    proposal = _locked(proposal)
    if not policies.can_withdraw(actor, proposal):
        raise PermissionDenied(policies.NOT_EDITABLE)
    _record(proposal, to_state=ProposalState.WITHDRAWN, actor=actor, message=reason.strip())
    proposal.withdrawn_at = timezone.now()
    return _save(proposal)


def _decide(proposal: Proposal, *, actor: User, to_state: str, message: str = "") -> Proposal:
    proposal = _locked(proposal)
    if not policies.is_requesting_official(actor, proposal):
        raise PermissionDenied(policies.NOT_DECIDER)
    allowed = (
        policies.can_shortlist if to_state == ProposalState.SHORTLISTED else policies.can_decide
    )
    if not allowed(actor, proposal):
        raise ValidationError(policies.NOT_DECIDABLE, code="not_decidable")
    _record(proposal, to_state=to_state, actor=actor, message=message)
    proposal.decided_at = timezone.now()
    proposal.decided_by = actor
    return proposal


@transaction.atomic
def proposal_shortlist(*, proposal: Proposal, actor: User) -> Proposal:
    """submitted → shortlisted; the startup's members are told."""
    proposal = _decide(proposal, actor=actor, to_state=ProposalState.SHORTLISTED)
    _save(proposal)
    _notify_on_commit("proposal_shortlisted", proposal, recipients=_startup_members, actor=actor)
    return proposal


@transaction.atomic
def proposal_decline(*, proposal: Proposal, actor: User, message: str) -> Proposal:
    """submitted/shortlisted → declined with a message, which the startup's members receive."""
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": DECLINE_MESSAGE_REQUIRED})
    proposal = _decide(proposal, actor=actor, to_state=ProposalState.DECLINED, message=message)
    proposal.decision_message = message
    _save(proposal)
    _notify_on_commit(
        "proposal_declined",
        proposal,
        recipients=_startup_members,
        actor=actor,
        extra={"reason": message},
    )
    return proposal


@transaction.atomic
def proposal_select(*, proposal: Proposal, actor: User, message: str = "") -> Proposal:
    """submitted/shortlisted → selected. The request moves on to co-creation (open → selecting →
    co_creating, through the request's own services) and its co-creation channel opens with the
    requesting and co-sponsoring officials and the members of every selected startup; selecting
    another startup later adds its members to the same channel."""
    proposal = _decide(
        proposal, actor=actor, to_state=ProposalState.SELECTED, message=(message or "").strip()
    )
    _save(proposal)
    support_request = proposal.support_request
    if support_request.state == RequestState.OPEN:
        support_request = request_services.support_request_start_selection(
            support_request=support_request, actor=actor
        )
    if support_request.state == RequestState.SELECTING:
        support_request = request_services.support_request_start_co_creation(
            support_request=support_request, actor=actor
        )
    from portal.cocreation.services import channel_open_for_support_request

    selected_members = User.objects.filter(
        is_active=True,
        startup_memberships__startup__proposals__support_request=support_request,
        startup_memberships__startup__proposals__state=ProposalState.SELECTED,
    ).distinct()
    channel = channel_open_for_support_request(
        support_request=support_request,
        officials=list(_reader_officials(proposal)),
        startup_members=list(selected_members),
        actor=actor,
        told_elsewhere=list(_startup_members(proposal)),
    )
    _notify_on_commit(  # one notification for the startup, leading to the channel it joined
        "proposal_selected",
        proposal,
        recipients=_startup_members,
        actor=actor,
        extra={"url": channel.get_absolute_url()},
    )
    return proposal


# --- Attachments -------------------------------------------------------------------------------


@transaction.atomic
def proposal_attachment_add(*, proposal: Proposal, actor: User, upload) -> ProposalAttachment:
    """Store `upload` (checked by size and content, see portal.core.uploads)."""
    proposal = _locked(proposal)
    if not policies.can_edit(actor, proposal):
        raise PermissionDenied(policies.NOT_EDITABLE)
    if proposal.attachments.count() >= MAX_ATTACHMENTS:
        raise ValidationError(
            TOO_MANY_ATTACHMENTS, code="too_many", params={"limit": MAX_ATTACHMENTS}
        )
    attachment = attachment_fill(
        attachment=ProposalAttachment(proposal=proposal), upload=upload, uploaded_by=actor
    )
    attachment.full_clean()
    attachment.save()
    return attachment


@transaction.atomic
def proposal_attachment_delete(*, attachment: ProposalAttachment, actor: User) -> None:
    if not policies.can_edit(actor, _locked(attachment.proposal)):
        raise PermissionDenied(policies.NOT_EDITABLE)
    attachment_delete(attachment=attachment)


# --- Recipients and notifications --------------------------------------------------------------


def _reader_officials(proposal: Proposal):
    """Verified, active officials of the requesting and co-sponsoring municipalities."""
    support_request = proposal.support_request
    municipality_ids = {support_request.municipality_id} | set(
        support_request.joins.filter(state=JoinState.ACCEPTED).values_list(
            "municipality_id", flat=True
        )
    )
    return User.objects.filter(
        is_active=True,
        pk__in=OfficialProfile.objects.filter(
            municipality_id__in=municipality_ids, verification_state=VerificationState.VERIFIED
        ).values("user_id"),
    ).order_by("pk")


def _startup_members(proposal: Proposal):
    return User.objects.filter(
        is_active=True,
        pk__in=StartupMember.objects.filter(startup_id=proposal.startup_id).values("user_id"),
    ).order_by("pk")


def _notify_on_commit(kind: str, proposal: Proposal, *, recipients, actor, extra=None) -> None:
    """Names and the request's title only: the proposal itself stays in the portal."""
    context = {
        "request_title": proposal.support_request.title,
        "startup_name": proposal.startup.name,
        "municipality_name": proposal.support_request.municipality.full_name,
        **(extra or {}),
    }
    people = [person for person in recipients(proposal) if person != actor]
    transaction.on_commit(
        lambda: notify(kind=kind, recipients=people, target=proposal, actor=actor, context=context)
    )
