"""Proposal services: deadline (JST), one active proposal, edit, withdraw, notifications to exactly
the right people, selection opening the co-creation channel, and the comparison's query count."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from portal.cocreation.models import Channel
from portal.community.models import RequestState
from portal.notifications.models import Notification
from portal.startups.models import ProposalState, ProposalTransition, TrackRecord
from portal.startups.proposals import services
from tests import factories
from tests.startups.proposal_world import CANARY, make_proposal

pytestmark = pytest.mark.django_db

DEADLINE = datetime.date(2026, 3, 31)


def _jst(*args):
    return datetime.datetime(*args, tzinfo=datetime.timezone(datetime.timedelta(hours=9)))


def _recipients(kind):
    return set(Notification.objects.filter(kind=kind).values_list("recipient__email", flat=True))


@pytest.mark.parametrize(
    ("moment", "accepted"),
    [
        (_jst(2026, 3, 31, 23, 59, 59), True),
        (_jst(2026, 4, 1, 0, 0, 0), False),
        # 15:30 UTC on the 31st is already 1 April in Tokyo.
        (datetime.datetime(2026, 3, 31, 15, 30, tzinfo=datetime.UTC), False),
    ],
)
def test_submit_until_the_end_of_the_deadline_day_in_tokyo(
    official, startup_user, moment, accepted
):
    with time_machine.travel(_jst(2026, 3, 1, 12), tick=False):
        support_request = factories.support_request(author=official, proposal_deadline=DEADLINE)
        draft = make_proposal(support_request, startup_user, submit=False)
    with time_machine.travel(moment, tick=False):
        if accepted:
            assert services.proposal_submit(proposal=draft, actor=startup_user).state == "submitted"
            services.proposal_update(proposal=draft, actor=startup_user, timeline="2か月")
        else:
            with pytest.raises(ValidationError):
                services.proposal_submit(proposal=draft, actor=startup_user)
            with pytest.raises(PermissionDenied):
                services.proposal_update(proposal=draft, actor=startup_user, timeline="2か月")
            with pytest.raises(PermissionDenied):
                make_proposal(support_request, factories.startup_member())


def test_submitted_proposal_is_editable_until_the_deadline_only(official, startup_user, client_for):
    with time_machine.travel(_jst(2026, 3, 1, 12), tick=False):
        support_request = factories.support_request(author=official, proposal_deadline=DEADLINE)
        proposal = make_proposal(support_request, startup_user)
    client = client_for(startup_user)
    with time_machine.travel(_jst(2026, 3, 31, 22), tick=False):
        assert client.get(f"/ja/proposals/{proposal.pk}/edit/").status_code == 200
    with time_machine.travel(_jst(2026, 4, 1, 0, 0, 1), tick=False):
        assert client.get(f"/ja/proposals/{proposal.pk}/edit/").status_code == 403
        # Withdrawing stays possible after the deadline.
        assert client.get(f"/ja/proposals/{proposal.pk}/withdraw/").status_code == 200


def test_one_active_proposal_per_startup_and_request(official, startup_user, client_for):
    support_request = factories.support_request(author=official)
    first = make_proposal(support_request, startup_user)
    teammate = factories.startup_member(startup=first.startup)
    with pytest.raises(ValidationError) as error:
        make_proposal(support_request, teammate)
    assert "already" in str(error.value) or "既に" in str(error.value)
    # The page sends the teammate to the existing proposal.
    response = client_for(teammate).get(f"/ja/proposals/requests/{support_request.pk}/new/")
    assert response["Location"] == f"/ja/proposals/{first.pk}/"
    # After withdrawing, a new proposal is possible while the request is open.
    services.proposal_withdraw(proposal=first, actor=startup_user, reason="内容を見直します")
    second = make_proposal(support_request, teammate)
    assert second.pk != first.pk
    assert list(
        ProposalTransition.objects.filter(proposal=first).values_list("from_state", "to_state")
    ) == [("", "draft"), ("draft", "submitted"), ("submitted", "withdrawn")]


def test_withdraw_needs_the_confirmation_post(official, startup_user, client_for):
    proposal = make_proposal(factories.support_request(author=official), startup_user)
    client = client_for(startup_user)
    page = client.get(f"/ja/proposals/{proposal.pk}/withdraw/")
    assert page.status_code == 200
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.SUBMITTED
    client.post(f"/ja/proposals/{proposal.pk}/withdraw/", {"reason": ""})
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.WITHDRAWN
    assert proposal.withdrawn_at is not None


def test_new_proposal_form_keeps_input_on_errors(official, startup_user, client_for):
    support_request = factories.support_request(author=official)
    client = client_for(startup_user)
    response = client.post(
        f"/ja/proposals/requests/{support_request.pk}/new/",
        {"summary": "", "body": "途中まで書いた本文", "estimated_cost_yen": "abc", "submit": "1"},
    )
    assert response.status_code == 200
    assert "途中まで書いた本文" in response.content.decode()
    response = client.post(
        f"/ja/proposals/requests/{support_request.pk}/new/",
        {"summary": "概要", "body": "本文", "estimated_cost_yen": "1200000", "submit": "1"},
    )
    proposal = support_request.proposals.get()
    assert response["Location"] == f"/ja/proposals/{proposal.pk}/"
    assert proposal.state == ProposalState.SUBMITTED


def test_submitted_notifies_requesting_and_co_sponsor_officials_only(
    world, django_capture_on_commit_callbacks, other_startup_user
):
    other_request = factories.support_request(author=world.users["official"])
    teammate_official = factories.official(factories.MAEBASHI)
    with django_capture_on_commit_callbacks(execute=True):
        make_proposal(world.support_request, other_startup_user, body=CANARY)
    assert _recipients("proposal_submitted") == {
        world.users["official"].email,
        world.users["co_sponsor"].email,
        teammate_official.email,
    }
    for message in mail.outbox:
        assert CANARY not in message.body
    assert other_request.proposals.count() == 0


def test_decisions_notify_the_startup_members_only(
    world, django_capture_on_commit_callbacks, other_startup_user
):
    teammate = factories.startup_member(startup=world.proposal.startup)
    second = make_proposal(world.support_request, other_startup_user)
    official = world.users["official"]
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_shortlist(proposal=world.proposal, actor=official)
        services.proposal_decline(proposal=second, actor=official, message="費用が予算を超えます")
    proposers = {world.users["proposer"].email, teammate.email}
    assert _recipients("proposal_shortlisted") == proposers
    assert _recipients("proposal_declined") == {other_startup_user.email}
    declined = [m for m in mail.outbox if other_startup_user.email in m.to]
    assert declined and "費用が予算を超えます" in declined[0].body
    for message in mail.outbox:
        assert CANARY not in message.body
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_select(proposal=world.proposal, actor=official)
    assert _recipients("proposal_selected") == proposers


def test_decline_requires_a_message(world):
    with pytest.raises(ValidationError):
        services.proposal_decline(
            proposal=world.proposal, actor=world.users["official"], message="  "
        )


def test_co_sponsors_and_moderators_read_but_do_not_decide(world):
    for role in ("co_sponsor", "moderator", "other_official"):
        with pytest.raises(PermissionDenied):
            services.proposal_select(proposal=world.proposal, actor=world.users[role])


def test_selection_moves_the_request_and_opens_the_channel(
    world, django_capture_on_commit_callbacks, other_startup_user
):
    """Connects proposals to co-creation: the channel has the requesting and co-sponsoring
    officials and the selected startups' members, and a later selection joins the same one."""
    official = world.users["official"]
    teammate = factories.startup_member(startup=world.proposal.startup)
    second = make_proposal(world.support_request, other_startup_user)
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_select(proposal=world.proposal, actor=official)
    world.support_request.refresh_from_db()
    assert world.support_request.state == RequestState.CO_CREATING
    states = list(world.support_request.transitions.values_list("to_state", flat=True))
    assert states[-2:] == ["selecting", "co_creating"]
    channel = Channel.objects.get(subject_id=world.support_request.pk)
    members = set(channel.memberships.values_list("user__email", flat=True))
    expected = {
        official.email,
        world.users["co_sponsor"].email,
        world.users["proposer"].email,
        teammate.email,
    }
    assert members == expected
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_select(proposal=second, actor=official)
    assert Channel.objects.filter(subject_id=world.support_request.pk).count() == 1
    members = set(channel.memberships.values_list("user__email", flat=True))
    assert members == expected | {other_startup_user.email}
    assert world.users["other_official"].email not in members


def test_selection_through_the_pages(world, client_for):
    client = client_for(world.users["official"])
    url = reverse("startups:proposal_decide", args=[world.proposal.pk, "select"])
    assert "共創" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    world.proposal.refresh_from_db()
    assert world.proposal.state == ProposalState.SELECTED
    page = client.get(world.support_request.get_absolute_url()).content.decode()
    assert "共創中" in page


@pytest.mark.parametrize("size", [3, 15])
def test_comparison_query_count_does_not_grow(
    official, client_for, django_assert_num_queries, size
):
    support_request = factories.support_request(author=official)
    for _index in range(size):
        user = factories.startup_member()
        proposal = make_proposal(support_request, user)
        TrackRecord.objects.create(
            startup=proposal.startup,
            municipality=official.official_profile.municipality,
            category="online_procedures",
            title="電子申請",
            year=2024,
            state="confirmed",
        )
    client = client_for(official)
    url = f"/ja/proposals/requests/{support_request.pk}/compare/"
    client.get(url)  # warm caches (session, translations)
    with django_assert_num_queries(COMPARE_QUERIES):
        response = client.get(url)
    assert response.content.decode().count("/decide/select/") == size


COMPARE_QUERIES = 16  # includes the co-creation channel link (one query)


def test_attachments_follow_the_upload_rules(world, client_for):
    from tests.uploads import EXE_BYTES, upload

    client = client_for(world.users["proposer"])
    response = client.post(
        f"/ja/proposals/{world.proposal.pk}/attachments/",
        {"file": upload("見積書.pdf", EXE_BYTES)},
    )
    assert response.status_code == 400
    assert world.proposal.attachments.count() == 1
    response = client.post(
        f"/ja/proposals/{world.proposal.pk}/attachments/{world.attachment.pk}/delete/"
    )
    assert response.status_code == 302
    assert world.proposal.attachments.count() == 0


def test_review_list_shows_only_the_officials_requests(world, client_for, other_startup_user):
    elsewhere = factories.support_request(author=world.users["other_official"], title="塩尻の要請")
    make_proposal(elsewhere, other_startup_user)
    make_proposal(world.support_request, other_startup_user, submit=False)  # a draft
    page = client_for(world.users["official"]).get("/ja/proposals/review/").content.decode()
    assert world.support_request.title in page
    assert "塩尻の要請" not in page
    assert page.count("/ja/proposals/requests/") == 1  # the draft is not listed
    # The co-sponsor sees it too; the other municipality sees only its own.
    assert (
        world.support_request.title
        in client_for(world.users["co_sponsor"]).get("/ja/proposals/review/").content.decode()
    )
    other_page = client_for(world.users["other_official"]).get("/ja/proposals/review/")
    assert world.support_request.title not in other_page.content.decode()
    assert "塩尻の要請" in other_page.content.decode()


def test_selecting_an_unverified_startup_warns_on_the_confirmation(world, client_for):
    client = client_for(world.users["official"])
    url = reverse("startups:proposal_decide", args=[world.proposal.pk, "select"])
    assert 'data-testid="unverified-startup-warning"' not in client.get(url).content.decode()
    startup = world.proposal.startup
    startup.verification_state = "pending"
    startup.corporate_number = "1234567890123"
    startup.save(update_fields=["verification_state", "corporate_number"])
    html = client.get(url).content.decode()
    assert 'data-testid="unverified-startup-warning"' in html
    assert "selHouzinNo=1234567890123" in html
