"""The stage tracker's notification kinds and who hears what (through notifications.notify,
after the transaction commits, with the user's email mode for the kind)."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from portal.accounts.models import User
from portal.notifications import kinds
from portal.notifications.services import notify

STAGE_DEADLINE = "stage_deadline_passed"
UPDATE_PROPOSED = "stage_update_proposed"
UPDATE_DECIDED = "stage_update_decided"

for _kind in [
    kinds.Kind(
        STAGE_DEADLINE,
        _("A co-creation stage passed its planned end without a move"),
        kinds.KindGroup.REQUESTS,
    ),
    kinds.Kind(
        UPDATE_PROPOSED,
        _("A startup proposes an update to a co-creation's stages"),
        kinds.KindGroup.REQUESTS,
    ),
    kinds.Kind(
        UPDATE_DECIDED,
        _("The municipality answered my proposed stage update"),
        kinds.KindGroup.REQUESTS,
    ),
]:
    if _kind.name not in kinds.KINDS:
        kinds.register(_kind)


def owner_officials(tracker):
    """Verified, active officials of the municipality that posted the request."""
    return User.objects.filter(
        is_active=True,
        official_profile_row__municipality_id=tracker.support_request.municipality_id,
        official_profile_row__verification_state="verified",
    ).order_by("pk")


def selected_startup_members(tracker):
    return (
        User.objects.filter(
            is_active=True,
            startup_memberships__startup__proposals__support_request_id=tracker.support_request_id,
            startup_memberships__startup__proposals__state="selected",
        )
        .distinct()
        .order_by("pk")
    )


def _context(tracker, **extra) -> dict:
    """The request's title and municipality only: the details stay in the portal."""
    return {
        "request_title": tracker.support_request.title,
        "municipality_name": tracker.support_request.municipality.full_name,
        "url": tracker.get_absolute_url(),
        **extra,
    }


def _on_commit(*, kind, recipients, tracker, actor=None, dedupe_key="", **extra) -> None:
    people = [person for person in recipients if person != actor]
    context = _context(tracker, **extra)
    transaction.on_commit(
        lambda: notify(
            kind=kind,
            recipients=people,
            target=tracker.support_request,
            actor=actor,
            context=context,
            dedupe_key=dedupe_key,
        ),
        robust=True,
    )


def notify_update_proposed(*, update, actor) -> None:
    tracker = update.tracker
    _on_commit(
        kind=UPDATE_PROPOSED,
        recipients=list(owner_officials(tracker)),
        tracker=tracker,
        actor=actor,
        stage=update.stage,
    )


def notify_update_decided(*, update, actor) -> None:
    if update.author is None:
        return
    _on_commit(
        kind=UPDATE_DECIDED,
        recipients=[update.author],
        tracker=update.tracker,
        actor=actor,
        stage=update.stage,
        decision=update.state,
    )


def deadline_key(period) -> str:
    """Once per stage deadline: a new planned end is a new deadline."""
    return f"stage-deadline:{period.pk}:{period.planned_end.isoformat()}"


def notify_deadline_passed(*, period) -> list:
    """Tell the owner officials and the selected startups' members (idempotent per deadline)."""
    tracker = period.tracker
    recipients = [*owner_officials(tracker), *selected_startup_members(tracker)]
    return notify(
        kind=STAGE_DEADLINE,
        recipients=recipients,
        target=tracker.support_request,
        context=_context(tracker, stage=period.stage, planned_end=period.planned_end),
        dedupe_key=deadline_key(period),
    )
