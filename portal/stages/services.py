"""Writes of the stage tracker. Every change checks who may make it and leaves a history row.

Reaching full adoption, or stopping, completes the support request through the community app's
own ``support_request_complete`` with the outcome taken from the stages (adopted, contract
route, budget secured, lessons), so nothing is typed twice.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.accounts.models import User
from portal.community.models import RequestState, SupportRequest
from portal.community.models.support_requests import deadline_today
from portal.community.services import support_request_complete
from portal.core.text import validate_storable_text
from portal.core.uploads import attachment_delete, attachment_fill
from portal.stages import policies
from portal.stages.models import (
    STAGE_ORDER,
    CoCreation,
    Decision,
    EventKind,
    Kpi,
    Stage,
    StageDocument,
    StageEvent,
    StagePeriod,
    StageUpdate,
    StopReason,
    UpdateState,
    next_stage,
    stage_index,
)
from portal.stages.notifications import notify_update_decided, notify_update_proposed

# The details each stage records (fields of CoCreation), in form order.
STAGE_FIELDS: dict[str, tuple[str, ...]] = {
    Stage.SELECTED: (),
    Stage.AGREEMENT: ("agreement_kind", "agreement_signed_on", "agreement_parties"),
    Stage.POC: ("poc_planned_start", "poc_planned_end", "poc_actual_start", "poc_actual_end"),
    Stage.EVALUATION: ("evaluation_decision", "evaluation_summary"),
    Stage.BUDGET: (
        "budget_fiscal_year",
        "budget_amount_yen",
        "budget_kind",
        "budget_subsidy",
        "budget_subsidy_name",
    ),
    Stage.PROCUREMENT: (
        "procurement_route",
        "procurement_announced_on",
        "procurement_contracted_on",
    ),
    Stage.ADOPTION: ("adoption_started_on",),
}
# What must be recorded before a stage can be left for the next one.
REQUIRED_TO_LEAVE: dict[str, tuple[str, ...]] = {
    Stage.SELECTED: (),
    Stage.AGREEMENT: ("agreement_kind", "agreement_signed_on"),
    Stage.POC: ("poc_actual_start", "poc_actual_end"),
    Stage.EVALUATION: ("evaluation_decision",),
    Stage.BUDGET: ("budget_fiscal_year", "budget_amount_yen", "budget_kind"),
    Stage.PROCUREMENT: ("procurement_route", "procurement_contracted_on"),
    Stage.ADOPTION: (),
}
# Startups propose dates (and KPI results); the other details are the municipality's to write.
PROPOSABLE_FIELDS = frozenset(
    name for fields in STAGE_FIELDS.values() for name in fields if name.endswith("_on")
) | {"poc_planned_start", "poc_planned_end", "poc_actual_start", "poc_actual_end"}
# The PoC's planned end is also the PoC period's planned end (the reminders read periods).
POC_PLANNED_END = "poc_planned_end"

NOT_CO_CREATING = _("The support request is not in co-creation any more.")
MISSING_TO_LEAVE = _("Record these before moving on: %(fields)s.")
NO_GO_CANNOT_ADVANCE = _(
    "The evaluation decided no-go: stop the co-creation instead of moving to budgeting."
)
KPI_REQUIRED = _("Set at least one KPI target before the PoC ends.")
KPI_RESULTS_REQUIRED = _("Record the result of every KPI before the decision is taken.")
DATE_BEFORE_STAGE = _("The date cannot be before the current stage began (%(date)s).")
DATE_IN_FUTURE = _("The date cannot be in the future (Japan time).")
PLANNED_END_BEFORE_START = _("The planned end cannot be before the stage begins.")
STOP_REASON_REQUIRED = _("Choose why the co-creation stops.")
LESSONS_REQUIRED = _("Write down what you learned, so that the next municipality can build on it.")
NOTHING_PROPOSED = _("Propose at least one date, KPI result or document.")
NOT_PROPOSABLE = _("This cannot be proposed here.")
BAD_VALUE = _("“%(value)s” is not a valid value for %(field)s.")
UPDATE_DECIDED = _("This update was already answered.")
STAGE_NOT_REACHED = _("This stage has not been reached yet.")
NOT_A_FIELD = "Not a detail of stage {stage}: {names}"


def _today() -> datetime.date:
    return deadline_today()


def _locked(tracker: CoCreation) -> CoCreation:
    return (
        CoCreation.objects.select_related("support_request").select_for_update().get(pk=tracker.pk)
    )


def _check_open(tracker: CoCreation) -> None:
    if tracker.is_closed or tracker.support_request.state != RequestState.CO_CREATING:
        raise ValidationError(NOT_CO_CREATING, code="closed")


def _require_owner(actor: User, tracker: CoCreation) -> None:
    if not policies.can_move(actor, tracker):
        raise PermissionDenied(policies.NOT_OWNER)


def _event(tracker, *, kind, actor, note="", from_stage="", to_stage="") -> StageEvent:
    return StageEvent.objects.create(
        tracker=tracker,
        kind=kind,
        actor=actor,
        note=(note or "").strip(),
        from_stage=from_stage,
        to_stage=to_stage,
    )


def _current_period(tracker: CoCreation) -> StagePeriod:
    return tracker.periods.get(stage=tracker.stage)


def _check_date(value: datetime.date, *, field: str, period: StagePeriod) -> None:
    if value < period.entered_on:
        raise ValidationError(
            {field: ValidationError(DATE_BEFORE_STAGE, params={"date": period.entered_on})}
        )
    if value > _today():
        raise ValidationError({field: DATE_IN_FUTURE})


def _check_planned_end(planned_end, *, entered_on) -> None:
    if planned_end is not None and planned_end < entered_on:
        raise ValidationError({"planned_end": PLANNED_END_BEFORE_START})


# --- Start -------------------------------------------------------------------------------------


def tracker_start(
    *, support_request: SupportRequest, selected_on: datetime.date | None = None, actor=None
) -> CoCreation:
    """The tracker of a request entering co-creation (idempotent): stage "selection" from
    `selected_on` (default today in Japan). Called when the request moves to co_creating."""
    tracker, created = CoCreation.objects.get_or_create(support_request=support_request)
    if created:
        StagePeriod.objects.create(
            tracker=tracker, stage=Stage.SELECTED, entered_on=selected_on or _today()
        )
        _event(tracker, kind=EventKind.STARTED, actor=actor, to_stage=Stage.SELECTED)
    return tracker


# --- Details, KPIs -----------------------------------------------------------------------------


def _field_label(name: str) -> str:
    if name == "planned_end":
        return str(StagePeriod._meta.get_field("planned_end").verbose_name)
    return str(CoCreation._meta.get_field(name).verbose_name)


def _display(tracker: CoCreation, name: str) -> str:
    field = CoCreation._meta.get_field(name)
    if field.choices:
        return str(getattr(tracker, f"get_{name}_display")())
    value = getattr(tracker, name)
    return "" if value is None else str(value)


def _set_details(tracker: CoCreation, *, stage: str, fields: dict) -> list[str]:
    """Assign `fields` (details of `stage`); returns "label: value" lines for what changed."""
    unknown = set(fields) - set(STAGE_FIELDS[stage])
    if unknown:
        raise TypeError(NOT_A_FIELD.format(stage=stage, names=sorted(unknown)))
    changed = []
    for name, value in fields.items():
        if isinstance(value, str):
            validate_storable_text(value)
            value = value.strip()
        if getattr(tracker, name) != value:
            setattr(tracker, name, value)
            changed.append(f"{_field_label(name)}: {_display(tracker, name) or '—'}")
    return changed


def _save_tracker(tracker: CoCreation) -> CoCreation:
    tracker.full_clean(exclude=["support_request"])
    tracker.save()
    return tracker


def _sync_poc_period(tracker: CoCreation) -> None:
    tracker.periods.filter(stage=Stage.POC).update(planned_end=tracker.poc_planned_end)


@transaction.atomic
def tracker_details_update(
    *,
    tracker: CoCreation,
    actor: User,
    stage: str,
    planned_end: datetime.date | None = None,
    note: str = "",
    **fields,
) -> CoCreation:
    """Record details of `stage` (reached already) and, for the current stage, its planned end."""
    tracker = _locked(tracker)
    _require_owner(actor, tracker)
    _check_open(tracker)
    if stage_index(stage) > stage_index(tracker.stage):
        raise ValidationError(STAGE_NOT_REACHED, code="not_reached")
    changed = _set_details(tracker, stage=stage, fields=fields)
    if stage == tracker.stage and stage != Stage.POC:
        changed += _set_planned_end(tracker, planned_end)
    _save_tracker(tracker)
    _sync_poc_period(tracker)
    if changed or note:
        summary = "\n".join([*changed, note.strip()]).strip()
        _event(tracker, kind=EventKind.UPDATED, actor=actor, note=summary, to_stage=stage)
    return tracker


def _set_planned_end(tracker: CoCreation, planned_end) -> list[str]:
    period = _current_period(tracker)
    if period.planned_end == planned_end:
        return []
    _check_planned_end(planned_end, entered_on=period.entered_on)
    period.planned_end = planned_end
    period.save(update_fields=["planned_end"])
    return [f"{_field_label('planned_end')}: {planned_end or '—'}"]


@transaction.atomic
def kpi_add(
    *,
    tracker: CoCreation,
    actor: User,
    name: str,
    target: Decimal,
    unit: str = "",
    higher_is_better: bool = True,
) -> Kpi:
    """A KPI target of the PoC (officials, until the evaluation is decided)."""
    tracker = _locked(tracker)
    _require_owner(actor, tracker)
    _check_open(tracker)
    validate_storable_text(name)
    validate_storable_text(unit)
    kpi = Kpi(
        tracker=tracker,
        name=name.strip(),
        unit=unit.strip(),
        target=target,
        higher_is_better=higher_is_better,
    )
    kpi.full_clean()
    kpi.save()
    unit_text = f" {kpi.unit}" if kpi.unit else ""
    note = gettext("KPI target: %(name)s %(target)s%(unit)s") % {
        "name": kpi.name,
        "target": kpi.target,
        "unit": unit_text,
    }
    _event(tracker, kind=EventKind.UPDATED, actor=actor, note=note, to_stage=tracker.stage)
    return kpi


@transaction.atomic
def kpi_results_set(*, tracker: CoCreation, actor: User, results: dict) -> CoCreation:
    """Set KPI results `{kpi_id: Decimal | None}` (officials)."""
    tracker = _locked(tracker)
    _require_owner(actor, tracker)
    _check_open(tracker)
    lines = _apply_kpi_results(tracker, results)
    if lines:
        _event(tracker, kind=EventKind.UPDATED, actor=actor, note="\n".join(lines))
    return tracker


def _apply_kpi_results(tracker: CoCreation, results: dict) -> list[str]:
    kpis = {kpi.pk: kpi for kpi in tracker.kpis.all()}
    lines = []
    for kpi_id, value in results.items():
        kpi = kpis.get(int(kpi_id))
        if kpi is None:
            raise ValidationError(NOT_PROPOSABLE, code="unknown_kpi")
        if kpi.result != value:
            kpi.result = value
            kpi.full_clean()
            kpi.save(update_fields=["result", "updated_at"])
            shown = "—" if value is None else value
            lines.append(gettext("KPI result: %(name)s") % {"name": kpi.name} + f" {shown}")
    return lines


# --- Moving and stopping -----------------------------------------------------------------------


def _check_can_leave(tracker: CoCreation) -> None:
    missing = [name for name in REQUIRED_TO_LEAVE[tracker.stage] if not getattr(tracker, name)]
    if missing:
        raise ValidationError(
            MISSING_TO_LEAVE,
            code="missing",
            params={"fields": "、".join(_field_label(name) for name in missing)},
        )
    kpis = list(tracker.kpis.all())
    if tracker.stage == Stage.POC and not kpis:
        raise ValidationError(KPI_REQUIRED, code="kpi_required")
    if tracker.stage == Stage.EVALUATION:
        if any(kpi.result is None for kpi in kpis):
            raise ValidationError(KPI_RESULTS_REQUIRED, code="kpi_results")
        if tracker.evaluation_decision == Decision.NO_GO:
            raise ValidationError(NO_GO_CANNOT_ADVANCE, code="no_go")


@transaction.atomic
def stage_advance(
    *,
    tracker: CoCreation,
    actor: User,
    entered_on: datetime.date,
    planned_end: datetime.date | None = None,
    note: str = "",
    lessons: str = "",
) -> CoCreation:
    """Move to the next stage from `entered_on`. Reaching full adoption completes the request."""
    tracker = _locked(tracker)
    _require_owner(actor, tracker)
    _check_open(tracker)
    _check_can_leave(tracker)
    validate_storable_text(note)
    validate_storable_text(lessons)
    period = _current_period(tracker)
    _check_date(entered_on, field="entered_on", period=period)
    _check_planned_end(planned_end, entered_on=entered_on)
    period.left_on = entered_on
    period.save(update_fields=["left_on"])
    from_stage, tracker.stage = tracker.stage, next_stage(tracker.stage)
    StagePeriod.objects.create(
        tracker=tracker, stage=tracker.stage, entered_on=entered_on, planned_end=planned_end
    )
    if tracker.stage == Stage.POC and planned_end:
        tracker.poc_planned_end = planned_end
    _event(
        tracker,
        kind=EventKind.MOVED,
        actor=actor,
        note=note,
        from_stage=from_stage,
        to_stage=tracker.stage,
    )
    if tracker.stage == Stage.ADOPTION:
        return _complete_adopted(tracker, actor=actor, started_on=entered_on, lessons=lessons)
    return _save_tracker(tracker)


def _close(tracker: CoCreation, *, lessons: str) -> None:
    tracker.closed_at = timezone.now()
    tracker.lessons = (lessons or "").strip()
    _save_tracker(tracker)


def _complete_adopted(tracker, *, actor, started_on, lessons) -> CoCreation:
    tracker.adoption_started_on = started_on
    _close(tracker, lessons=lessons)
    support_request_complete(
        support_request=tracker.support_request,
        actor=actor,
        adopted=True,
        contract_route=tracker.procurement_route,
        budget_secured=True,
        lessons=tracker.lessons,
        reason=gettext("Full adoption reached (stage tracker)."),
    )
    return tracker


def _budget_secured(tracker: CoCreation) -> bool | None:
    """Known once budgeting was reached: secured if the tracker went past it."""
    if stage_index(tracker.stage) > stage_index(Stage.BUDGET):
        return True
    return False if tracker.stage == Stage.BUDGET else None


@transaction.atomic
def stage_stop(
    *,
    tracker: CoCreation,
    actor: User,
    reason: str,
    lessons: str,
    stopped_on: datetime.date,
    note: str = "",
) -> CoCreation:
    """見送り at the current stage: completes the request as not adopted, with the lessons."""
    tracker = _locked(tracker)
    _require_owner(actor, tracker)
    _check_open(tracker)
    if reason not in StopReason.values:
        raise ValidationError({"reason": STOP_REASON_REQUIRED})
    if not (lessons or "").strip():
        raise ValidationError({"lessons": LESSONS_REQUIRED})
    validate_storable_text(lessons)
    validate_storable_text(note)
    _check_date(stopped_on, field="stopped_on", period=_current_period(tracker))
    tracker.stopped_on, tracker.stop_reason = stopped_on, reason
    _close(tracker, lessons=lessons)
    label = StopReason(reason).label
    _event(
        tracker,
        kind=EventKind.STOPPED,
        actor=actor,
        note="\n".join(filter(None, [str(label), note.strip()])),
        from_stage=tracker.stage,
    )
    support_request_complete(
        support_request=tracker.support_request,
        actor=actor,
        adopted=False,
        budget_secured=_budget_secured(tracker),
        lessons=tracker.lessons,
        reason=gettext("Stopped: %(reason)s") % {"reason": label},
    )
    return tracker


# --- Documents ---------------------------------------------------------------------------------


MAX_DOCUMENTS = 30
TOO_MANY_DOCUMENTS = _("A co-creation can have at most %(limit)d documents.")


def _document(tracker, *, actor, stage, upload, title, update=None) -> StageDocument:
    if tracker.documents.count() >= MAX_DOCUMENTS:
        raise ValidationError(TOO_MANY_DOCUMENTS, code="too_many", params={"limit": MAX_DOCUMENTS})
    if stage_index(stage) > stage_index(tracker.stage):
        raise ValidationError(STAGE_NOT_REACHED, code="not_reached")
    validate_storable_text(title)
    document = attachment_fill(
        attachment=StageDocument(
            tracker=tracker,
            stage=stage,
            title=(title or "").strip() or upload.name[:120],
            update=update,
            confirmed=update is None,
        ),
        upload=upload,
        uploaded_by=actor,
    )
    document.full_clean()
    document.save()
    return document


@transaction.atomic
def stage_document_add(
    *, tracker: CoCreation, actor: User, stage: str, upload, title: str = ""
) -> StageDocument:
    """An official attaches evidence to a stage reached (confirmed at once)."""
    tracker = _locked(tracker)
    _require_owner(actor, tracker)
    _check_open(tracker)
    document = _document(tracker, actor=actor, stage=stage, upload=upload, title=title)
    _event(tracker, kind=EventKind.DOCUMENT, actor=actor, note=document.title, to_stage=stage)
    return document


@transaction.atomic
def stage_document_delete(*, document: StageDocument, actor: User) -> None:
    tracker = _locked(document.tracker)
    _require_owner(actor, tracker)
    _check_open(tracker)
    title, stage = document.title, document.stage
    attachment_delete(attachment=document)
    _event(tracker, kind=EventKind.DOCUMENT_REMOVED, actor=actor, note=title, to_stage=stage)


# --- Updates proposed by the selected startups -------------------------------------------------


def _parse_change(tracker: CoCreation, key: str, value: str):
    """The typed value of one proposed change; raises ValidationError on bad input."""
    if key.startswith("kpi:"):
        kpi = tracker.kpis.filter(pk=key[4:] if key[4:].isdigit() else 0).first()
        if kpi is None:
            raise ValidationError(NOT_PROPOSABLE, code="not_proposable")
        try:
            return Decimal(value)
        except InvalidOperation:
            raise ValidationError(
                BAD_VALUE, code="bad_value", params={"value": value, "field": kpi.name}
            ) from None
    if key not in PROPOSABLE_FIELDS:
        raise ValidationError(NOT_PROPOSABLE, code="not_proposable")
    parsed = parse_date(value) if isinstance(value, str) else None
    if parsed is None:
        raise ValidationError(
            BAD_VALUE, code="bad_value", params={"value": value, "field": _field_label(key)}
        )
    return parsed


def _stage_of_field(name: str) -> str:
    return next(stage for stage, fields in STAGE_FIELDS.items() if name in fields)


@transaction.atomic
def stage_update_propose(
    *,
    tracker: CoCreation,
    actor: User,
    changes: dict,
    note: str = "",
    upload=None,
    document_title: str = "",
) -> StageUpdate:
    """A selected startup's member proposes dates, KPI results and/or a document."""
    tracker = _locked(tracker)
    if not policies.can_propose(actor, tracker):
        raise PermissionDenied(policies.NOT_SELECTED_STARTUP)
    _check_open(tracker)
    changes = {key: str(value) for key, value in changes.items() if value not in (None, "")}
    for key, value in changes.items():
        _parse_change(tracker, key, value)
        if not key.startswith("kpi:") and stage_index(_stage_of_field(key)) > stage_index(
            tracker.stage
        ):
            raise ValidationError(STAGE_NOT_REACHED, code="not_reached")
    if not changes and upload is None:
        raise ValidationError(NOTHING_PROPOSED, code="empty")
    validate_storable_text(note)
    update = StageUpdate.objects.create(
        tracker=tracker, stage=tracker.stage, author=actor, changes=changes, note=note.strip()
    )
    if upload is not None:
        _document(
            tracker,
            actor=actor,
            stage=tracker.stage,
            upload=upload,
            title=document_title,
            update=update,
        )
    _event(tracker, kind=EventKind.PROPOSED, actor=actor, note=note, to_stage=tracker.stage)
    notify_update_proposed(update=update, actor=actor)
    return update


def _locked_update(update: StageUpdate) -> tuple[StageUpdate, CoCreation]:
    tracker = _locked(update.tracker)
    update = StageUpdate.objects.select_for_update().get(pk=update.pk)
    if update.state != UpdateState.PENDING:
        raise ValidationError(UPDATE_DECIDED, code="decided")
    return update, tracker


def _decide(update: StageUpdate, *, actor: User, state: str, note: str) -> None:
    validate_storable_text(note)
    update.state = state
    update.decided_by = actor
    update.decided_at = timezone.now()
    update.decision_note = (note or "").strip()
    update.save(update_fields=["state", "decided_by", "decided_at", "decision_note"])


@transaction.atomic
def stage_update_confirm(*, update: StageUpdate, actor: User, note: str = "") -> StageUpdate:
    """An owner official accepts a proposed update: its values and documents are applied."""
    update, tracker = _locked_update(update)
    _require_owner(actor, tracker)
    _check_open(tracker)
    results, fields = {}, {}
    for key, value in update.changes.items():
        parsed = _parse_change(tracker, key, value)
        if key.startswith("kpi:"):
            results[int(key[4:])] = parsed
        else:
            fields.setdefault(_stage_of_field(key), {})[key] = parsed
    lines = _apply_kpi_results(tracker, results)
    for stage, values in fields.items():
        lines += _set_details(tracker, stage=stage, fields=values)
    _save_tracker(tracker)
    _sync_poc_period(tracker)
    update.documents.update(confirmed=True)
    _decide(update, actor=actor, state=UpdateState.CONFIRMED, note=note)
    lines += [document.title for document in update.documents.all()]
    _event(
        tracker,
        kind=EventKind.CONFIRMED,
        actor=actor,
        note="\n".join([*lines, note.strip()]),
        to_stage=update.stage,
    )
    notify_update_decided(update=update, actor=actor)
    return update


@transaction.atomic
def stage_update_reject(*, update: StageUpdate, actor: User, note: str = "") -> StageUpdate:
    """An owner official declines a proposed update; its documents are deleted."""
    update, tracker = _locked_update(update)
    _require_owner(actor, tracker)
    _check_open(tracker)
    for document in update.documents.all():
        attachment_delete(attachment=document)
    _decide(update, actor=actor, state=UpdateState.REJECTED, note=note)
    _event(tracker, kind=EventKind.REJECTED, actor=actor, note=note, to_stage=update.stage)
    notify_update_decided(update=update, actor=actor)
    return update


__all__ = [
    "STAGE_ORDER",
    "kpi_add",
    "kpi_results_set",
    "stage_advance",
    "stage_document_add",
    "stage_document_delete",
    "stage_stop",
    "stage_update_confirm",
    "stage_update_propose",
    "stage_update_reject",
    "tracker_details_update",
    "tracker_start",
]
