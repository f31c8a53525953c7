"""Who may do what with a support request. Default-deny; every rule is a small pure function.

Views use these through the permission-checked getters in ``selectors``; services call them
again before writing (a service may be reached from elsewhere than a view). Messages are
constants so tests can import them.
"""

from django.utils.translation import gettext_lazy as _

from portal.community.models import JoinState, RequestState, SupportRequest, Visibility
from portal.community.models.support_requests import EDITABLE_STATES

NOT_REQUESTING_OFFICIAL = _(
    "Only verified officials of the municipality that posted this request can do this."
)
NOT_EDITABLE = _("This request can no longer be edited in its current state.")
NOT_VERIFIED_FOR_PRIVATE = _("Sign in as a verified member to see this.")
CANNOT_JOIN = _(
    "Only verified officials of another municipality can join a request, while it is open."
)


def _municipality_id(user):
    if not (user.is_authenticated and user.is_verified_official):
        return None
    return user.official_profile.municipality_id


def is_owner_official(user, support_request: SupportRequest) -> bool:
    """A verified official of the municipality that posted the request."""
    municipality_id = _municipality_id(user)
    return municipality_id is not None and municipality_id == support_request.municipality_id


def co_sponsor_municipality_ids(support_request: SupportRequest) -> set[str]:
    joins = getattr(support_request, "accepted_joins", None)
    if joins is None:
        joins = support_request.joins.filter(state=JoinState.ACCEPTED)
    return {join.municipality_id for join in joins}


def is_requester(user, support_request: SupportRequest) -> bool:
    """Owner officials and officials of co-sponsoring municipalities: they act as requesters
    (read proposals, join the co-creation channel)."""
    municipality_id = _municipality_id(user)
    if municipality_id is None:
        return False
    return municipality_id == support_request.municipality_id or (
        municipality_id in co_sponsor_municipality_ids(support_request)
    )


def can_view(user, support_request: SupportRequest) -> bool:
    """Mirrors ``SupportRequestQuerySet.visible_to``."""
    if user.is_authenticated and user.is_moderator:
        return True
    if support_request.hidden_at is not None or not support_request.is_published:
        return is_owner_official(user, support_request)
    if support_request.visibility == Visibility.PUBLIC:
        return True
    return bool(user.is_authenticated and user.is_verified)


def can_view_private(user, support_request: SupportRequest) -> bool:
    """Contact person, attachments, join comments, who changed the state and why."""
    return can_view(user, support_request) and bool(user.is_authenticated and user.is_verified)


def can_edit(user, support_request: SupportRequest) -> bool:
    return is_owner_official(user, support_request) and support_request.state in EDITABLE_STATES


def can_manage_attachments(user, support_request: SupportRequest) -> bool:
    return can_edit(user, support_request)


def can_transition(user, support_request: SupportRequest, to_state: str) -> bool:
    """Owner officials run their request; moderators may move it too (e.g. withdraw it)."""
    if to_state not in support_request.allowed_next_states():
        return False
    if user.is_authenticated and user.is_moderator and to_state != RequestState.OPEN:
        return True
    return is_owner_official(user, support_request)


def can_ask_to_join(user, support_request: SupportRequest) -> bool:
    municipality_id = _municipality_id(user)
    return (
        municipality_id is not None
        and municipality_id != support_request.municipality_id
        and support_request.state == RequestState.OPEN
    )


def can_decide_joins(user, support_request: SupportRequest) -> bool:
    return is_owner_official(user, support_request)


def can_withdraw_join(user, join) -> bool:
    return _municipality_id(user) == join.municipality_id and join.state in {
        JoinState.PENDING,
        JoinState.ACCEPTED,
    }


def can_make_case_study(user, support_request: SupportRequest) -> bool:
    return bool(
        user.is_authenticated and (user.is_moderator or is_owner_official(user, support_request))
    )
