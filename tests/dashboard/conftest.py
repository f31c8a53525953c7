"""A hand-built community whose every dashboard figure is known in advance.

Clock: 2026-06-15 12:00 JST. Requests (JST publication; 前橋市 and 塩尻市 and 横浜市):

| req | municipality | category | published | state | proposals (days after publication) |
|---|---|---|---|---|---|
| r1 | 前橋 (群馬) | online_procedures | 2026-01-10 10:00 | completed, adopted | submitted +2, selected (transition) +10 |
| r2 | 塩尻 (長野) | disaster | 2026-02-01 09:00 | completed, not adopted | submitted +4, selected (decided_at) +20 |
| r3 | 横浜 (神奈川) | disaster | 2026-02-20 09:00 | co_creating, joint | submitted +6, selected (transition) +12 |
| r4 | 前橋 | ai_rpa | 2026-03-05 09:00 | selecting | submitted +1; a draft; a hidden one +0.5 |
| r5 | 前橋 | online_procedures | 2026-06-01 00:30 (May in UTC) | open | none |
| r6 | 塩尻 | other | 2025-03-01 09:00 | withdrawn | none |

Not counted: a draft, a hidden published request (with an accepted join and a proposal).
Events: a summit (capacity 2: 2 confirmed, 1 waitlisted, 1 cancelled), a seminar (no limit,
1 confirmed), an unpublished event with a registration.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from portal.community.models import SupportRequestJoin, SupportRequestTransition
from portal.startups.models import Proposal, ProposalTransition
from tests import factories
from tests.cms import factories as cms_factories

JST = ZoneInfo("Asia/Tokyo")
NOW = datetime.datetime(2026, 6, 15, 12, 0, tzinfo=JST)


def jst(*args):
    return datetime.datetime(*args, tzinfo=JST)


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def _request(code, category, published, state, **fields):
    return factories.support_request(
        municipality=factories.municipality(code),
        category=category,
        published_at=published,
        state=state,
        indexed=False,
        **fields,
    )


def _proposal(support_request, startup, *, state="submitted", submitted=None, **fields):
    return Proposal.objects.create(
        support_request=support_request,
        startup=startup,
        summary="提案の概要",
        body="提案の本文",
        state=state,
        submitted_at=submitted,
        **fields,
    )


def _went(support_request, *states):
    for state in states:
        SupportRequestTransition.objects.create(support_request=support_request, to_state=state)


def _selected_by_transition(proposal, at):
    ProposalTransition.objects.create(
        proposal=proposal, from_state="submitted", to_state="selected", created_at=at
    )


def build_requests(startups):
    s1, s2 = startups
    r1 = _request(
        factories.MAEBASHI,
        "online_procedures",
        jst(2026, 1, 10, 10),
        "completed",
        outcome_adopted=True,
    )
    r2 = _request(
        factories.SHIOJIRI, "disaster", jst(2026, 2, 1, 9), "completed", outcome_adopted=False
    )
    r3 = _request(
        factories.YOKOHAMA, "disaster", jst(2026, 2, 20, 9), "co_creating", municipality_count=2
    )
    r4 = _request(factories.MAEBASHI, "ai_rpa", jst(2026, 3, 5, 9), "selecting")
    r5 = _request(factories.MAEBASHI, "online_procedures", jst(2026, 6, 1, 0, 30), "open")
    r6 = _request(factories.SHIOJIRI, "other", jst(2025, 3, 1, 9), "withdrawn")
    for support_request in (r1, r2, r3):
        _went(support_request, "open", "selecting", "co_creating")
    p1 = _proposal(r1, s1, state="selected", submitted=jst(2026, 1, 12, 10))
    _selected_by_transition(p1, jst(2026, 1, 20, 10))
    _proposal(
        r2, s2, state="selected", submitted=jst(2026, 2, 5, 9), decided_at=jst(2026, 2, 21, 9)
    )
    p3 = _proposal(r3, s1, state="selected", submitted=jst(2026, 2, 26, 9))
    _selected_by_transition(p3, jst(2026, 3, 4, 9))
    _proposal(r4, s1, submitted=jst(2026, 3, 6, 9))
    _proposal(r4, s2, state="draft")
    _proposal(
        r4, factories.StartupFactory(), submitted=jst(2026, 3, 5, 21), hidden_at=jst(2026, 3, 7)
    )
    SupportRequestJoin.objects.create(
        support_request=r3,
        municipality=factories.municipality(factories.MAEBASHI),
        state="accepted",
    )
    SupportRequestJoin.objects.create(
        support_request=r4,
        municipality=factories.municipality(factories.SHIOJIRI),
        state="pending",
    )
    # Not counted anywhere.
    _request(factories.YOKOHAMA, "education", None, "draft")
    hidden = _request(
        factories.YOKOHAMA,
        "education",
        jst(2026, 4, 1, 9),
        "open",
        hidden_at=jst(2026, 4, 2),
        municipality_count=2,
    )
    SupportRequestJoin.objects.create(
        support_request=hidden,
        municipality=factories.municipality(factories.SHIOJIRI),
        state="accepted",
    )
    _proposal(hidden, s2, submitted=jst(2026, 4, 1, 10))
    return [r1, r2, r3, r4, r5, r6]


def build_events(users):
    from portal.cms.models import EventRegistration

    summit = cms_factories.event(days=-30, title="ICT利活用サミット", capacity=2)
    seminar = cms_factories.event(days=10, title="DX推進セミナー", capacity=None, kind="seminar")
    draft = cms_factories.event(days=20, title="非公開のイベント")
    draft.unpublish()
    statuses = ["confirmed", "confirmed", "waitlisted", "cancelled"]
    for user, status in zip(users, statuses, strict=True):
        EventRegistration.objects.create(event=summit, user=user, status=status)
    EventRegistration.objects.create(event=seminar, user=users[0], status="confirmed")
    EventRegistration.objects.create(event=draft, user=users[1], status="confirmed")
    return summit, seminar


@pytest.fixture
def community(clock, db):
    startups = [factories.StartupFactory(), factories.StartupFactory()]
    requests = build_requests(startups)
    users = [factories.UserFactory() for _n in range(4)]
    events = build_events(users)
    return {"requests": requests, "startups": startups, "events": events}
