"""The dashboard's figures as a registry: what each one is called, who may see it, how it is
computed (a selector) and how it is laid out as a table (the page's fallback and its CSV).

Public figures are counts and rates only: no request, proposal or startup is named.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.dashboard import selectors
from portal.stages import figures as stage_figures


@dataclass(frozen=True)
class Period:
    key: str
    label: Any
    since: datetime.datetime | None


PERIOD_KEYS = ("all", "12m")
DEFAULT_PERIOD = "all"


def period_from(value, *, now=None) -> Period:
    """The period named by a query-string value; anything unknown means all time.

    "12m" is the last twelve calendar months in Japan, the current one included.
    """
    if value == "12m":
        today = timezone.localtime(now or timezone.now(), selectors.JST).date()
        month = today.replace(day=1)
        for _step in range(11):
            month = (month - datetime.timedelta(days=1)).replace(day=1)
        since = datetime.datetime.combine(month, datetime.time(), tzinfo=selectors.JST)
        return Period("12m", _("Last 12 months"), since)
    return Period("all", _("All time"), None)


def periods():
    return [period_from(key) for key in PERIOD_KEYS]


FUNNEL_LABELS = {
    "published": _("Published requests"),
    "proposed": _("With at least one proposal"),
    "selected": _("A proposal selected"),
    "co_creating": pgettext_lazy("dashboard funnel", "Co-creating"),
    "completed": pgettext_lazy("dashboard funnel", "Completed"),
    "adopted": _("Solution adopted"),
}
DURATION_LABELS = {
    "first_proposal": _("Publication to first proposal"),
    "selection": _("Publication to selection"),
}


def _percent(rate):
    return "" if rate is None else round(rate * 100, 1)


def _days(value):
    return "" if value is None else round(value, 1)


def _funnel_table(stages):
    headers = [
        _("Funnel stage"),
        _("Requests"),
        _("Share of previous stage (%)"),
        _("Share of published (%)"),
    ]
    rows = [
        [FUNNEL_LABELS[s.key], s.count, _percent(s.rate_from_previous), _percent(s.rate_from_start)]
        for s in stages
    ]
    return headers, rows


def _timing_build(since):
    return [
        selectors.time_to_first_proposal(since=since),
        selectors.time_to_selection(since=since),
    ]


def _timing_table(durations):
    headers = [_("Interval"), _("Requests measured"), _("Median (days)"), _("Mean (days)")]
    rows = [
        [DURATION_LABELS[d.key], d.requests, _days(d.median_days), _days(d.mean_days)]
        for d in durations
    ]
    return headers, rows


def _adoption_table(adoption):
    headers = [_("Completed requests"), _("Adopted"), _("Adoption rate (%)")]
    return headers, [[adoption.completed, adoption.adopted, _percent(adoption.rate)]]


def _rows_table(first_header):
    def table(rows):
        return [first_header, _("Requests")], [[row.label, row.count] for row in rows]

    return table


def _activity_table(activity):
    headers = [_("Who"), _("Active in the last 90 days"), _("Verified")]
    rows = [
        [_("Startups"), activity.active_startups, activity.verified_startups],
        [_("Officials"), activity.active_officials, activity.verified_officials],
    ]
    return headers, rows


def _joint_table(joint):
    headers = [
        _("Published requests"),
        _("Joint requests"),
        _("Share of joint requests (%)"),
        _("Accepted co-sponsorships"),
    ]
    return headers, [
        [joint.requests, joint.joint_requests, _percent(joint.share), joint.accepted_joins]
    ]


def _events_table(events):
    headers = [
        _("Event"),
        _("Starts (Japan time)"),
        _("Capacity"),
        _("Confirmed"),
        _("Waiting list"),
        _("Cancelled"),
        _("Fill rate (%)"),
    ]
    rows = [
        [
            event.title,
            timezone.localtime(event.start_at, selectors.JST).strftime("%Y-%m-%d %H:%M"),
            "" if event.capacity is None else event.capacity,
            event.confirmed,
            event.waitlisted,
            event.cancelled,
            _percent(event.fill_rate),
        ]
        for event in events
    ]
    return headers, rows


def _event_totals_table(totals):
    headers = [_("Events"), _("Confirmed registrations"), _("Waiting list")]
    return headers, [[totals.events, totals.confirmed, totals.waitlisted]]


def _stages_table(funnel):
    headers = [
        _("Stage"),
        _("Co-creations that reached it"),
        _("Share of previous stage (%)"),
        _("Share of selected (%)"),
        _("In this stage now"),
        _("Stopped in this stage"),
    ]
    rows = [
        [
            s.label,
            s.count,
            _percent(s.rate_from_previous),
            _percent(s.rate_from_start),
            s.active,
            s.stopped,
        ]
        for s in funnel.stages
    ]
    rows.append(
        [
            _("PoC → procurement (%)"),
            funnel.procurement,
            _percent(funnel.poc_to_procurement),
            "",
            "",
            "",
        ]
    )
    return headers, rows


def _stage_days_table(durations):
    headers = [_("Stage"), _("Co-creations measured"), _("Median (days)"), _("Mean (days)")]
    return headers, [
        [d.label, d.measured, _days(d.median_days), _days(d.mean_days)] for d in durations
    ]


def _stage_stops_table(stops):
    headers = [_("Stopped at stage"), _("Reason"), _("Co-creations")]
    labels = dict(stage_figures.StopReason.choices)
    stage_labels = dict(stage_figures.Stage.choices)
    rows = [
        [stage_labels[cell.stage], labels[cell.reason], cell.count]
        for cell in stops.cells
        if cell.count
    ]
    return headers, rows


def _stage_detail_table(rows):
    headers = [
        _("Request"),
        _("Title"),
        _("Municipality"),
        _("Current stage"),
        pgettext_lazy("co-creation", "Status"),
        _("In this stage since"),
        _("Reason for stopping"),
    ]
    return headers, [
        [
            r.request_id,
            r.title,
            r.municipality,
            r.stage_label,
            r.status,
            str(r.entered_on),
            r.stop_reason,
        ]
        for r in rows
    ]


@dataclass(frozen=True)
class Figure:
    slug: str
    title: Any
    definition: Any
    public: bool
    build: Callable[[datetime.datetime | None], Any]
    table: Callable[[Any], tuple[list, list]]


FIGURES = [
    Figure(
        "funnel",
        _("From request to adoption"),
        _(
            "Published requests; those with at least one submitted proposal; with a proposal "
            "selected; that went through co-creation; completed; completed with the solution "
            "adopted."
        ),
        True,
        lambda since: selectors.funnel(since=since),
        _funnel_table,
    ),
    Figure(
        "timing",
        _("Days to first proposal and to selection"),
        _(
            "Days from a request's publication to its first submitted proposal, and to the "
            "first selection of a proposal; over the requests that reached that step."
        ),
        True,
        _timing_build,
        _timing_table,
    ),
    Figure(
        "adoption",
        _("Adoption rate"),
        _("Completed requests whose outcome is “adopted”, divided by completed requests."),
        True,
        lambda since: selectors.adoption(since=since),
        _adoption_table,
    ),
    Figure(
        "categories",
        _("Requests by category"),
        _("Published requests per DX area."),
        True,
        lambda since: selectors.requests_by_category(since=since),
        _rows_table(_("Category")),
    ),
    Figure(
        "prefectures",
        _("Requests by prefecture"),
        _("Published requests per prefecture of the posting municipality."),
        True,
        lambda since: selectors.requests_by_prefecture(since=since),
        _rows_table(_("Prefecture")),
    ),
    Figure(
        "months",
        _("Requests by month"),
        _("Published requests per month of publication (Japan time)."),
        True,
        lambda since: selectors.requests_by_month(since=since),
        _rows_table(_("Month")),
    ),
    Figure(
        "joint",
        _("Joint requests"),
        _(
            "Requests shared by more than one municipality (at least one accepted "
            "co-sponsor), and the accepted co-sponsorships."
        ),
        True,
        lambda since: selectors.joint_requests(since=since),
        _joint_table,
    ),
    Figure(
        "attendance",
        _("Event attendance"),
        _("Published events starting in the period and their confirmed registrations."),
        True,
        lambda since: selectors.event_attendance_totals(since=since),
        _event_totals_table,
    ),
    Figure(
        "stages",
        _("From PoC to procurement"),
        _(
            "Co-creations (the stage tracker of a published request) that reached each stage, "
            "from the selection of a startup to full adoption; a co-creation counts in every "
            "stage up to the one it is in or stopped at. The headline rate: co-creations that "
            "reached procurement divided by those that reached the PoC."
        ),
        True,
        lambda since: stage_figures.stage_funnel(since=since),
        _stages_table,
    ),
    Figure(
        "stage_days",
        _("Days in each stage"),
        _(
            "Calendar days from entering a stage to entering the next one, over the stages "
            "that were left that way (stages still running or stopped in are not measured)."
        ),
        True,
        lambda since: stage_figures.stage_days(since=since),
        _stage_days_table,
    ),
    Figure(
        "stage_stops",
        _("Where and why co-creations stopped"),
        _("Co-creations stopped (見送り), by the stage they stopped at and the reason recorded."),
        True,
        lambda since: stage_figures.stage_stops(since=since),
        _stage_stops_table,
    ),
    Figure(
        "stage_detail",
        _("Co-creations by stage"),
        _("Every co-creation with its current stage, status and reason for stopping."),
        False,
        lambda since: stage_figures.stage_detail(since=since),
        _stage_detail_table,
    ),
    Figure(
        "activity",
        _("Active startups and officials"),
        _(
            "Over the last 90 days whatever the period. Active startup: a verified startup "
            "that submitted a proposal or whose member posted a channel message. Active "
            "official: a verified official who published a request or posted a channel message."
        ),
        False,
        lambda since: selectors.activity(),
        _activity_table,
    ),
    Figure(
        "events",
        _("Attendance per event"),
        _(
            "Registrations per published event starting in the period: confirmed seats, waiting "
            "list, cancellations; fill rate is confirmed seats divided by capacity."
        ),
        False,
        lambda since: selectors.event_attendance(since=since),
        _events_table,
    ),
]
FIGURES_BY_SLUG = {figure.slug: figure for figure in FIGURES}


def figures_for(*, moderator: bool) -> list[Figure]:
    return [figure for figure in FIGURES if moderator or figure.public]


def figure_get(*, slug: str, moderator: bool) -> Figure | None:
    """The figure named `slug` if the viewer may read it (public ones for everyone)."""
    figure = FIGURES_BY_SLUG.get(slug)
    if figure is None or not (figure.public or moderator):
        return None
    return figure


def build_all(figures, *, since) -> dict[str, Any]:
    return {figure.slug: figure.build(since) for figure in figures}
