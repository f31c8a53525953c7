"""The daily digest: everything waiting for a user's digest, in one email, at most once a day.

`manage.py send_digests` (run daily by the scheduler, e.g. 07:00 Asia/Tokyo) calls
`tasks.digests_enqueue`, which queues one `send_digest` task per user with pending notifications. Each
task sends under the key `digest:<user>:<date>`, so a retried task, a second run on the same day
or two workers at once send one digest; notifications arriving after it wait for the next day.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from portal.accounts.models import User
from portal.notifications import emails, selectors
from portal.notifications.kinds import EmailMode
from portal.notifications.models import EmailStatus, Notification


def digest_day(now=None) -> date:
    return timezone.localdate(now or timezone.now())


def digest_recipients() -> list[int]:
    return sorted(
        set(Notification.objects.awaiting_digest().values_list("recipient_id", flat=True))
    )


def _pending_for(user: User) -> list[Notification]:
    """The user's pending digest items, locked; items of kinds now off are skipped."""
    pending = list(
        Notification.objects.awaiting_digest()
        .for_recipient(user)
        .select_for_update()
        .order_by("-last_event_at", "-pk")
    )
    modes = selectors.preference_modes(user=user)
    muted = [n.pk for n in pending if modes.get(n.kind, EmailMode.IMMEDIATE) == EmailMode.OFF]
    if muted:
        Notification.objects.filter(pk__in=muted).update(email_status=EmailStatus.SKIPPED)
    return [n for n in pending if n.pk not in muted]


def digest_send(*, user_id: int, day: date) -> bool:
    """Send `user_id`'s digest for `day` unless it was sent; returns True if this call sent it."""
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return False
    with transaction.atomic():
        pending = _pending_for(user)
        if not user.is_active:
            Notification.objects.filter(pk__in=[n.pk for n in pending]).update(
                email_status=EmailStatus.SKIPPED
            )
            return False
        if not pending:
            return False
        sent = emails.send_once(
            key=f"digest:{user_id}:{day.isoformat()}",
            recipient=user,
            kind="digest",
            build=lambda: emails.digest_email(recipient=user, notifications=pending),
        )
        if sent:
            Notification.objects.filter(pk__in=[n.pk for n in pending]).update(
                email_status=EmailStatus.SENT, emailed_at=timezone.now()
            )
    return sent
