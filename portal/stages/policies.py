"""Who may do what with a stage tracker. Default-deny; small pure functions.

* Details, documents and history: the request's officials (posting and co-sponsoring
  municipality), members of the selected startups, moderators.
* Moving stages, stopping, editing details, confirming updates: verified officials of the
  municipality that posted the request, and nobody else (not co-sponsors, not moderators).
* Proposing updates (dates, KPI results, documents): members of a selected startup.
"""

from django.utils.translation import gettext_lazy as _

from portal.community import policies as request_policies
from portal.stages.models import CoCreation

NOT_OWNER = _("Only verified officials of the municipality that posted the request move stages.")
NOT_SELECTED_STARTUP = _("Only members of a selected startup can propose updates.")
CLOSED = _("This co-creation is finished; its stages can no longer change.")


def selected_startup_ids(tracker: CoCreation) -> set[int]:
    cached = getattr(tracker, "_selected_startup_ids", None)
    if cached is None:
        cached = set(
            tracker.support_request.proposals.filter(state="selected").values_list(
                "startup_id", flat=True
            )
        )
        tracker._selected_startup_ids = cached
    return cached


def is_selected_startup_member(user, tracker: CoCreation) -> bool:
    if not (user.is_authenticated and user.is_startup_member):
        return False
    return user.startup_membership.startup_id in selected_startup_ids(tracker)


def is_owner(user, tracker: CoCreation) -> bool:
    return request_policies.is_owner_official(user, tracker.support_request)


def can_view_details(user, tracker: CoCreation) -> bool:
    if not user.is_authenticated:
        return False
    return (
        user.is_moderator
        or request_policies.is_requester(user, tracker.support_request)
        or is_selected_startup_member(user, tracker)
    )


def can_move(user, tracker: CoCreation) -> bool:
    return not tracker.is_closed and is_owner(user, tracker)


def can_propose(user, tracker: CoCreation) -> bool:
    return not tracker.is_closed and is_selected_startup_member(user, tracker)
