"""Reminders when a stage's planned end passes without a move: once per stage deadline, to the
owner officials and the selected startups' members; the daily command is rerun-safe."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command

from portal.notifications.models import Notification
from portal.stages import services
from portal.stages.notifications import STAGE_DEADLINE
from portal.stages.reminders import stage_reminders_send
from tests.stages.conftest import today

pytestmark = pytest.mark.django_db


def _overdue(world, days_late=1):
    official = world.users["official"]
    tracker = services.stage_advance(
        tracker=world.tracker,
        actor=official,
        entered_on=today(),
        planned_end=today() + datetime.timedelta(days=10),
    )
    return tracker, today() + datetime.timedelta(days=10 + days_late)


def test_a_passed_planned_end_is_told_once_to_officials_and_startup_members(
    world, django_capture_on_commit_callbacks
):
    _tracker, later = _overdue(world)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert stage_reminders_send(today=later) == 2
    recipients = set(
        Notification.objects.filter(kind=STAGE_DEADLINE).values_list("recipient_id", flat=True)
    )
    assert recipients == {world.users["official"].pk, world.users["startup"].pk}
    assert len(mail.outbox) == 2
    assert "窓口のオンライン化" in mail.outbox[0].subject + mail.outbox[0].body
    assert stage_reminders_send(today=later) == 0
    assert stage_reminders_send(today=later + datetime.timedelta(days=5)) == 0
    assert Notification.objects.filter(kind=STAGE_DEADLINE).count() == 2


def test_nothing_before_the_planned_end_or_after_a_move(world):
    tracker, later = _overdue(world)
    assert stage_reminders_send(today=later - datetime.timedelta(days=1)) == 0
    services.tracker_details_update(
        tracker=tracker,
        actor=world.users["official"],
        stage="agreement",
        agreement_kind="poc",
        agreement_signed_on=today(),
    )
    services.stage_advance(tracker=tracker, actor=world.users["official"], entered_on=today())
    assert stage_reminders_send(today=later) == 0


def test_a_new_planned_end_is_a_new_deadline(world):
    tracker, later = _overdue(world)
    assert stage_reminders_send(today=later) == 2
    services.tracker_details_update(
        tracker=tracker,
        actor=world.users["official"],
        stage="agreement",
        planned_end=today() + datetime.timedelta(days=20),
    )
    assert stage_reminders_send(today=later) == 0
    assert stage_reminders_send(today=today() + datetime.timedelta(days=21)) == 2


def test_stopped_co_creations_are_not_reminded(world):
    tracker, later = _overdue(world)
    services.stage_stop(
        tracker=tracker,
        actor=world.users["official"],
        reason="policy",
        lessons="県の方針を先に確かめる。",
        stopped_on=today(),
    )
    assert stage_reminders_send(today=later) == 0


def test_the_daily_command_is_rerun_safe(world):
    tracker, _later = _overdue(world)
    tracker.periods.filter(stage="agreement").update(
        entered_on=today() - datetime.timedelta(days=30),
        planned_end=today() - datetime.timedelta(days=1),
    )
    out = io.StringIO()
    call_command("send_stage_reminders", stdout=out)
    call_command("send_stage_reminders", stdout=out)
    assert out.getvalue().splitlines() == [
        "Stage deadline reminders: 2",
        "Stage deadline reminders: 0",
    ]
