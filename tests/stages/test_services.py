"""Stage transitions: what each stage needs before it can be left, dates, history rows, and the
completion of the request with its outcome taken from the stages (not typed twice)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from portal.adoption.services import case_study_create_from_request
from portal.cms.models import CaseStudyPage
from portal.community.models import RequestState, SupportRequestTransition
from portal.stages import services
from portal.stages.models import Stage, StageEvent
from tests.cms import factories as cms
from tests.stages.conftest import fill, today, walk_to

pytestmark = pytest.mark.django_db


def test_selecting_a_proposal_starts_the_tracker_at_selection(world):
    tracker = world.tracker
    assert tracker.stage == Stage.SELECTED
    [period] = tracker.periods.all()
    assert period.entered_on == today() and period.left_on is None
    [event] = StageEvent.objects.all()
    assert (event.kind, event.to_stage, event.actor) == (
        "started",
        "selected",
        world.users["official"],
    )


def test_leaving_a_stage_needs_its_details(world):
    official = world.users["official"]
    tracker = services.stage_advance(tracker=world.tracker, actor=official, entered_on=today())
    with pytest.raises(ValidationError) as error:
        services.stage_advance(tracker=tracker, actor=official, entered_on=today())
    assert error.value.code == "missing"
    fill(tracker, official, Stage.AGREEMENT)
    tracker = services.stage_advance(tracker=tracker, actor=official, entered_on=today())
    assert tracker.stage == Stage.POC
    services.tracker_details_update(
        tracker=tracker,
        actor=official,
        stage=Stage.POC,
        poc_actual_start=today(),
        poc_actual_end=today(),
    )
    with pytest.raises(ValidationError) as error:
        services.stage_advance(tracker=tracker, actor=official, entered_on=today())
    assert error.value.code == "kpi_required"


def test_a_no_go_evaluation_cannot_move_to_budgeting(world):
    official = world.users["official"]
    tracker = walk_to(world.tracker, official, Stage.EVALUATION)
    services.kpi_results_set(
        tracker=tracker, actor=official, results={tracker.kpis.get().pk: Decimal(10)}
    )
    services.tracker_details_update(
        tracker=tracker, actor=official, stage=Stage.EVALUATION, evaluation_decision="no_go"
    )
    with pytest.raises(ValidationError) as error:
        services.stage_advance(tracker=tracker, actor=official, entered_on=today())
    assert error.value.code == "no_go"
    assert tracker.kpis.get().met is False


def test_dates_cannot_be_in_the_future_or_before_the_stage(world):
    official = world.users["official"]
    with pytest.raises(ValidationError) as error:
        services.stage_advance(
            tracker=world.tracker, actor=official, entered_on=today() + datetime.timedelta(days=1)
        )
    assert "entered_on" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.stage_advance(
            tracker=world.tracker, actor=official, entered_on=today() - datetime.timedelta(days=1)
        )
    assert "entered_on" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.stage_advance(
            tracker=world.tracker,
            actor=official,
            entered_on=today(),
            planned_end=today() - datetime.timedelta(days=1),
        )
    world.tracker.refresh_from_db()
    assert world.tracker.stage == Stage.SELECTED


def test_every_change_leaves_a_history_row_with_who_from_and_to(world):
    official, startup = world.users["official"], world.users["startup"]
    tracker = services.stage_advance(
        tracker=world.tracker, actor=official, entered_on=today(), note="協定の準備に入る"
    )
    services.tracker_details_update(
        tracker=tracker, actor=official, stage=Stage.AGREEMENT, agreement_kind="poc"
    )
    update = services.stage_update_propose(
        tracker=tracker, actor=startup, changes={"agreement_signed_on": today().isoformat()}
    )
    services.stage_update_confirm(update=update, actor=official, note="確認しました")
    rows = list(StageEvent.objects.values_list("kind", "from_stage", "to_stage", "actor_id"))
    assert rows == [
        ("started", "", "selected", official.pk),
        ("moved", "selected", "agreement", official.pk),
        ("updated", "", "agreement", official.pk),
        ("proposed", "", "agreement", startup.pk),
        ("confirmed", "", "agreement", official.pk),
    ]
    moved = StageEvent.objects.get(kind="moved")
    assert moved.note == "協定の準備に入る" and moved.created_at is not None
    tracker.refresh_from_db()
    assert tracker.agreement_signed_on == today()


def test_reaching_full_adoption_completes_the_request_with_the_outcome_from_the_stages(world):
    official = world.users["official"]
    tracker = walk_to(world.tracker, official, Stage.ADOPTION, lessons="原課と一緒に進めた。")
    request = tracker.support_request
    request.refresh_from_db()
    assert request.state == RequestState.COMPLETED
    assert request.outcome_adopted is True
    assert request.outcome_contract_route == "proposal"
    assert request.outcome_budget_secured is True
    assert request.outcome_lessons == "原課と一緒に進めた。"
    assert tracker.is_closed and tracker.adoption_started_on == today()
    assert SupportRequestTransition.objects.filter(
        support_request=request, from_state="co_creating", to_state="completed", actor=official
    ).exists()


def test_stopping_completes_the_request_as_not_adopted_with_reason_and_lessons(world):
    official = world.users["official"]
    tracker = walk_to(world.tracker, official, Stage.BUDGET)
    with pytest.raises(ValidationError) as error:
        services.stage_stop(
            tracker=tracker, actor=official, reason="no_budget", lessons=" ", stopped_on=today()
        )
    assert "lessons" in error.value.message_dict
    services.stage_stop(
        tracker=tracker,
        actor=official,
        reason="no_budget",
        lessons="効果額を早く示すべきだった。",
        stopped_on=today(),
    )
    request = tracker.support_request
    request.refresh_from_db()
    assert request.state == RequestState.COMPLETED
    assert (request.outcome_adopted, request.outcome_budget_secured) == (False, False)
    assert request.outcome_lessons == "効果額を早く示すべきだった。"
    tracker.refresh_from_db()
    assert (tracker.stage, tracker.stop_reason, tracker.stopped_on) == (
        "budget",
        "no_budget",
        today(),
    )
    with pytest.raises(PermissionDenied):  # a finished co-creation no longer moves
        services.stage_advance(tracker=tracker, actor=official, entered_on=today())


def test_the_request_page_offers_no_manual_outcome_form_for_a_tracked_co_creation(world, client_as):
    client = client_as(world.users["official"])
    page = client.get(world.support_request.get_absolute_url()).content.decode()
    assert (
        reverse("community:request_transition", args=[world.support_request.pk, "completed"])
        not in page
    )
    assert reverse("stages:tracker", args=[world.support_request.pk]) in page
    response = client.get(
        reverse("community:request_transition", args=[world.support_request.pk, "completed"])
    )
    assert response.status_code == 404


def test_the_case_study_draft_carries_the_stage_timeline_and_kpi_results(world):
    cms.case_index()
    official = world.users["official"]
    walk_to(world.tracker, official, Stage.ADOPTION)
    world.support_request.refresh_from_db()
    case = case_study_create_from_request(support_request=world.support_request, actor=official)
    results = CaseStudyPage.objects.get(pk=case.pk).results
    text = str(results)
    assert "オンライン申請率" in text and "41" in text and "30" in text
    for label in ("協定", "実証", "評価", "予算化", "調達", "本格導入"):
        assert label in text
    assert today().isoformat() in text


def test_bad_input_keeps_the_form_and_says_why(world, client_as):
    client = client_as(world.users["official"])
    response = client.post(
        reverse("stages:advance", args=[world.support_request.pk]),
        {"entered_on": "2999-01-01", "note": "メモ"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "メモ" in page and "field-error" in page
    response = client.post(
        reverse("stages:stop", args=[world.support_request.pk]),
        {"reason": "nonsense", "stopped_on": "x", "lessons": "\x00"},
    )
    assert response.status_code == 400
    world.tracker.refresh_from_db()
    assert world.tracker.stage == Stage.SELECTED and not world.tracker.is_stopped
