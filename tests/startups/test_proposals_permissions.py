"""Permission matrix over every proposal view and action, IDOR attempts, and the canary: the
private proposal's content never reaches anyone outside its audience."""

import pytest
from django.core import mail

from portal.startups.models import ProposalState
from tests import factories
from tests.startups.proposal_world import CANARY, READERS, ROLES, make_proposal
from tests.uploads import pdf_upload

pytestmark = pytest.mark.django_db


def _expected_read(role):
    if role == "visitor":
        return 302  # to the login page
    return 200 if role in READERS else 404


@pytest.mark.parametrize("role", ROLES)
def test_detail_and_attachment_only_for_the_audience(world, client_as, role):
    client = client_as(world.users[role])
    pk, attachment_pk = world.proposal.pk, world.attachment.pk
    detail = client.get(f"/ja/proposals/{pk}/")
    download = client.get(f"/ja/proposals/{pk}/attachments/{attachment_pk}/")
    assert detail.status_code == _expected_read(role)
    assert download.status_code == _expected_read(role)
    if role in READERS:
        assert CANARY in detail.content.decode()
        assert download["Content-Disposition"].startswith("attachment;")
    else:
        assert CANARY not in detail.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_comparison_only_for_requesters_and_moderators(world, client_as, role):
    response = client_as(world.users[role]).get(
        f"/ja/proposals/requests/{world.support_request.pk}/compare/"
    )
    expected = 200 if role in {"official", "co_sponsor", "moderator"} else 404
    assert response.status_code == (302 if role == "visitor" else expected)
    assert (CANARY in response.content.decode()) is (expected == 200)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_proposer_edits_and_withdraws(world, client_as, role):
    client = client_as(world.users[role])
    pk = world.proposal.pk
    edit = client.get(f"/ja/proposals/{pk}/edit/")
    withdraw_page = client.get(f"/ja/proposals/{pk}/withdraw/")
    withdraw = client.post(f"/ja/proposals/{pk}/withdraw/", {"reason": "x"})
    attach = client.post(f"/ja/proposals/{pk}/attachments/", {"file": pdf_upload()})
    delete = client.post(f"/ja/proposals/{pk}/attachments/{world.attachment.pk}/delete/")
    world.proposal.refresh_from_db()
    if role == "proposer":
        assert edit.status_code == 200
        assert withdraw_page.status_code == 200
        assert withdraw.status_code == 302
        assert world.proposal.state == ProposalState.WITHDRAWN
        return
    for response in (edit, withdraw_page, withdraw, attach, delete):
        assert response.status_code in {302, 403, 404}
        if role != "visitor":
            # Not even a startup member of another startup learns it exists.
            assert response.status_code in ({404} if role == "other_startup" else {403, 404})
    assert world.proposal.state == ProposalState.SUBMITTED
    assert world.proposal.attachments.count() == 1


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("decision", ["shortlist", "select", "decline"])
def test_only_requesting_officials_decide(world, client_as, role, decision):
    client = client_as(world.users[role])
    url = f"/ja/proposals/{world.proposal.pk}/decide/{decision}/"
    page = client.get(url)
    response = client.post(url, {"message": "今回は見送ります。"})
    world.proposal.refresh_from_db()
    if role == "official":
        assert page.status_code == 200
        assert response.status_code == 302
        assert world.proposal.state != ProposalState.SUBMITTED
        return
    assert world.proposal.state == ProposalState.SUBMITTED
    assert response.status_code in {302, 403, 404}
    if role in {"co_sponsor", "moderator"}:
        assert response.status_code == 403  # they read but do not decide
        assert page.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_new_proposal_page_only_for_startup_members(world, client_as, role):
    client = client_as(world.users[role])
    response = client.get(f"/ja/proposals/requests/{world.support_request.pk}/new/")
    if role == "other_startup":
        assert response.status_code == 200
    elif role == "proposer":
        assert response.status_code == 302  # already proposed → to its proposal
        assert response["Location"] == f"/ja/proposals/{world.proposal.pk}/"
    elif role == "visitor":
        assert response.status_code == 302
    else:
        assert response.status_code == 403


def test_dashboards_by_role(world, client_as):
    assert client_as(world.users["proposer"]).get("/ja/proposals/").status_code == 200
    assert client_as(world.users["official"]).get("/ja/proposals/review/").status_code == 200
    assert client_as(world.users["official"]).get("/ja/proposals/").status_code == 302
    assert client_as(world.users["other_startup"]).get("/ja/proposals/review/").status_code == 403
    assert client_as(world.users["member"]).get("/ja/proposals/").status_code == 403


def test_other_startups_draft_and_hidden_proposals(world, client_as, other_startup_user):
    """Officials never see drafts; a hidden proposal is left to its startup and moderators."""
    other_request = factories.support_request(author=world.users["official"])
    draft = make_proposal(other_request, other_startup_user, submit=False)
    assert client_as(world.users["official"]).get(f"/ja/proposals/{draft.pk}/").status_code == 404
    from django.utils import timezone

    world.proposal.hidden_at = timezone.now()
    world.proposal.save(update_fields=["hidden_at"])
    for role, status in [("official", 404), ("co_sponsor", 404), ("proposer", 200)]:
        response = client_as(world.users[role]).get(f"/ja/proposals/{world.proposal.pk}/")
        assert response.status_code == status
    assert (
        client_as(world.users["moderator"]).get(f"/ja/proposals/{world.proposal.pk}/").status_code
        == 200
    )
    compare = client_as(world.users["official"]).get(
        f"/ja/proposals/requests/{world.support_request.pk}/compare/"
    )
    assert CANARY not in compare.content.decode()


def test_idor_on_other_proposals_and_attachments(world, client_as, other_startup_user):
    """The other startup's member tries ids of another startup's proposal and attachment, and
    the attachment id under its own proposal."""
    own = make_proposal(factories.support_request(), other_startup_user)
    client = client_as(other_startup_user)
    attempts = [
        f"/ja/proposals/{world.proposal.pk}/",
        f"/ja/proposals/{world.proposal.pk}/edit/",
        f"/ja/proposals/{world.proposal.pk}/attachments/{world.attachment.pk}/",
        f"/ja/proposals/{own.pk}/attachments/{world.attachment.pk}/",
    ]
    for url in attempts:
        assert client.get(url).status_code == 404, url
    response = client.post(f"/ja/proposals/{own.pk}/attachments/{world.attachment.pk}/delete/")
    assert response.status_code == 404
    assert world.proposal.attachments.count() == 1
    # An official of another municipality cannot decide by guessing ids either.
    client = client_as(world.users["other_official"])
    response = client.post(f"/ja/proposals/{world.proposal.pk}/decide/select/")
    assert response.status_code == 404


PUBLIC_PAGES = [
    "/ja/requests/",
    "/ja/requests/feed/",
    "/ja/search/?q=カナリア極秘",
    "/ja/search/?q=秘密の価格表",
    "/ja/notifications/",
]


@pytest.mark.parametrize("role", [r for r in ROLES if r not in READERS])
def test_canary_never_reaches_the_wrong_role(
    world, client_as, role, django_capture_on_commit_callbacks
):
    """Request page, list, feed, search, startup profile, dashboards, notification centre and
    emails: the proposal's content appears nowhere for someone outside its audience."""
    user = world.users[role]
    # Make the rest of the flow happen, so notifications and emails exist.
    with django_capture_on_commit_callbacks(execute=True):
        from portal.startups.proposals import services

        services.proposal_shortlist(proposal=world.proposal, actor=world.users["official"])
    client = client_as(user)
    pages = [
        *PUBLIC_PAGES,
        world.support_request.get_absolute_url(),
        world.proposal.startup.get_absolute_url(),
        "/ja/proposals/",
        "/ja/proposals/review/",
    ]
    for url in pages:
        response = client.get(url)
        assert CANARY not in response.content.decode(), url
    if user is not None:
        for message in mail.outbox:
            if user.email in message.to:
                assert CANARY not in message.body
                assert CANARY not in str(message.subject)


def test_request_page_shows_a_count_and_the_right_buttons(world, client_as):
    url = world.support_request.get_absolute_url()
    page = client_as(world.users["other_startup"]).get(url).content.decode()
    assert f"/ja/proposals/requests/{world.support_request.pk}/new/" in page
    page = client_as(world.users["proposer"]).get(url).content.decode()
    assert f"/ja/proposals/{world.proposal.pk}/" in page
    assert f"/ja/proposals/requests/{world.support_request.pk}/new/" not in page
    page = client_as(world.users["official"]).get(url).content.decode()
    assert f"/ja/proposals/requests/{world.support_request.pk}/compare/" in page
    page = client_as(world.users["other_official"]).get(url).content.decode()
    assert "/compare/" not in page
