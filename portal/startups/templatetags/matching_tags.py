"""The "recommended startups" panel (おすすめのスタートアップ) on a support request's page.

Community's request view knows nothing of matching or proposals: its template loads this tag,
which decides who sees the panel and fills it.
"""

from django import template

from portal.community import policies
from portal.community.models import RequestState
from portal.startups.matching import recommended_startups
from portal.startups.proposals.selectors import received_proposals_by_startup

register = template.Library()

PANEL_SIZE = 5


@register.inclusion_tag("startups/includes/recommended_startups_panel.html", takes_context=True)
def recommended_startups_panel(context, support_request):
    user = context["request"].user
    return {"recommended_startups": recommended_startups_for_request(user, support_request)}


def recommended_startups_for_request(user, support_request):
    """For the requesting officials and moderators while the request is open, else None."""
    if support_request.state != RequestState.OPEN or not (
        policies.is_requester(user, support_request)
        or (user.is_authenticated and user.is_moderator)
    ):
        return None
    matches = recommended_startups(support_request=support_request, limit=PANEL_SIZE)
    proposals = received_proposals_by_startup(
        support_request=support_request, startup_ids=[match.obj.pk for match in matches]
    )
    for match in matches:
        match.request_proposal = proposals.get(match.obj.pk)
        # Requesters read every received proposal except hidden ones; moderators read all.
        match.request_proposal_readable = match.request_proposal is not None and (
            user.is_moderator or match.request_proposal.hidden_at is None
        )
    return matches
