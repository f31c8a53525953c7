"""A notification or email never carries what its recipient may not read."""

from types import SimpleNamespace

import pytest
from django.core import mail

from portal.notifications import services, tasks
from portal.notifications.kinds import KINDS, EmailMode
from portal.notifications.models import Notification
from tests import factories

pytestmark = pytest.mark.django_db

CANARY = "CANARY-7f3a 非公開の提案本文"


def everything_sent_to(user) -> str:
    texts = []
    for n in Notification.objects.filter(recipient=user):
        texts += [n.title, n.summary, n.body, n.body_html, n.url]
    for message in mail.outbox:
        if user.email in message.to:
            texts += [message.subject, message.body, *(a[0] for a in message.alternatives)]
    return "\n".join(texts)


def private_proposal():
    """Stands in for a proposal: its body is private to the requester and the proposer."""
    return SimpleNamespace(
        pk=None,
        body=CANARY,
        summary=CANARY,
        title=CANARY,
        get_absolute_url=lambda: "/ja/proposals/41/",
        __str__=lambda self: CANARY,
    )


@pytest.mark.parametrize(
    "kind", ["proposal_submitted", "proposal_shortlisted", "proposal_selected"]
)
def test_proposal_kinds_never_render_the_proposal_itself(notify_now, official, kind):
    notify_now(
        kind=kind,
        recipients=[official],
        target=private_proposal(),
        context={"request_title": "避難所受付のデジタル化", "startup_name": "株式会社A"},
    )
    sent = everything_sent_to(official)
    assert "/ja/proposals/41/" in sent
    assert "CANARY" not in sent


def test_a_private_context_reaches_only_its_recipient(
    notify_now, client_for, startup_user, other_startup_user, official, other_official
):
    for user in (startup_user, other_startup_user, official, other_official):
        services.email_preferences_update(user=user, modes={"proposal_declined": EmailMode.DIGEST})
    notify_now(
        kind="proposal_declined",
        recipients=[startup_user],
        context={"request_title": "避難所受付", "reason": CANARY, "url": "/ja/proposals/41/"},
    )
    notify_now(
        kind="proposal_declined",
        recipients=[other_startup_user, official, other_official],
        context={"request_title": "避難所受付", "url": "/ja/requests/9/"},
    )
    tasks.digests_enqueue()
    notify_now(kind="proposal_selected", recipients=[startup_user, other_startup_user])

    assert CANARY in everything_sent_to(startup_user)
    for outsider in (other_startup_user, official, other_official):
        assert "CANARY" not in everything_sent_to(outsider)
        centre = client_for(outsider).get("/ja/notifications/").content.decode()
        assert "CANARY" not in centre
        assert "避難所受付" in centre
    for message in mail.outbox:
        if message.to != [startup_user.email]:
            assert "CANARY" not in message.body + message.alternatives[0][0]


# Events and subsidy programmes are public CMS pages: their templates may fall back to the
# target's title. Every other kind's target can be private and is never rendered.
PUBLIC_TARGET_KINDS = {
    "event_registration_confirmed",
    "event_waitlist_promoted",
    "subsidy_deadline_approaching",
}


@pytest.mark.parametrize("kind", sorted(set(KINDS) - PUBLIC_TARGET_KINDS))
def test_no_kind_renders_the_targets_private_fields(notify_now, kind):
    recipient = factories.OnboardedUserFactory()
    notify_now(kind=kind, recipients=[recipient], target=private_proposal())
    assert "CANARY" not in everything_sent_to(recipient)


def test_one_users_digest_never_includes_anothers_items(notify_now):
    alice, bob = factories.OnboardedUserFactory(), factories.OnboardedUserFactory()
    for user in (alice, bob):
        services.email_preferences_update(user=user, modes={"channel_mention": EmailMode.DIGEST})
    notify_now(
        kind="channel_mention",
        recipients=[alice],
        context={"channel_name": "非公開チャンネル", "excerpt": CANARY},
    )
    notify_now(kind="channel_mention", recipients=[bob], context={"channel_name": "公開WG"})
    tasks.digests_enqueue()
    [bobs] = [m for m in mail.outbox if m.to == [bob.email]]
    assert "非公開チャンネル" not in bobs.body and "CANARY" not in bobs.body
    assert "公開WG" in bobs.body


def test_a_real_proposals_canary_reaches_nobody_through_the_whole_decision_flow(
    official,
    other_official,
    startup_user,
    other_startup_user,
    moderator,
    django_capture_on_commit_callbacks,
):
    from portal.startups.proposals import services as proposals
    from tests.startups.proposal_world import make_proposal

    support_request = factories.support_request(author=official, title="窓口のオンライン化")
    teammate = factories.startup_member(startup_user.startup_membership.startup)
    with django_capture_on_commit_callbacks(execute=True):
        chosen = make_proposal(support_request, startup_user, summary=CANARY, body=CANARY)
        other = make_proposal(support_request, other_startup_user, summary=CANARY, body=CANARY)
        proposals.proposal_shortlist(proposal=chosen, actor=official)
        proposals.proposal_decline(proposal=other, actor=official, message="今回は見送ります")
        proposals.proposal_select(proposal=chosen, actor=official)
    assert Notification.objects.count() >= 5
    for user in (official, other_official, startup_user, teammate, other_startup_user, moderator):
        assert "CANARY" not in everything_sent_to(user)


def test_a_members_only_requests_alert_reaches_no_unverified_startup(
    official, django_capture_on_commit_callbacks
):
    from portal.community import services as community_services
    from portal.startups.models import StartupAlert

    verified = factories.startup_member(factories.StartupFactory(verification_state="verified"))
    pending = factories.startup_member(factories.StartupFactory(verification_state="pending"))
    for user in (verified, pending):
        StartupAlert.objects.create(
            startup=user.startup_membership.startup, name="防災", categories=["disaster"]
        )
    draft = factories.support_request(
        author=official, state="draft", title=CANARY, category="disaster", visibility="members"
    )
    with django_capture_on_commit_callbacks(execute=True):
        community_services.support_request_publish(support_request=draft, actor=official)
    assert "CANARY" in everything_sent_to(verified)  # the audience is told, so the test can fail
    assert "CANARY" not in everything_sent_to(pending)
    assert not Notification.objects.filter(recipient=pending).exists()
