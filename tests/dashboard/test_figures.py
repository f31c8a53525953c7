"""Every dashboard figure against the hand-built community of conftest.py, exactly."""

import datetime

import pytest

from portal.dashboard import charts, figures, selectors
from tests import factories
from tests.dashboard.conftest import NOW, _request, jst

pytestmark = pytest.mark.django_db

TWELVE_MONTHS = jst(2025, 7, 1)


def test_twelve_months_start_on_the_first_of_the_month_eleven_months_ago(clock):
    assert figures.period_from("12m", now=NOW).since == jst(2025, 7, 1)
    assert figures.period_from("anything").since is None


def test_funnel_counts_and_rates(community):
    stages = selectors.funnel()
    assert [(s.key, s.count) for s in stages] == [
        ("published", 6),
        ("proposed", 4),
        ("selected", 3),
        ("co_creating", 3),
        ("completed", 2),
        ("adopted", 1),
    ]
    assert stages[0].rate_from_previous is None
    assert stages[1].rate_from_previous == pytest.approx(4 / 6)
    assert stages[5].rate_from_previous == pytest.approx(1 / 2)
    assert stages[5].rate_from_start == pytest.approx(1 / 6)


def test_funnel_stages_nest_for_requests_co_creating_without_recorded_proposals(community):
    """Requests that reached co-creation before proposals were tracked (or on imported data)
    count as proposed and selected too, so no stage is larger than the one before it."""
    _request(factories.SHIOJIRI, "ai_rpa", jst(2026, 4, 1, 9), "co_creating")

    counts = [s.count for s in selectors.funnel()]

    assert counts == [7, 5, 4, 4, 2, 1]


def test_funnel_respects_the_period(community):
    assert [s.count for s in selectors.funnel(since=TWELVE_MONTHS)] == [5, 4, 3, 3, 2, 1]


def test_days_to_first_proposal_skip_drafts_and_hidden_proposals(community):
    duration = selectors.time_to_first_proposal()
    assert duration.requests == 4  # r1–r4; r4's hidden proposal (0.5 days) does not count
    assert duration.median_days == pytest.approx(3.0)  # 1, 2, 4, 6
    assert duration.mean_days == pytest.approx(3.25)


def test_days_to_selection_use_the_transition_or_decided_at(community):
    duration = selectors.time_to_selection()
    assert duration.requests == 3
    assert duration.median_days == pytest.approx(12.0)  # 10 (transition), 12, 20 (decided_at)
    assert duration.mean_days == pytest.approx(14.0)


def test_selection_takes_the_earliest_of_transition_and_decided_at(community):
    from portal.startups.models import Proposal

    r1 = community["requests"][0]
    Proposal.objects.filter(support_request=r1).update(decided_at=jst(2026, 1, 15, 10))
    assert selectors.time_to_selection().median_days == pytest.approx(12.0)  # 5, 12, 20


def test_adoption_rate(community):
    adoption = selectors.adoption()
    assert (adoption.completed, adoption.adopted, adoption.rate) == (2, 1, 0.5)


def test_adoption_rate_without_completed_requests_is_none(clock):
    assert selectors.adoption().rate is None


def test_requests_by_category_lists_every_category_most_first(community):
    rows = selectors.requests_by_category()
    assert [(row.key, row.count) for row in rows[:4]] == [
        ("online_procedures", 2),
        ("disaster", 2),
        ("ai_rpa", 1),
        ("other", 1),
    ]
    assert len(rows) == 15 and sum(row.count for row in rows) == 6
    assert rows[0].label == "行政手続のオンライン化"


def test_requests_by_prefecture(community):
    rows = selectors.requests_by_prefecture()
    assert [(row.label, row.count) for row in rows] == [
        ("群馬県", 3),
        ("長野県", 2),
        ("神奈川県", 1),
    ]


def test_requests_by_month_are_japan_months_with_empty_months(community):
    rows = selectors.requests_by_month()
    assert rows[0].key == "2025-03" and rows[-1].key == "2026-06" and len(rows) == 16
    counts = {row.key: row.count for row in rows if row.count}
    # r5 was published on 1 June in Japan (31 May in UTC).
    assert counts == {"2025-03": 1, "2026-01": 1, "2026-02": 2, "2026-03": 1, "2026-06": 1}


def test_requests_by_month_in_the_last_twelve_months(community):
    rows = selectors.requests_by_month(since=TWELVE_MONTHS)
    assert [row.key for row in rows][:2] == ["2025-07", "2025-08"] and len(rows) == 12
    assert sum(row.count for row in rows) == 5


def test_joint_requests(community):
    joint = selectors.joint_requests()
    assert (joint.requests, joint.joint_requests, joint.accepted_joins) == (6, 1, 1)
    assert joint.share == pytest.approx(1 / 6)


def test_event_attendance_per_event_and_totals(community):
    rows = selectors.event_attendance()
    assert [
        (row.title, row.capacity, row.confirmed, row.waitlisted, row.cancelled) for row in rows
    ] == [("ICT利活用サミット", 2, 2, 1, 1), ("DX推進セミナー", None, 1, 0, 0)]
    assert rows[0].fill_rate == 1.0 and rows[1].fill_rate is None
    totals = selectors.event_attendance_totals()
    assert (totals.events, totals.confirmed, totals.waitlisted) == (2, 3, 1)
    future_only = selectors.event_attendance_totals(since=NOW)
    assert (future_only.events, future_only.confirmed) == (1, 1)


def test_active_startups_and_officials_over_ninety_days(clock):
    from portal.cocreation.models import Channel, Message
    from portal.startups.models import Proposal

    recent, old = NOW - datetime.timedelta(days=89), NOW - datetime.timedelta(days=91)
    proposing, chatting, idle = (factories.StartupFactory() for _n in range(3))
    factories.StartupFactory(verification_state="pending")
    Proposal.objects.create(
        support_request=factories.support_request(indexed=False, published_at=old),
        startup=proposing,
        summary="s",
        body="b",
        state="submitted",
        submitted_at=recent,
    )
    Proposal.objects.create(
        support_request=factories.support_request(indexed=False, published_at=old),
        startup=idle,
        summary="s",
        body="b",
        state="submitted",
        submitted_at=old,
    )
    posting_official = factories.official()
    factories.support_request(author=posting_official, indexed=False, published_at=recent)
    chatting_official = factories.official(factories.SHIOJIRI)
    factories.official(factories.YOKOHAMA)  # idle
    factories.official(factories.YOKOHAMA, verification_state="pending")
    channel = Channel.objects.create(kind="working_group", privacy="open", name="テスト")
    member = factories.startup_member(startup=chatting)
    for seq, author in enumerate((member, chatting_official), start=1):
        Message.objects.create(
            channel=channel,
            seq=seq,
            author=author,
            client_id=f"c{seq}",
            body="こんにちは",
            created_at=recent,
        )
    activity = selectors.activity()
    assert (activity.active_startups, activity.verified_startups) == (2, 3)
    assert (activity.active_officials, activity.verified_officials) == (2, 3)


def test_month_columns_scale_to_a_round_maximum():
    rows = [selectors.Row("2026-01", "2026-01", 3), selectors.Row("2026-02", "2026-02", 7)]
    chart = charts.month_columns(rows)
    assert [value for _y, value in chart.gridlines] == [0, 2, 4, 6, 8]
    assert chart.columns[1].height == pytest.approx(150 * 7 / 8)
    assert [c.year for c in chart.columns] == ["2026", ""]
    assert charts.bar_percent(1, 4) == 25 and charts.bar_percent(0, 0) == 0


def test_event_bars_show_the_fill_rate(community):
    bars = charts.fill_bars(selectors.event_attendance())
    assert [width for _event, width in bars] == [100, 0]  # full; no seat limit
