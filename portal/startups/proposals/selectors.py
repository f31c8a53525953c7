"""Reads of proposals. Every getter by id checks the reader; 404 for whoever is not in the
proposal's audience (see ``policies``), so nobody learns a proposal exists through its URL."""

import datetime

from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.utils.translation import pgettext_lazy

from portal.community import selectors as request_selectors
from portal.community.models import JoinState, SupportRequestJoin
from portal.community.models.support_requests import deadline_today
from portal.startups.models import (
    ACTIVE_PROPOSAL_STATES,
    Proposal,
    ProposalAttachment,
    ProposalState,
    ProposalTransition,
    TrackRecordState,
)
from portal.startups.proposals import policies

# Open requests whose deadline is this close are highlighted on the startup's dashboard.
DEADLINE_SOON_DAYS = 7
DASHBOARD_STATE_ORDER = (
    ProposalState.DRAFT,
    ProposalState.SUBMITTED,
    ProposalState.SHORTLISTED,
    ProposalState.SELECTED,
    ProposalState.DECLINED,
    ProposalState.WITHDRAWN,
)
AWAITING_REVIEW_STATES = (ProposalState.SUBMITTED, ProposalState.SHORTLISTED)
# How states read in the proposal pages ("Submitted" alone is a date column elsewhere).
STATE_LABELS = {
    **{state: state.label for state in ProposalState},
    ProposalState.SUBMITTED: pgettext_lazy("proposal state", "Submitted"),
}


def state_label(state: str) -> str:
    return STATE_LABELS.get(state, state)


def _accepted_joins():
    return Prefetch(
        "support_request__joins",
        queryset=SupportRequestJoin.objects.filter(state=JoinState.ACCEPTED),
        to_attr="accepted_joins",
    )


def _detail_queryset():
    return Proposal.objects.select_related(
        "support_request__municipality__prefecture",
        "support_request__municipality__parent",
        "startup",
        "author",
        "decided_by",
    ).prefetch_related(
        _accepted_joins(),
        Prefetch("attachments", queryset=ProposalAttachment.objects.all()),
        Prefetch("transitions", queryset=ProposalTransition.objects.select_related("actor")),
    )


def proposal_get_for_user(*, user, pk) -> Proposal:
    """The proposal `pk` if `user` is in its audience; 404 otherwise."""
    proposal = _detail_queryset().filter(pk=pk).first()
    if proposal is None or not policies.can_view(user, proposal):
        raise Http404
    return proposal


def proposal_get_for_proposer(*, user, pk) -> Proposal:
    """A proposal of the user's own startup (edit, withdraw, attachments); 404 otherwise."""
    proposal = proposal_get_for_user(user=user, pk=pk)
    if not policies.is_proposer(user, proposal):
        raise Http404
    return proposal


def attachment_get_for_user(*, user, proposal_pk, pk) -> ProposalAttachment:
    proposal = proposal_get_for_user(user=user, pk=proposal_pk)
    attachment = next((a for a in proposal.attachments.all() if a.pk == pk), None)
    if attachment is None:
        raise Http404
    return attachment


def request_get_for_proposal(*, user, pk):
    """The request a new proposal answers (it must be readable; acting is checked later)."""
    return request_selectors.support_request_get_for_user(user=user, pk=pk)


def request_get_for_compare(*, user, pk):
    """The request whose proposals `user` may compare; 404 for anyone else."""
    support_request = request_selectors.support_request_get_for_user(user=user, pk=pk)
    if not policies.can_compare(user, support_request):
        raise Http404
    return support_request


def active_proposal_of(*, startup, support_request) -> Proposal | None:
    return (
        Proposal.objects.active()
        .filter(startup=startup, support_request=support_request)
        .only("pk", "state", "startup_id", "support_request_id")
        .first()
    )


def proposals_for_comparison(*, support_request):
    """Received proposals side by side, in a fixed number of queries whatever their number.

    Drafts, withdrawn and hidden proposals are left out.
    """
    return (
        Proposal.objects.filter(support_request=support_request, hidden_at__isnull=True)
        .exclude(state__in=[ProposalState.DRAFT, ProposalState.WITHDRAWN])
        .select_related("startup")
        .annotate(
            confirmed_records=Count(
                "startup__track_records",
                filter=Q(startup__track_records__state=TrackRecordState.CONFIRMED),
            ),
            attachment_count=Count("attachments", distinct=True),
        )
        .order_by("estimated_cost_yen", "submitted_at", "pk")
    )


def proposals_of_startup(*, startup, now=None):
    """The startup's proposals grouped by state (in DASHBOARD_STATE_ORDER), each flagged when its
    request's deadline is near and it can still be worked on."""
    today = deadline_today(now)
    soon = today + datetime.timedelta(days=DEADLINE_SOON_DAYS)
    proposals = list(
        Proposal.objects.filter(startup=startup)
        .select_related("support_request__municipality")
        .order_by("support_request__proposal_deadline", "-created_at")
    )
    groups = {state: [] for state in DASHBOARD_STATE_ORDER}
    for proposal in proposals:
        deadline = proposal.support_request.proposal_deadline
        proposal.deadline_soon = bool(
            proposal.state in ACTIVE_PROPOSAL_STATES
            and proposal.support_request.state == "open"
            and deadline is not None
            and today <= deadline <= soon
        )
        groups[proposal.state].append(proposal)
    return [
        {"state": state, "label": state_label(state), "proposals": groups[state]}
        for state in DASHBOARD_STATE_ORDER
    ]


def proposals_awaiting_review(*, official):
    """Submitted and shortlisted proposals on requests the official's municipality posted or
    co-sponsors (hidden ones excluded), oldest first."""
    from portal.community.models import SupportRequest

    municipality = official.official_profile.municipality
    requests = SupportRequest.objects.involving_municipality(municipality).values("pk")
    return (
        Proposal.objects.filter(
            support_request__in=requests,
            state__in=AWAITING_REVIEW_STATES,
            hidden_at__isnull=True,
        )
        .select_related("startup", "support_request__municipality")
        .order_by("support_request__proposal_deadline", "submitted_at", "pk")
    )


def received_proposals_by_startup(*, support_request, startup_ids) -> dict[int, Proposal]:
    """{startup id: its latest received, not withdrawn proposal to `support_request`} for the
    given startups, in one query (the request page's recommended startups mark them)."""
    proposals = (
        Proposal.objects.received()
        .exclude(state=ProposalState.WITHDRAWN)
        .filter(support_request=support_request, startup_id__in=startup_ids)
        .only("pk", "startup_id", "state", "hidden_at", "created_at")
        .order_by("created_at", "pk")
    )
    return {proposal.startup_id: proposal for proposal in proposals}
