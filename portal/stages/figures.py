"""The stage tracker's figures for the dashboard (one aggregate query each).

Common rules:

* A *co-creation* is the stage tracker of a published support request that a moderator has not
  hidden; the period filters by the request's ``published_at >= since`` like the dashboard's
  other figures.
* A co-creation *reached* a stage when it entered it; stopped ones reached the stage they stopped
  at. Stages nest: a co-creation that reached procurement counts in every earlier stage.
* Days in a stage: from entering it to entering the next one, over the stages that were left
  that way (a stage still running or stopped in is not measured); calendar days.
"""

import statistics
from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.utils.translation import gettext, pgettext

from portal.stages.models import STAGE_ORDER, CoCreation, Stage, StagePeriod, StopReason

MEASURED_STAGES = STAGE_ORDER[:-1]  # full adoption has no end


def co_creations(*, since=None):
    trackers = CoCreation.objects.filter(
        support_request__published_at__isnull=False, support_request__hidden_at__isnull=True
    )
    if since is not None:
        trackers = trackers.filter(support_request__published_at__gte=since)
    return trackers


def _rate(part, whole):
    return part / whole if whole else None


@dataclass(frozen=True)
class StageCount:
    key: str
    label: str
    count: int
    rate_from_previous: float | None
    rate_from_start: float | None
    active: int
    stopped: int


@dataclass(frozen=True)
class StageFunnel:
    stages: list
    poc_to_procurement: float | None
    poc: int
    procurement: int


def stage_funnel(*, since=None) -> StageFunnel:
    """Co-creations that reached each stage, those now in it and those that stopped in it."""
    aggregates = {}
    for index, stage in enumerate(STAGE_ORDER):
        aggregates[f"reached_{stage}"] = Count("pk", filter=Q(stage__in=STAGE_ORDER[index:]))
        aggregates[f"active_{stage}"] = Count("pk", filter=Q(stage=stage, closed_at__isnull=True))
        aggregates[f"stopped_{stage}"] = Count(
            "pk", filter=Q(stage=stage, stopped_on__isnull=False)
        )
    counts = co_creations(since=since).aggregate(**aggregates)
    stages, previous, first = [], None, counts["reached_selected"]
    for stage in STAGE_ORDER:
        reached = counts[f"reached_{stage}"]
        stages.append(
            StageCount(
                key=stage,
                label=str(Stage(stage).label),
                count=reached,
                rate_from_previous=_rate(reached, previous),
                rate_from_start=_rate(reached, first),
                active=counts[f"active_{stage}"],
                stopped=counts[f"stopped_{stage}"],
            )
        )
        previous = reached
    poc, procurement = counts["reached_poc"], counts["reached_procurement"]
    return StageFunnel(
        stages=stages,
        poc_to_procurement=_rate(procurement, poc),
        poc=poc,
        procurement=procurement,
    )


@dataclass(frozen=True)
class StageDays:
    key: str
    label: str
    measured: int
    median_days: float | None
    mean_days: float | None


def stage_days(*, since=None) -> list[StageDays]:
    """Median and mean days in each stage (one query; the median is taken in Python, since
    SQLite has none)."""
    rows = StagePeriod.objects.filter(
        tracker__in=co_creations(since=since), left_on__isnull=False
    ).values_list("stage", "entered_on", "left_on")
    days = {stage: [] for stage in MEASURED_STAGES}
    for stage, entered_on, left_on in rows:
        if stage in days:
            days[stage].append((left_on - entered_on).days)
    return [
        StageDays(
            key=stage,
            label=str(Stage(stage).label),
            measured=len(values),
            median_days=statistics.median(values) if values else None,
            mean_days=statistics.fmean(values) if values else None,
        )
        for stage, values in days.items()
    ]


@dataclass(frozen=True)
class StopCell:
    stage: str
    reason: str
    count: int


@dataclass(frozen=True)
class Stops:
    total: int
    by_stage: list  # [(stage key, label, count, [count per reason in REASONS order])]
    by_reason: list  # [(reason key, label, count)]
    cells: list  # every (stage, reason) with its count, for the CSV


def stage_stops(*, since=None) -> Stops:
    """Where stopped co-creations stopped and why: one grouped count."""
    grouped = (
        co_creations(since=since)
        .filter(stopped_on__isnull=False)
        .order_by()
        .values_list("stage", "stop_reason")
        .annotate(n=Count("pk"))
    )
    counts = {(stage, reason): n for stage, reason, n in grouped}
    reasons = StopReason.values
    by_stage = []
    for stage in MEASURED_STAGES:
        per_reason = [counts.get((stage, reason), 0) for reason in reasons]
        by_stage.append((stage, str(Stage(stage).label), sum(per_reason), per_reason))
    by_reason = [
        (
            reason,
            str(StopReason(reason).label),
            sum(counts.get((s, reason), 0) for s in STAGE_ORDER),
        )
        for reason in reasons
    ]
    cells = [
        StopCell(stage=stage, reason=reason, count=counts.get((stage, reason), 0))
        for stage in MEASURED_STAGES
        for reason in reasons
    ]
    return Stops(total=sum(counts.values()), by_stage=by_stage, by_reason=by_reason, cells=cells)


@dataclass(frozen=True)
class TrackerRow:
    request_id: int
    title: str
    municipality: str
    stage: str
    stage_label: str
    status: str
    entered_on: object
    stop_reason: str


def stage_detail(*, since=None) -> list[TrackerRow]:
    """Moderators: every co-creation with its stage and status; one query."""
    rows = (
        co_creations(since=since)
        .filter(periods__stage=F("stage"))
        .values_list(
            "support_request_id",
            "support_request__title",
            "support_request__municipality__name",
            "stage",
            "closed_at",
            "stop_reason",
            "periods__entered_on",
        )
        .order_by("support_request__title", "pk")
    )
    return [
        TrackerRow(
            request_id=request_id,
            title=title,
            municipality=municipality,
            stage=stage,
            stage_label=str(Stage(stage).label),
            status=_status(stage, closed_at, reason),
            entered_on=entered_on,
            stop_reason=str(StopReason(reason).label) if reason else "",
        )
        for request_id, title, municipality, stage, closed_at, reason, entered_on in rows
    ]


def _status(stage, closed_at, reason) -> str:
    if reason:
        return gettext("Stopped")
    if closed_at is not None or stage == Stage.ADOPTION:
        return gettext("Adopted")
    return pgettext("co-creation", "In progress")
