"""Background tasks (django-tasks): immediate in development and tests, the database backend
with `manage.py db_worker` in production. Arguments are plain JSON values; every task is safe to
run twice (emails are claimed by key in `emails.send_once`)."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from portal.notifications import digests, emails, selectors
from portal.notifications.kinds import EmailMode
from portal.notifications.models import EmailStatus, Notification


def _set_status(notification_id: int, status: str, **extra) -> None:
    Notification.objects.filter(pk=notification_id).update(email_status=status, **extra)


@task()
def send_notification_email(*, notification_id: int, key: str) -> str:
    """Email one notification now, following the recipient's preference at sending time."""
    notification = (
        Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    )
    if notification is None:
        return "gone"
    recipient = notification.recipient
    mode = selectors.email_mode(user=recipient, kind_name=notification.kind)
    if not recipient.is_active or mode == EmailMode.OFF:
        _set_status(notification_id, EmailStatus.SKIPPED)
        return "skipped"
    if mode == EmailMode.DIGEST:
        _set_status(notification_id, EmailStatus.DIGEST)
        return "digest"
    with transaction.atomic():
        sent = emails.send_once(
            key=key,
            recipient=recipient,
            kind=notification.kind,
            build=lambda: emails.notification_email(notification),
        )
        if sent:
            _set_status(notification_id, EmailStatus.SENT, emailed_at=timezone.now())
    return "sent" if sent else "duplicate"


@task()
def send_digest(*, user_id: int, day: str) -> str:
    """Send one user's daily digest for `day` (ISO date) at most once."""
    sent = digests.digest_send(user_id=user_id, day=date.fromisoformat(day))
    return "sent" if sent else "nothing"


@task()
def send_digests() -> int:
    """Queue today's digests (what `manage.py send_digests` does, as a task for schedulers)."""
    return digests_enqueue()


def digests_enqueue(*, day: date | None = None) -> int:
    """Queue one digest task per user with pending notifications; returns how many."""
    day = day or digests.digest_day()
    user_ids = digests.digest_recipients()
    for user_id in user_ids:
        send_digest.enqueue(user_id=user_id, day=day.isoformat())
    return len(user_ids)
