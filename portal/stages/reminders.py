"""Reminders when a stage's planned end passes without a move (told once per deadline)."""

from portal.community.models.support_requests import deadline_today
from portal.stages.models import StagePeriod
from portal.stages.notifications import notify_deadline_passed


def overdue_periods(*, today=None):
    """Current stages of open co-creations whose planned end (a JST day) has passed."""
    today = today or deadline_today()
    return (
        StagePeriod.objects.filter(
            left_on__isnull=True,
            planned_end__lt=today,
            tracker__closed_at__isnull=True,
            tracker__support_request__state="co_creating",
        )
        .select_related("tracker__support_request__municipality__prefecture")
        .order_by("pk")
    )


def stage_reminders_send(*, today=None) -> int:
    """Notify about every overdue stage; returns how many people were told this run."""
    told = 0
    for period in overdue_periods(today=today):
        if period.stage != period.tracker.stage:
            continue
        told += len(notify_deadline_passed(period=period))
    return told
