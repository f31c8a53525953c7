"""The proposals panel on a support request's page, so the request view needs no knowledge of
proposals: startup members get "Propose" (or a link to their active proposal), the requesting and
co-sponsoring officials and moderators a link to the comparison, members of the request's
co-creation channel a link to it. Nothing private is rendered."""

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.translation import gettext as _

from portal.cocreation.selectors import subject_channel_for_member
from portal.startups.proposals import policies, selectors

register = template.Library()


@register.inclusion_tag("startups/proposals/includes/request_panel.html", takes_context=True)
def proposal_panel(context, support_request):
    user = context["request"].user
    own = None
    can_propose = False
    if user.is_authenticated and user.is_startup_member:
        own = selectors.active_proposal_of(
            startup=user.startup_membership.startup, support_request=support_request
        )
        can_propose = own is None and policies.can_propose(user, support_request)
    return {
        "support_request": support_request,
        "own_proposal": own,
        "can_propose": can_propose,
        "can_compare": policies.can_compare(user, support_request),
        "channel": subject_channel_for_member(user=user, subject=support_request),
    }


@register.filter
def proposal_state(state: str) -> str:
    """The label of a proposal state as the proposal pages show it."""
    return selectors.state_label(state)


@register.filter
def yen(amount) -> str:
    """An amount in yen with thousands separators: "3,000,000 円" / "3,000,000 yen"."""
    if amount is None:
        return ""
    return _("%(amount)s yen") % {"amount": intcomma(amount)}
