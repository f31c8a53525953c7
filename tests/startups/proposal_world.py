"""Shared set-up of the proposal tests: a 前橋市 request co-sponsored by 横浜市, a private
proposal of `startup_user`'s startup with a canary in its body, summary and attachment name, and
every role of the permission matrix."""

from dataclasses import dataclass

import pytest

from portal.community.models import JoinState, SupportRequest, SupportRequestJoin
from portal.startups.models import Proposal, ProposalAttachment
from portal.startups.proposals import services
from tests import factories
from tests.uploads import pdf_upload

CANARY = "カナリア極秘XJ47"

ROLES = [
    "visitor",
    "member",
    "official",
    "other_official",
    "co_sponsor",
    "proposer",
    "other_startup",
    "moderator",
]
# Who is in a proposal's audience (reads it).
READERS = {"official", "co_sponsor", "proposer", "moderator"}


@dataclass
class World:
    support_request: SupportRequest
    proposal: Proposal
    attachment: ProposalAttachment
    users: dict


def make_proposal(support_request, user, *, submit=True, **fields):
    values = {
        "summary": "LINEで申請できる仕組みを3か月で導入します。",
        "body": "## 提案\n\n既存の電子申請基盤を活用します。",
        "estimated_cost_yen": 3_000_000,
        "timeline": "契約から3か月",
    }
    values.update(fields)
    return services.proposal_create(
        support_request=support_request, actor=user, submit=submit, **values
    )


@pytest.fixture
def co_sponsor(db):
    return factories.official(factories.YOKOHAMA)


@pytest.fixture
def plain_member(db):
    return factories.OnboardedUserFactory()


@pytest.fixture
def world(
    db,
    plain_member,
    official,
    other_official,
    co_sponsor,
    startup_user,
    other_startup_user,
    moderator,
):
    support_request = factories.support_request(author=official, title="窓口のオンライン化")
    SupportRequestJoin.objects.create(
        support_request=support_request,
        municipality=co_sponsor.official_profile.municipality,
        requested_by=co_sponsor,
        state=JoinState.ACCEPTED,
    )
    proposal = make_proposal(
        support_request,
        startup_user,
        summary=f"概要 {CANARY}",
        body=f"本文 {CANARY} 秘密の価格表",
    )
    attachment = services.proposal_attachment_add(
        proposal=proposal, actor=startup_user, upload=pdf_upload(f"{CANARY}.pdf")
    )
    users = {
        "visitor": None,
        "member": plain_member,
        "official": official,
        "other_official": other_official,
        "co_sponsor": co_sponsor,
        "proposer": startup_user,
        "other_startup": other_startup_user,
        "moderator": moderator,
    }
    return World(support_request, proposal, attachment, users)


@pytest.fixture
def client_as(client):
    def login(user):
        client.logout()
        if user is not None:
            client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return login
