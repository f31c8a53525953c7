"""Reads of the stage tracker: permission-checked getters, the timeline, the next step and what
is waiting for whom. The dashboard's figures are in ``portal.stages.figures``."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.community.models.support_requests import deadline_today
from portal.community.selectors import support_request_get_for_user
from portal.stages import policies
from portal.stages.models import (
    STAGE_ORDER,
    CoCreation,
    Stage,
    StageDocument,
    StagePeriod,
    StageTemplate,
    StageUpdate,
    UpdateState,
    stage_index,
)

MUNICIPALITY = "municipality"
STARTUP = "startup"


def tracker_of(support_request) -> CoCreation | None:
    """The request's tracker with what the timeline shows, or None (never started)."""
    return (
        CoCreation.objects.filter(support_request_id=support_request.pk)
        .select_related("budget_subsidy")
        .prefetch_related("periods")
        .first()
    )


def tracker_get_for_user(*, user, request_pk) -> CoCreation:
    """The tracker of a request `user` may read (404 otherwise); details are checked apart."""
    support_request = support_request_get_for_user(user=user, pk=request_pk)
    tracker = tracker_of(support_request)
    if tracker is None:
        raise Http404
    tracker.support_request = support_request
    return tracker


def tracker_get_for_member(*, user, request_pk) -> CoCreation:
    """The tracker, for its audience only (the request's officials, selected startups'
    members, moderators); 404 for everyone else so that nothing leaks."""
    tracker = tracker_get_for_user(user=user, request_pk=request_pk)
    if not policies.can_view_details(user, tracker):
        raise Http404
    return tracker


def document_get_for_user(*, user, request_pk, pk) -> StageDocument:
    tracker = tracker_get_for_member(user=user, request_pk=request_pk)
    document = tracker.documents.filter(pk=pk).first()
    if document is None:
        raise Http404
    document.tracker = tracker
    return document


def update_get_for_user(*, user, request_pk, pk) -> StageUpdate:
    tracker = tracker_get_for_member(user=user, request_pk=request_pk)
    update = tracker.updates.filter(pk=pk).first()
    if update is None:
        raise Http404
    update.tracker = tracker
    return update


@dataclass(frozen=True)
class TimelineRow:
    stage: str
    label: str
    status: str  # done / current / stopped / upcoming
    entered_on: datetime.date | None
    left_on: datetime.date | None
    planned_end: datetime.date | None
    overdue: bool


def timeline(tracker: CoCreation, *, today=None) -> list[TimelineRow]:
    """Every stage in order with its dates; uses the prefetched periods (no query)."""
    today = today or deadline_today()
    periods = {period.stage: period for period in tracker.periods.all()}
    current = stage_index(tracker.stage)
    rows = []
    for index, stage in enumerate(STAGE_ORDER):
        period = periods.get(stage)
        status = "upcoming"
        if index < current:
            status = "done"
        elif index == current:
            status = "stopped" if tracker.is_stopped else "current"
            if stage == Stage.ADOPTION:
                status = "done"
        rows.append(
            TimelineRow(
                stage=stage,
                label=str(Stage(stage).label),
                status=status,
                entered_on=period.entered_on if period else None,
                left_on=period.left_on if period else None,
                planned_end=period.planned_end if period else None,
                overdue=bool(
                    status == "current"
                    and period
                    and period.planned_end
                    and period.planned_end < today
                ),
            )
        )
    return rows


@dataclass(frozen=True)
class NextStep:
    text: str
    waiting_for: str  # MUNICIPALITY or STARTUP


MISSING_TEXT = _("Record %(fields)s, then move on to %(next)s.")


def next_step(tracker: CoCreation, *, pending_updates: int, kpis=None) -> NextStep | None:
    """What has to happen next and whom it waits for; None once the tracker is closed."""
    from portal.stages.services import REQUIRED_TO_LEAVE, _field_label

    if tracker.is_closed:
        return None
    if pending_updates:
        return NextStep(
            gettext("Confirm or reject the %(count)d proposed update(s).")
            % {"count": pending_updates},
            MUNICIPALITY,
        )
    kpis = list(tracker.kpis.all()) if kpis is None else kpis
    following = tracker.next_stage_label
    if tracker.stage == Stage.POC and not tracker.poc_actual_end:
        return NextStep(gettext("Run the PoC and report its actual dates."), STARTUP)
    if tracker.stage == Stage.EVALUATION and any(kpi.result is None for kpi in kpis):
        return NextStep(gettext("Report the KPI results of the PoC."), STARTUP)
    missing = [name for name in REQUIRED_TO_LEAVE[tracker.stage] if not getattr(tracker, name)]
    if tracker.stage == Stage.POC and not kpis:
        missing.append("kpis")
    if missing:
        labels = [gettext("KPI targets") if n == "kpis" else _field_label(n) for n in missing]
        return NextStep(
            str(MISSING_TEXT) % {"fields": "、".join(labels), "next": following}, MUNICIPALITY
        )
    return NextStep(gettext("Move on to %(next)s.") % {"next": following}, MUNICIPALITY)


def tracker_page_data(tracker: CoCreation) -> dict:
    """What the tracker page shows to its audience, in a fixed number of queries."""
    kpis = list(tracker.kpis.all())
    updates = list(
        tracker.updates.select_related(
            "author__official_profile_row", "decided_by__official_profile_row"
        ).prefetch_related("documents")
    )
    pending = [update for update in updates if update.state == UpdateState.PENDING]
    documents = list(tracker.documents.filter(confirmed=True))
    for document in [*documents, *(d for update in updates for d in update.documents.all())]:
        document.tracker = tracker  # its URL names the request: no query per document
    templates = list(StageTemplate.objects.select_related("document"))
    by_stage = {stage: [] for stage in STAGE_ORDER}
    for document in documents:
        by_stage[document.stage].append(document)
    template_by_stage = {stage: [] for stage in STAGE_ORDER}
    for template in templates:
        template_by_stage[template.stage].append(template)
    return {
        "cards": stage_cards(tracker, documents=by_stage, templates=template_by_stage),
        "kpis": kpis,
        "updates": updates,
        "pending_updates": pending,
        "documents_by_stage": by_stage,
        "templates_by_stage": template_by_stage,
        "events": list(tracker.events.select_related("actor__official_profile_row")),
        "next_step": next_step(tracker, pending_updates=len(pending), kpis=kpis),
    }


@dataclass
class WaitingItem:
    tracker: CoCreation
    next_step: NextStep | None
    overdue: bool
    planned_end: datetime.date | None


def _waiting(trackers, *, today=None) -> list[WaitingItem]:
    today = today or deadline_today()
    items = []
    for tracker in trackers:
        period = next((p for p in tracker.periods.all() if p.stage == tracker.stage), None)
        planned_end = period.planned_end if period else None
        items.append(
            WaitingItem(
                tracker=tracker,
                next_step=next_step(
                    tracker, pending_updates=tracker.pending_count, kpis=list(tracker.kpis.all())
                ),
                overdue=bool(planned_end and planned_end < today),
                planned_end=planned_end,
            )
        )
    return items


def _with_waiting_data(trackers):
    return (
        trackers.active()
        .select_related("support_request__municipality__prefecture")
        .prefetch_related(
            Prefetch("periods", queryset=StagePeriod.objects.order_by("entered_on")), "kpis"
        )
        .annotate(pending_count=Count("updates", filter=Q(updates__state=UpdateState.PENDING)))
        .order_by("support_request__title", "pk")
    )


def waiting_for_user(*, user) -> list[WaitingItem]:
    """Active co-creations of the user's municipality (officials) or startup (members), with
    the next step and whom it waits for. A fixed number of queries whatever the count."""
    if not user.is_authenticated:
        return []
    if user.is_verified_official:
        trackers = CoCreation.objects.filter(
            support_request__municipality_id=user.official_profile.municipality_id
        )
    elif user.is_startup_member:
        trackers = CoCreation.objects.for_startup(user.startup_membership.startup_id)
    else:
        return []
    return _waiting(_with_waiting_data(trackers))


def case_study_stage_text(support_request) -> str:
    """The stage timeline and KPI results of a request's co-creation, "" without a tracker
    (for the case-study draft made from the completed request, portal.adoption)."""
    tracker = tracker_of(support_request)
    return case_study_text(tracker) if tracker else ""


def case_study_text(tracker: CoCreation) -> str:
    """The stage timeline and the KPI results, as text for a case-study draft."""
    lines = ["", str(CASE_STAGES) + ":"]
    for row in timeline(tracker):
        if row.entered_on is None:
            continue
        end = f" – {row.left_on}" if row.left_on else ""
        lines.append(f"・{row.label}: {row.entered_on}{end}")
    if tracker.is_stopped:
        stopped = str(CASE_STOPPED)
        lines.append(f"・{stopped}: {tracker.stopped_on} ({tracker.get_stop_reason_display()})")
    kpis = list(tracker.kpis.all())
    if kpis:
        lines += ["", str(CASE_KPIS) + ":"]
        lines += [_kpi_line(kpi) for kpi in kpis]
    return "\n".join(lines)


CASE_STAGES = _("Stages")
CASE_STOPPED = _("Stopped")
CASE_KPIS = _("KPI results")
CASE_KPI_LINE = _("%(name)s: target %(target)s%(unit)s / result %(result)s%(unit)s %(met)s")
MET = {True: _("met"), False: _("not met"), None: ""}


def _kpi_line(kpi) -> str:
    result = "—" if kpi.result is None else f"{kpi.result.normalize():f}"
    values = {
        "name": kpi.name,
        "target": f"{kpi.target.normalize():f}",
        "unit": kpi.unit,
        "result": result,
        "met": str(MET[kpi.met]),
    }
    return "・" + (str(CASE_KPI_LINE) % values).rstrip()


@dataclass(frozen=True)
class StageCard:
    row: TimelineRow
    facts: list  # [(label, value)]
    documents: list
    templates: list


def _fact_value(tracker: CoCreation, name: str):
    field = CoCreation._meta.get_field(name)
    if field.choices:
        return getattr(tracker, f"get_{name}_display")()
    value = getattr(tracker, name)
    if name == "budget_amount_yen" and value is not None:
        return gettext("%(amount)s yen") % {"amount": f"{value:,}"}
    return value


def stage_cards(tracker: CoCreation, *, documents, templates) -> list[StageCard]:
    """One card per stage: its dates, recorded details, evidence and templates."""
    from portal.stages.services import STAGE_FIELDS

    cards = []
    for row in timeline(tracker):
        facts = [
            (CoCreation._meta.get_field(name).verbose_name, _fact_value(tracker, name))
            for name in STAGE_FIELDS[row.stage]
        ]
        cards.append(
            StageCard(
                row=row,
                facts=[(label, value) for label, value in facts if value not in (None, "")],
                documents=documents[row.stage],
                templates=templates[row.stage],
            )
        )
    return cards
