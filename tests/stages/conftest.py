"""Shared set-up of the stage tracker tests: a 前橋市 request co-sponsored by 横浜市 whose
proposal by `startup_user`'s startup was selected (through the real service, which starts the
tracker), and every role of the permission matrix."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest

from portal.community.models import JoinState, SupportRequest, SupportRequestJoin
from portal.community.models.support_requests import deadline_today
from portal.stages import services
from portal.stages.models import CoCreation, Stage
from portal.startups.proposals import services as proposal_services
from tests import factories
from tests.startups.proposal_world import make_proposal

CANARY = "カナリア段階XQ93"

ROLES = [
    "visitor",
    "member",
    "official",
    "other_official",
    "co_sponsor",
    "startup",
    "other_startup",
    "moderator",
]
# The tracker's audience: details, documents and history.
AUDIENCE = {"official", "co_sponsor", "startup", "moderator"}


@dataclass
class World:
    support_request: SupportRequest
    tracker: CoCreation
    users: dict


def select(support_request, official, startup_user):
    proposal = make_proposal(support_request, startup_user)
    proposal_services.proposal_select(proposal=proposal, actor=official)
    return CoCreation.objects.get(support_request=support_request)


@pytest.fixture
def world(db, official, other_official, startup_user, other_startup_user, moderator):
    co_sponsor = factories.official(factories.YOKOHAMA)
    support_request = factories.support_request(author=official, title="窓口のオンライン化")
    SupportRequestJoin.objects.create(
        support_request=support_request,
        municipality=co_sponsor.official_profile.municipality,
        requested_by=co_sponsor,
        state=JoinState.ACCEPTED,
    )
    tracker = select(support_request, official, startup_user)
    users = {
        "visitor": None,
        "member": factories.OnboardedUserFactory(),
        "official": official,
        "other_official": other_official,
        "co_sponsor": co_sponsor,
        "startup": startup_user,
        "other_startup": other_startup_user,
        "moderator": moderator,
    }
    return World(support_request, tracker, users)


@pytest.fixture
def client_as(client):
    def login(user):
        client.logout()
        if user is not None:
            client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return login


def today():
    return deadline_today()


def fill(tracker, official, stage):
    """Record what `stage` needs before it can be left."""
    day = today()
    details = {
        Stage.AGREEMENT: {"agreement_kind": "poc", "agreement_signed_on": day},
        Stage.POC: {"poc_actual_start": day, "poc_actual_end": day},
        Stage.EVALUATION: {"evaluation_decision": "go"},
        Stage.BUDGET: {
            "budget_fiscal_year": 2027,
            "budget_amount_yen": 4_800_000,
            "budget_kind": "initial",
        },
        Stage.PROCUREMENT: {"procurement_route": "proposal", "procurement_contracted_on": day},
    }.get(stage)
    if stage == Stage.POC and not tracker.kpis.exists():
        services.kpi_add(
            tracker=tracker, actor=official, name="オンライン申請率", unit="%", target=Decimal(30)
        )
    if stage == Stage.EVALUATION:
        services.kpi_results_set(
            tracker=tracker,
            actor=official,
            results={kpi.pk: Decimal(41) for kpi in tracker.kpis.all()},
        )
    if details:
        services.tracker_details_update(tracker=tracker, actor=official, stage=stage, **details)


def walk_to(tracker, official, stage, *, lessons=""):
    """Advance `tracker` stage by stage (all today) until it is in `stage`."""
    while tracker.stage != stage:
        fill(tracker, official, tracker.stage)
        tracker = services.stage_advance(
            tracker=tracker,
            actor=official,
            entered_on=today(),
            planned_end=today() + datetime.timedelta(days=30),
            lessons=lessons,
        )
        tracker.refresh_from_db()
    return tracker
