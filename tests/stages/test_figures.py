"""The dashboard's stage figures equal a hand-built fixture; every figure is one query and the
pages keep their query count whatever the number of co-creations."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.stages import figures
from portal.stages.models import CoCreation, StagePeriod
from tests import factories

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 4, 6)
# (stage entry offsets in days from START, stopped (reason, offset) or None)
FIXTURE = [
    ([0, 10, 30, 120, 140, 200, 260], None),  # full adoption
    ([0, 20, 40, 100], ("kpi_not_met", 130)),  # stopped in the evaluation
    ([0, 14, 44], None),  # PoC running
    ([0, 30], ("policy", 50)),  # stopped at the agreement
    ([0], None),  # just selected
]
STAGES = ["selected", "agreement", "poc", "evaluation", "budget", "procurement", "adoption"]


def tracker(offsets, stop=None, *, published=None, hidden=False):
    support_request = factories.support_request(
        state="completed" if stop or len(offsets) == 7 else "co_creating",
        published_at=published or timezone.now(),
        hidden_at=timezone.now() if hidden else None,
    )
    stage = STAGES[len(offsets) - 1]
    days = [START + datetime.timedelta(days=offset) for offset in offsets]
    co_creation = CoCreation.objects.create(
        support_request=support_request,
        stage=stage,
        closed_at=timezone.now() if stop or stage == "adoption" else None,
        stopped_on=START + datetime.timedelta(days=stop[1]) if stop else None,
        stop_reason=stop[0] if stop else "",
    )
    for index, day in enumerate(days):
        StagePeriod.objects.create(
            tracker=co_creation,
            stage=STAGES[index],
            entered_on=day,
            left_on=days[index + 1] if index + 1 < len(days) else None,
        )
    return co_creation


@pytest.fixture
def fixture(db):
    made = [tracker(offsets, stop) for offsets, stop in FIXTURE]
    tracker([0, 5, 10, 20, 30, 40], hidden=True)  # hidden by a moderator: never counted
    old = timezone.now() - datetime.timedelta(days=800)
    tracker([0, 10], published=old)  # outside the last 12 months
    return made


def test_the_stage_funnel_equals_the_fixture(fixture):
    funnel = figures.stage_funnel(since=timezone.now() - datetime.timedelta(days=365))
    assert [(s.key, s.count) for s in funnel.stages] == [
        ("selected", 5),
        ("agreement", 4),
        ("poc", 3),
        ("evaluation", 2),
        ("budget", 1),
        ("procurement", 1),
        ("adoption", 1),
    ]
    by_key = {s.key: s for s in funnel.stages}
    assert by_key["agreement"].rate_from_previous == 4 / 5
    assert by_key["procurement"].rate_from_start == 1 / 5
    assert (by_key["poc"].active, by_key["evaluation"].stopped) == (1, 1)
    assert (funnel.poc, funnel.procurement, funnel.poc_to_procurement) == (3, 1, 1 / 3)
    assert figures.stage_funnel().stages[0].count == 6  # all time: the old one too


def test_the_days_per_stage_equal_the_fixture(fixture):
    days = {
        d.key: d for d in figures.stage_days(since=timezone.now() - datetime.timedelta(days=365))
    }
    assert (days["selected"].measured, days["selected"].median_days) == (4, 17)
    assert days["selected"].mean_days == 18.5
    assert (days["agreement"].measured, days["agreement"].median_days) == (3, 20)
    assert (days["poc"].measured, days["poc"].median_days) == (2, 75)
    assert [days[k].median_days for k in ("evaluation", "budget", "procurement")] == [20, 60, 60]


def test_the_stops_equal_the_fixture(fixture):
    stops = figures.stage_stops()
    assert stops.total == 2
    counted = {(c.stage, c.reason): c.count for c in stops.cells if c.count}
    assert counted == {("agreement", "policy"): 1, ("evaluation", "kpi_not_met"): 1}
    assert {key: count for key, _label, count in stops.by_reason}["policy"] == 1


def test_the_stages_csv_is_the_funnel(fixture, client):
    body = client.get(reverse("dashboard:public_csv", args=["stages"]) + "?period=12m")
    rows = [line.split(",") for line in body.content.decode("utf-8-sig").splitlines()]
    assert rows[1][1:] == ["5", "", "100.0", "1", "0"]
    assert rows[3][1:] == ["3", "75.0", "60.0", "1", "0"]
    assert rows[-1][1:3] == ["1", "33.3"]
    detail = client.get(reverse("dashboard:public_csv", args=["stage_detail"]))
    assert detail.status_code == 404  # moderators only


def _grow(n):
    for index in range(n):
        offsets, stop = FIXTURE[index % len(FIXTURE)]
        tracker(offsets, stop)


@pytest.mark.parametrize(
    "build", [figures.stage_funnel, figures.stage_days, figures.stage_stops, figures.stage_detail]
)
def test_every_stage_figure_is_one_query_at_two_sizes(fixture, build, django_assert_num_queries):
    with django_assert_num_queries(1):
        build()
    _grow(10)
    with django_assert_num_queries(1):
        build()


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_dashboard_page_keeps_its_query_count(fixture, client):
    url = reverse("dashboard:public")
    small = _count(client, url)
    _grow(10)
    assert _count(client, url) == small


def _add_rows(tracker, official, startup, index):
    """One more KPI, document, proposed update (with a document) and history rows."""
    from decimal import Decimal

    from portal.stages import services
    from tests.stages.conftest import today
    from tests.uploads import pdf_upload

    services.kpi_add(tracker=tracker, actor=official, name=f"KPI {index}", target=Decimal(index))
    services.stage_document_add(
        tracker=tracker, actor=official, stage="agreement", upload=pdf_upload(f"{index}.pdf")
    )
    services.stage_update_propose(
        tracker=tracker,
        actor=startup,
        changes={"agreement_signed_on": today().isoformat()},
        upload=pdf_upload(f"s{index}.pdf"),
    )


def test_the_tracker_and_waiting_pages_keep_their_query_count(world, client_as):
    from portal.stages import services
    from tests.stages.conftest import select, today

    official, startup = world.users["official"], world.users["startup"]
    client = client_as(official)
    urls = [
        reverse("stages:tracker", args=[world.support_request.pk]),
        reverse("stages:waiting"),
        world.support_request.get_absolute_url(),
        reverse("community:request_dashboard"),
    ]
    tracker = services.stage_advance(tracker=world.tracker, actor=official, entered_on=today())
    _add_rows(tracker, official, startup, 0)
    [_count(client, url) for url in urls]  # warm the per-process caches (site, content types)
    before = [_count(client, url) for url in urls]
    for index in range(1, 4):
        _add_rows(tracker, official, startup, index)
        other = factories.support_request(author=official, title=f"別の共創 {index}")
        select(other, official, startup)
    # Warm again: the writes made the kept peer index stale (portal/core/page_cache.py), and
    # the first dashboard after a write rebuilds it (three queries over the requests).
    [_count(client, url) for url in urls]
    after = [_count(client, url) for url in urls]
    assert after == before


def test_the_dashboard_shows_the_stage_figures_with_tables(fixture, client):
    page = client.get(reverse("dashboard:public")).content.decode()
    for testid in ("stages-headline", "stage-poc", "stage-days-poc", "stage-stops-agreement"):
        assert f'data-testid="{testid}"' in page
    assert "stage_detail" not in page  # moderator detail is not public
