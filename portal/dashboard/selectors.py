"""The community dashboard's figures: each a small read with its exact definition.

Common rules (every figure below follows them unless its docstring says otherwise):

* A *request* is a published support request (``published_at`` set, so drafts never count;
  requests withdrawn after publication do) that a moderator has not hidden (``hidden_at`` empty);
  public and members-only requests alike, since only counts are shown.
* A *proposal* is a submitted one (``submitted_at`` set, never a draft) that is not hidden.
* The *period* filters requests by ``published_at >= since`` (``since=None``: all time).
* Days are elapsed time divided by 24 hours; months are calendar months in Asia/Tokyo.

Every function runs a fixed number of queries whatever the row count (aggregation in the
database; the timing figures read one row per request and take the median in Python, since
SQLite has no median).
"""

import datetime
import statistics
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import TruncMonth
from django.utils import timezone, translation

from portal.cms.models import EventPage, EventRegistration, RegistrationStatus
from portal.cocreation.models import Message
from portal.community.models import (
    JoinState,
    OfficialProfile,
    RequestState,
    SupportRequest,
    SupportRequestJoin,
    SupportRequestTransition,
    VerificationState,
)
from portal.core.categories import DXCategory
from portal.startups.models import Proposal, ProposalState, ProposalTransition, Startup

JST = ZoneInfo("Asia/Tokyo")
ACTIVE_DAYS = 90
DAY_SECONDS = 86400


def requests_in_period(*, since=None):
    """Published, not hidden support requests, published at or after `since` (None: all)."""
    requests = SupportRequest.objects.published().filter(hidden_at__isnull=True)
    if since is not None:
        requests = requests.filter(published_at__gte=since)
    return requests


def _proposals_of(request_ref):
    return Proposal.objects.filter(
        support_request=request_ref, submitted_at__isnull=False, hidden_at__isnull=True
    )


def _was_selected():
    """A proposal of the outer request that is selected now or was ever moved to selected."""
    ever = ProposalTransition.objects.filter(proposal=OuterRef("pk"), to_state="selected")
    return Proposal.objects.filter(support_request=OuterRef("pk")).filter(
        Q(state=ProposalState.SELECTED) | Exists(ever), hidden_at__isnull=True
    )


@dataclass(frozen=True)
class FunnelStage:
    key: str
    count: int
    # Share of the previous stage (None for the first stage or after an empty one).
    rate_from_previous: float | None
    # Share of the first stage.
    rate_from_start: float | None


FUNNEL_KEYS = ("published", "proposed", "selected", "co_creating", "completed", "adopted")


def funnel(*, since=None) -> list[FunnelStage]:
    """The loop's funnel, one query. Stages (each counts requests of the period):

    1. published: every request.
    2. proposed: requests with at least one proposal (or a later stage among 3-4).
    3. selected: requests with a proposal that is selected, or was moved to selected once (or
       that reached co-creating).
    4. co_creating: requests that are co-creating now or went through co-creating (a recorded
       state change to co_creating).
    5. completed: requests in the completed state.
    6. adopted: completed requests whose outcome says the solution was adopted.
    """
    went_co_creating = SupportRequestTransition.objects.filter(
        support_request=OuterRef("pk"), to_state=RequestState.CO_CREATING
    )
    # Co-creation starts from a selected proposal, so stages 2-4 nest: a request that reached a
    # later one counts in the earlier ones too (requests recorded before proposals were tracked
    # would otherwise make the funnel widen, e.g. 1 selected → 13 co-creating).
    co_creating = Q(state=RequestState.CO_CREATING) | Q(went_co_creating=True)
    selected = Q(has_selected=True) | co_creating
    proposed = Q(has_proposal=True) | selected
    counts = (
        requests_in_period(since=since)
        .annotate(
            has_proposal=Exists(_proposals_of(OuterRef("pk"))),
            has_selected=Exists(_was_selected()),
            went_co_creating=Exists(went_co_creating),
        )
        .aggregate(
            published=Count("pk"),
            proposed=Count("pk", filter=proposed),
            selected=Count("pk", filter=selected),
            co_creating=Count("pk", filter=co_creating),
            completed=Count("pk", filter=Q(state=RequestState.COMPLETED)),
            adopted=Count("pk", filter=Q(state=RequestState.COMPLETED, outcome_adopted=True)),
        )
    )
    stages, previous, first = [], None, counts["published"]
    for key in FUNNEL_KEYS:
        stages.append(
            FunnelStage(
                key=key,
                count=counts[key],
                rate_from_previous=_rate(counts[key], previous),
                rate_from_start=_rate(counts[key], first),
            )
        )
        previous = counts[key]
    return stages


def _rate(part, whole):
    if not whole:
        return None
    return part / whole


@dataclass(frozen=True)
class Adoption:
    completed: int
    adopted: int
    rate: float | None


def adoption(*, since=None) -> Adoption:
    """Adoption rate: completed requests whose outcome is adopted ÷ completed requests.

    A completed request with no outcome recorded counts as completed and not adopted.
    """
    counts = requests_in_period(since=since).aggregate(
        completed=Count("pk", filter=Q(state=RequestState.COMPLETED)),
        adopted=Count("pk", filter=Q(state=RequestState.COMPLETED, outcome_adopted=True)),
    )
    return Adoption(rate=_rate(counts["adopted"], counts["completed"]), **counts)


@dataclass(frozen=True)
class Duration:
    key: str
    requests: int
    median_days: float | None
    mean_days: float | None


def _durations(key, pairs) -> Duration:
    days = [(end - start).total_seconds() / DAY_SECONDS for start, end in pairs if end]
    return Duration(
        key=key,
        requests=len(days),
        median_days=statistics.median(days) if days else None,
        mean_days=statistics.fmean(days) if days else None,
    )


def time_to_first_proposal(*, since=None) -> Duration:
    """Days from a request's publication to its first proposal's ``submitted_at``.

    Over the requests of the period that received at least one proposal; one query.
    """
    first = _proposals_of(OuterRef("pk")).order_by("submitted_at").values("submitted_at")[:1]
    rows = (
        requests_in_period(since=since)
        .annotate(first_at=Subquery(first))
        .values_list("published_at", "first_at")
    )
    return _durations("first_proposal", rows)


def time_to_selection(*, since=None) -> Duration:
    """Days from a request's publication to its first selection.

    The selection time of a proposal is its first recorded change to "selected"; a selected
    proposal without a recorded change uses its ``decided_at``. The request's selection is the
    earliest of its proposals'. Over the requests of the period with a selection; one query.
    """
    selected_proposals = _was_selected().order_by()
    first_change = (
        ProposalTransition.objects.filter(
            proposal__support_request=OuterRef("pk"),
            to_state="selected",
            proposal__hidden_at__isnull=True,
        )
        .order_by("created_at")
        .values("created_at")[:1]
    )
    decided = (
        Proposal.objects.filter(
            support_request=OuterRef("pk"),
            state=ProposalState.SELECTED,
            hidden_at__isnull=True,
            decided_at__isnull=False,
        )
        .order_by("decided_at")
        .values("decided_at")[:1]
    )
    rows = (
        requests_in_period(since=since)
        .filter(Exists(selected_proposals))
        .annotate(changed_at=Subquery(first_change), decided_at=Subquery(decided))
        .values_list("published_at", "changed_at", "decided_at")
    )
    pairs = [(published, _earliest(changed, decided)) for published, changed, decided in rows]
    return _durations("selection", pairs)


def _earliest(*moments):
    present = [moment for moment in moments if moment is not None]
    return min(present) if present else None


@dataclass(frozen=True)
class Row:
    """One labelled count of a breakdown (category, prefecture, month)."""

    key: str
    label: str
    count: int


def requests_by_category(*, since=None) -> list[Row]:
    """Requests of the period per DX category; every category, most requests first (ties in
    the categories' own order); labels in the active language."""
    counts = dict(
        requests_in_period(since=since)
        .order_by()
        .values_list("category")
        .annotate(n=Count("pk"))
        .values_list("category", "n")
    )
    rows = [
        Row(key=value, label=str(label), count=counts.get(value, 0))
        for value, label in DXCategory.choices
    ]
    return sorted(rows, key=lambda row: -row.count)


def requests_by_prefecture(*, since=None) -> list[Row]:
    """Requests of the period per prefecture of the posting municipality (co-sponsors are not
    counted again); prefectures with at least one request, most first, then by code; names in
    English on English pages."""
    prefecture = "municipality__prefecture__"
    rows = (
        requests_in_period(since=since)
        .order_by()
        .values_list(f"{prefecture}code", f"{prefecture}name", f"{prefecture}name_en")
        .annotate(n=Count("pk"))
        .order_by("-n", f"{prefecture}code")
    )
    english = translation.get_language() == "en"
    return [
        Row(key=code, label=name_en if english else name, count=n)
        for code, name, name_en, n in rows
    ]


def _month_start(moment) -> datetime.date:
    local = timezone.localtime(moment, JST)
    return local.date().replace(day=1)


def _next_month(day: datetime.date) -> datetime.date:
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def requests_by_month(*, since=None, now=None) -> list[Row]:
    """Requests per calendar month (Asia/Tokyo) of ``published_at``; every month from the
    period's first month (or the first request's month, all time) to the current month,
    empty months included with 0."""
    counts = {
        _as_date(month): n
        for month, n in requests_in_period(since=since)
        .order_by()
        .annotate(month=TruncMonth("published_at", tzinfo=JST))
        .values_list("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    }
    end = _month_start(now or timezone.now())
    start = _month_start(since) if since is not None else min(counts, default=end)
    rows, month = [], start
    while month <= end:
        rows.append(
            Row(
                key=month.strftime("%Y-%m"),
                label=month.strftime("%Y-%m"),
                count=counts.get(month, 0),
            )
        )
        month = _next_month(month)
    return rows


def _as_date(month) -> datetime.date:
    if isinstance(month, datetime.datetime):
        return timezone.localtime(month, JST).date() if timezone.is_aware(month) else month.date()
    return month


@dataclass(frozen=True)
class Activity:
    active_startups: int
    verified_startups: int
    active_officials: int
    verified_officials: int


def activity(*, now=None) -> Activity:
    """Active startups and officials over the last 90 days (whatever the period), one query each.

    * Active startup: a verified, not hidden startup that submitted a proposal, or one of whose
      members posted a (not deleted) channel message, in the last 90 days.
    * Active official: a verified official who published a support request as its author, or
      posted a (not deleted) channel message, in the last 90 days.
    """
    since = (now or timezone.now()) - datetime.timedelta(days=ACTIVE_DAYS)
    recent_messages = Message.objects.filter(created_at__gte=since, deleted_at__isnull=True)
    startups = (
        Startup.objects.verified()
        .filter(hidden_at__isnull=True)
        .aggregate(
            verified=Count("pk"),
            active=Count(
                "pk",
                filter=Q(
                    Exists(Proposal.objects.filter(startup=OuterRef("pk"), submitted_at__gte=since))
                )
                | Q(
                    Exists(
                        recent_messages.filter(author__startup_memberships__startup=OuterRef("pk"))
                    )
                ),
            ),
        )
    )
    officials = OfficialProfile.objects.filter(
        verification_state=VerificationState.VERIFIED
    ).aggregate(
        verified=Count("pk"),
        active=Count(
            "pk",
            filter=Q(
                Exists(
                    SupportRequest.objects.filter(author=OuterRef("user"), published_at__gte=since)
                )
            )
            | Q(Exists(recent_messages.filter(author=OuterRef("user")))),
        ),
    )
    return Activity(
        active_startups=startups["active"],
        verified_startups=startups["verified"],
        active_officials=officials["active"],
        verified_officials=officials["verified"],
    )


@dataclass(frozen=True)
class Joint:
    requests: int
    joint_requests: int
    accepted_joins: int
    share: float | None


def joint_requests(*, since=None) -> Joint:
    """Joint requests (共同): requests of the period shared by more than one municipality
    (``municipality_count > 1``, i.e. at least one accepted co-sponsor), and the number of
    accepted co-sponsorships on the period's requests."""
    requests = requests_in_period(since=since)
    counts = requests.aggregate(
        requests=Count("pk"), joint_requests=Count("pk", filter=Q(municipality_count__gt=1))
    )
    accepted = SupportRequestJoin.objects.filter(
        state=JoinState.ACCEPTED, support_request__in=requests
    ).count()
    return Joint(
        share=_rate(counts["joint_requests"], counts["requests"]),
        accepted_joins=accepted,
        **counts,
    )


@dataclass(frozen=True)
class EventAttendance:
    key: str
    title: str
    start_at: datetime.datetime | None
    capacity: int | None
    confirmed: int
    waitlisted: int
    cancelled: int

    @property
    def fill_rate(self) -> float | None:
        return _rate(self.confirmed, self.capacity)


def _registration_counts(events):
    by_status = lambda status: Count("registrations", filter=Q(registrations__status=status))  # noqa: E731
    return events.annotate(
        confirmed=by_status(RegistrationStatus.CONFIRMED),
        waitlisted=by_status(RegistrationStatus.WAITLISTED),
        cancelled=by_status(RegistrationStatus.CANCELLED),
    )


def event_attendance(*, since=None) -> list[EventAttendance]:
    """Registrations per live event starting in the period (by ``start_at``), oldest first:
    confirmed seats, waiting list and cancellations, with the capacity (empty: no limit);
    fill rate = confirmed ÷ capacity. One query. Japanese originals only (registrations belong
    to them; a translation is the same event)."""
    events = EventPage.objects.live().originals()
    if since is not None:
        events = events.filter(start_at__gte=since)
    rows = _registration_counts(events.order_by("start_at", "pk")).values_list(
        "pk", "title", "start_at", "capacity", "confirmed", "waitlisted", "cancelled"
    )
    return [
        EventAttendance(
            key=str(pk),
            title=title,
            start_at=start_at,
            capacity=capacity,
            confirmed=confirmed,
            waitlisted=waitlisted,
            cancelled=cancelled,
        )
        for pk, title, start_at, capacity, confirmed, waitlisted, cancelled in rows
    ]


@dataclass(frozen=True)
class AttendanceTotals:
    events: int
    confirmed: int
    waitlisted: int


def event_attendance_totals(*, since=None) -> AttendanceTotals:
    """Totals of :func:`event_attendance`: live events starting in the period, their confirmed
    registrations and their waiting lists. Two queries at most (one with a period)."""
    events = EventPage.objects.live().originals()
    if since is not None:
        events = events.filter(start_at__gte=since)
    counts = EventRegistration.objects.filter(event__in=events).aggregate(
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
    )
    return AttendanceTotals(events=events.count(), **counts)
