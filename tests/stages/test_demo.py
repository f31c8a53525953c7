"""The demo: co-creations at every stage, a few stopped with reasons, every date a working day
in Japan and in the past, the outcome of the finished ones taken from their stages."""

import io

import jpholiday
import pytest
from django.core.management import call_command

from portal.community.models.support_requests import deadline_today
from portal.stages import figures
from portal.stages.models import STAGE_ORDER, CoCreation, StageEvent, StagePeriod, StageTemplate

pytestmark = pytest.mark.django_db


def test_demo_co_creations_read_like_a_real_year(settings):
    settings.DEBUG = True
    call_command("seed_demo", quiet_logins=True, stdout=io.StringIO())
    count = CoCreation.objects.count()
    call_command("seed_demo", quiet_logins=True, stdout=io.StringIO())
    assert CoCreation.objects.count() == count  # idempotent
    stages = set(CoCreation.objects.values_list("stage", flat=True))
    assert stages == set(STAGE_ORDER)
    stopped = CoCreation.objects.filter(stopped_on__isnull=False)
    assert stopped.count() >= 3
    assert len(set(stopped.values_list("stop_reason", flat=True))) >= 3
    funnel = figures.stage_funnel()
    counts = [stage.count for stage in funnel.stages]
    assert counts == sorted(counts, reverse=True) and counts[-1] >= 2
    assert 0.2 < funnel.poc_to_procurement < 0.7
    today = deadline_today()
    days = [
        *StagePeriod.objects.values_list("entered_on", flat=True),
        *StagePeriod.objects.exclude(left_on=None).values_list("left_on", flat=True),
        *stopped.values_list("stopped_on", flat=True),
    ]
    demo_days = [day for day in days if day < today]  # trackers started by the live services
    assert len(demo_days) > 60
    for day in demo_days:
        assert day.weekday() < 5 and not jpholiday.is_holiday(day), day
    for tracker in CoCreation.objects.filter(closed_at__isnull=False):
        request = tracker.support_request
        assert request.state == "completed"
        assert request.outcome_adopted == (tracker.stage == "adoption")
        assert request.outcome_lessons == tracker.lessons != ""
    events = StageEvent.objects.filter(kind="moved")
    assert all(event.created_at.date() <= today for event in events)
    assert StageTemplate.objects.count() == 3
