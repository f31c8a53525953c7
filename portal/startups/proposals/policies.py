"""Who may read or act on a proposal. Default-deny; small pure functions (plus, for officials, the
request's accepted co-sponsors, read from the ``accepted_joins`` prefetch when present).

The audience of a proposal (its body, cost, timeline, attachments, decision message):

* members of the proposing startup (they write, submit, edit until the deadline, withdraw);
* verified officials of the requesting municipality (they read and DECIDE: shortlist, decline,
  select) — never drafts;
* verified officials of co-sponsoring municipalities (accepted joins): they READ but do not
  decide (the posting municipality runs the procurement) — never drafts;
* moderators: they READ (to handle reports) but do not decide.

A proposal hidden by a moderator stays visible only to its startup's members and moderators.
Everybody else gets 404 and learns nothing; request pages show at most a public count.
"""

from django.utils.translation import gettext_lazy as _

from portal.community import policies as request_policies
from portal.startups.models import Proposal, ProposalState
from portal.startups.permissions import membership_in

DECIDABLE_STATES = frozenset({ProposalState.SUBMITTED, ProposalState.SHORTLISTED})
WITHDRAWABLE_STATES = frozenset(
    {ProposalState.DRAFT, ProposalState.SUBMITTED, ProposalState.SHORTLISTED}
)
# The request states in which the requesting officials may still decide on proposals.
DECIDING_REQUEST_STATES = frozenset({"open", "selecting", "co_creating"})

NOT_PROPOSER = _("Only members of the proposing startup can do this.")
NOT_DECIDER = _(
    "Only verified officials of the municipality that posted the request can decide on proposals."
)
NOT_ACCEPTING = _(
    "This request no longer accepts proposals (the deadline has passed or it closed)."
)
NOT_EDITABLE = _("This proposal can no longer be changed.")
NOT_DECIDABLE = _("A decision can no longer be made on this proposal in its current state.")
CANNOT_PROPOSE = _("Only members of a startup can send proposals, while the request is open.")


def _is_moderator(user) -> bool:
    return bool(user.is_authenticated and user.is_moderator)


def is_proposer(user, proposal: Proposal) -> bool:
    """A member of the startup that wrote the proposal."""
    return bool(user.is_authenticated and membership_in(user, proposal.startup))


def is_requesting_official(user, proposal: Proposal) -> bool:
    return request_policies.is_owner_official(user, proposal.support_request)


def is_reader_official(user, proposal: Proposal) -> bool:
    """Verified officials of the requesting or a co-sponsoring municipality."""
    return request_policies.is_requester(user, proposal.support_request)


def can_view(user, proposal: Proposal) -> bool:
    if not user.is_authenticated:
        return False
    if is_proposer(user, proposal) or _is_moderator(user):
        return True
    if proposal.hidden_at is not None or proposal.state == ProposalState.DRAFT:
        return False
    return is_reader_official(user, proposal)


def can_edit(user, proposal: Proposal, now=None) -> bool:
    """Drafts while the request accepts proposals; submitted ones until the deadline."""
    if not is_proposer(user, proposal):
        return False
    if proposal.state not in {ProposalState.DRAFT, ProposalState.SUBMITTED}:
        return False
    return proposal.support_request.accepts_proposals(now)


def can_submit(user, proposal: Proposal, now=None) -> bool:
    return (
        is_proposer(user, proposal)
        and proposal.state == ProposalState.DRAFT
        and proposal.support_request.accepts_proposals(now)
    )


def can_withdraw(user, proposal: Proposal) -> bool:
    return is_proposer(user, proposal) and proposal.state in WITHDRAWABLE_STATES


def can_decide(user, proposal: Proposal) -> bool:
    """Shortlist, decline or select: the requesting municipality's verified officials only."""
    return (
        proposal.hidden_at is None
        and proposal.state in DECIDABLE_STATES
        and proposal.support_request.state in DECIDING_REQUEST_STATES
        and is_requesting_official(user, proposal)
    )


def can_shortlist(user, proposal: Proposal) -> bool:
    return can_decide(user, proposal) and proposal.state == ProposalState.SUBMITTED


def can_propose(user, support_request, now=None) -> bool:
    """A startup member, on a request they can read that still accepts proposals."""
    return bool(
        user.is_authenticated
        and user.is_startup_member
        and support_request.hidden_at is None
        and request_policies.can_view(user, support_request)
        and support_request.accepts_proposals(now)
    )


def can_compare(user, support_request) -> bool:
    """The side-by-side view: requesting and co-sponsoring officials, and moderators."""
    return _is_moderator(user) or request_policies.is_requester(user, support_request)
