import pytest
from django.core.management import call_command

from portal.accounts.models import User
from portal.cocreation.models import Channel
from portal.community.models import RequestState, SupportRequest
from portal.startups.models import Proposal, ProposalState
from portal.startups.proposals import selectors

pytestmark = pytest.mark.django_db


def test_demo_proposals_cover_every_state_and_the_demo_logins(settings):
    settings.DEBUG = True
    call_command("seed_demo", quiet_logins=True)
    first = Proposal.objects.count()
    call_command("seed_demo", quiet_logins=True)
    assert Proposal.objects.count() == first >= 18
    assert set(Proposal.objects.values_list("state", flat=True)) == set(ProposalState.values)

    startup1 = User.objects.get(email="startup1@example.com")
    states = set(
        Proposal.objects.filter(startup=startup1.startup_membership.startup).values_list(
            "state", flat=True
        )
    )
    assert len(states) >= 4

    official1 = User.objects.get(email="official1@example.jp")
    assert selectors.proposals_awaiting_review(official=official1).count() >= 3

    from portal.startups.proposals.demo import SELECTED_THROUGH_SERVICE

    title, slug = SELECTED_THROUGH_SERVICE
    selected = Proposal.objects.get(
        state=ProposalState.SELECTED, support_request__title=title, startup__slug=slug
    )
    support_request = SupportRequest.objects.get(pk=selected.support_request_id)
    assert support_request.state == RequestState.CO_CREATING
    channel = Channel.objects.get(subject_id=support_request.pk, kind="support_request")
    members = set(channel.memberships.values_list("user_id", flat=True))
    assert official1.pk in members
    assert set(selected.startup.members.values_list("user_id", flat=True)) <= members


def test_every_demo_request_in_co_creation_went_through_a_selected_proposal(settings):
    settings.DEBUG = True
    call_command("seed_demo", quiet_logins=True)
    in_co_creation = SupportRequest.objects.filter(state=RequestState.CO_CREATING)
    assert in_co_creation.exists()
    for support_request in in_co_creation:
        selected = support_request.proposals.get(state=ProposalState.SELECTED)
        assert selected.submitted_at >= support_request.published_at
        assert selected.decided_at >= selected.submitted_at
