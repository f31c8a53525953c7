"""The demo flow of issue #7, step by step: each step notifies exactly these people, with exactly
these kinds, emails exactly those who get immediate email, and no one else gets anything.

A 前橋市 official publishes a request co-sponsored by 横浜市; two startups have alerts (one
matches), both propose, one is shortlisted then selected, the other declined; the official
mentions the proposer in the co-creation channel. Bystanders (a plain member, an official of
another municipality, a moderator, a startup without a matching alert) never hear of any of it.
"""

import functools
import uuid

import pytest
from django.core import mail

from portal.cocreation.models import Channel
from portal.cocreation.services import message_post
from portal.community import services as community_services
from portal.community.models import JoinState, SupportRequestJoin
from portal.notifications.kinds import EmailMode, get_kind
from portal.notifications.models import Notification
from portal.startups.models import MemberRole, StartupAlert
from portal.startups.proposals import services as proposals
from tests import factories
from tests.startups.proposal_world import CANARY, make_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(official, other_official, moderator, startup_user, other_startup_user):
    proposer = startup_user
    startup = proposer.startup_membership.startup
    rival = other_startup_user
    silent = factories.startup_member()  # a startup whose alert does not match
    StartupAlert.objects.create(startup=startup, name="窓口", keywords="窓口 申請")
    StartupAlert.objects.create(
        startup=rival.startup_membership.startup, name="防災", categories=["disaster"]
    )
    StartupAlert.objects.create(
        startup=silent.startup_membership.startup, name="教育", categories=["education"]
    )
    return {
        "official": official,
        "co_sponsor": factories.official(factories.YOKOHAMA),
        "other_official": other_official,
        "proposer": proposer,
        "teammate": factories.startup_member(startup, MemberRole.MEMBER),
        "rival": rival,
        "silent_startup": silent,
        "member": factories.OnboardedUserFactory(),
        "moderator": moderator,
    }


def _told(before: int) -> dict[str, set[int]]:
    told: dict[str, set[int]] = {}
    for kind, recipient in Notification.objects.filter(pk__gt=before).values_list(
        "kind", "recipient_id"
    ):
        told.setdefault(kind, set()).add(recipient)
    return told


def _step(capture, action) -> tuple[dict[str, set[int]], list]:
    last = Notification.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    mail.outbox.clear()
    with capture(execute=True):
        action()
    return _told(last), list(mail.outbox)


def _ids(people, *roles) -> set[int]:
    return {people[role].pk for role in roles}


def test_each_step_of_the_demo_flow_tells_exactly_the_right_people(
    people, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    official = people["official"]
    state = {}

    def publish():
        draft = factories.support_request(
            author=official,
            state="draft",
            title="窓口の電子申請を簡単にしたい",
            body="住民票の写しの申請をスマホで。",
            category="online_procedures",
        )
        community_services.support_request_publish(support_request=draft, actor=official)
        draft.refresh_from_db()
        state["request"] = draft

    def co_sponsor_and_propose():
        SupportRequestJoin.objects.create(
            support_request=state["request"],
            municipality=people["co_sponsor"].official_profile.municipality,
            requested_by=people["co_sponsor"],
            state=JoinState.ACCEPTED,
        )
        state["proposal"] = make_proposal(
            state["request"], people["proposer"], body=f"本文 {CANARY}"
        )

    def rival_proposes():
        state["rival"] = make_proposal(state["request"], people["rival"], body=CANARY)

    def decline_rival():
        proposals.proposal_decline(proposal=state["rival"], actor=official, message="予算超過")

    def shortlist():
        proposals.proposal_shortlist(proposal=state["proposal"], actor=official)

    def select():
        proposals.proposal_select(proposal=state["proposal"], actor=official)

    def mention():
        channel = Channel.objects.get(subject_id=state["request"].pk)
        message_post(
            channel_id=channel.pk,
            author=official,
            body=f"@{people['proposer'].display_name} 初回打合せの日程をご相談させてください",
            client_id=str(uuid.uuid4()),
        )

    steps = [
        (publish, {"request_alert_match": ("proposer", "teammate")}),
        (co_sponsor_and_propose, {"proposal_submitted": ("official", "co_sponsor")}),
        (rival_proposes, {"proposal_submitted": ("official", "co_sponsor")}),
        (decline_rival, {"proposal_declined": ("rival",)}),
        (shortlist, {"proposal_shortlisted": ("proposer", "teammate")}),
        # One notification per person: the selected startup hears of the selection (which leads
        # to the channel), the co-sponsor that the channel exists; the actor nothing.
        (
            select,
            {
                "proposal_selected": ("proposer", "teammate"),
                "channel_member_added": ("co_sponsor",),
            },
        ),
        (
            mention,
            {"channel_mention": ("proposer",), "channel_unread": ("co_sponsor", "teammate")},
        ),
    ]
    for action, expected in steps:
        told, emails = _step(capture, action)
        wanted = {kind: _ids(people, *roles) for kind, roles in expected.items()}
        assert told == wanted, action.__name__
        immediate = {
            people_by_pk.email
            for kind, roles in expected.items()
            if get_kind(kind).default_email == EmailMode.IMMEDIATE
            for people_by_pk in (people[role] for role in roles)
        }
        assert sorted(address for message in emails for address in message.to) == sorted(
            immediate
        ), action.__name__
        for message in emails:
            assert CANARY not in message.body
            assert all(CANARY not in str(content) for content, _type in message.alternatives)
    bystanders = _ids(people, "other_official", "silent_startup", "member", "moderator")
    assert not Notification.objects.filter(recipient_id__in=bystanders).exists()
    assert not Notification.objects.filter(title__contains=CANARY).exists()
    assert not Notification.objects.filter(body__contains=CANARY).exists()


def test_the_selection_leads_the_startup_to_its_channel(people, django_capture_on_commit_callbacks):
    official = people["official"]
    support_request = factories.support_request(author=official, title="窓口のオンライン化")
    proposal = make_proposal(support_request, people["proposer"])
    with django_capture_on_commit_callbacks(execute=True):
        proposals.proposal_select(proposal=proposal, actor=official)
    channel = Channel.objects.get(subject_id=support_request.pk)
    note = Notification.objects.get(kind="proposal_selected", recipient=people["proposer"])
    assert note.url.endswith(channel.get_absolute_url())
    [email] = [m for m in mail.outbox if people["proposer"].email in m.to]
    assert f"http://testserver{channel.get_absolute_url()}" in email.body or (
        channel.get_absolute_url() in email.body and "://" in email.body
    )


def _only(kind: str, users, capture, action) -> None:
    told, emails = _step(capture, action)
    assert told == {kind: {user.pk for user in users}}
    assert sorted(address for message in emails for address in message.to) == sorted(
        user.email for user in users
    )


def test_a_join_request_tells_the_requesting_municipalitys_verified_officials_only(
    people, django_capture_on_commit_callbacks
):
    from portal.community.services import joins

    official = people["official"]
    colleague = factories.official(factories.MAEBASHI)
    factories.official(factories.MAEBASHI, verification_state="pending")
    support_request = factories.support_request(author=official, title="窓口のオンライン化")
    asker = people["other_official"]
    state = {}

    def ask():
        state["join"] = joins.support_request_join_ask(support_request=support_request, user=asker)

    _only("request_join_asked", [official, colleague], django_capture_on_commit_callbacks, ask)
    _only(
        "request_join_accepted",
        [asker],
        django_capture_on_commit_callbacks,
        lambda: joins.support_request_join_accept(join=state["join"], actor=colleague),
    )


@pytest.mark.parametrize("approve", [True, False])
def test_an_official_verification_decision_tells_that_official_only(
    people, django_capture_on_commit_callbacks, approve
):
    from portal.community.services import officials

    pending = factories.official(factories.MAEBASHI, verification_state="pending")
    decide = functools.partial(
        officials.official_verify if approve else officials.official_reject,
        profile=pending.official_profile,
        moderator=people["moderator"],
    )
    action = decide if approve else functools.partial(decide, reason="所属部署を入力してください。")
    kind = "official_verified" if approve else "official_rejected"
    _only(kind, [pending], django_capture_on_commit_callbacks, action)
