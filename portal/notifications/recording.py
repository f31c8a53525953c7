"""How `notify` writes notifications: new rows, batches that grow, and what runs after commit.

Internal to `portal.notifications.services`; other apps call `notify`.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.notifications import realtime
from portal.notifications.kinds import EmailMode, Kind
from portal.notifications.models import EmailStatus, Notification
from portal.notifications.rendering import render_notification, render_titles

EMAIL_STATUS_FOR_MODE = {
    EmailMode.IMMEDIATE: EmailStatus.PENDING,
    EmailMode.DIGEST: EmailStatus.DIGEST,
    EmailMode.OFF: EmailStatus.NONE,
}


def target_fields(target) -> dict:
    if target is None or getattr(target, "pk", None) is None:
        return {}
    return {
        "target_content_type": ContentType.objects.get_for_model(target),
        "target_object_id": str(target.pk),
    }


def default_batch_key(target) -> str:
    if target is None or getattr(target, "pk", None) is None:
        return "-"
    return f"{target._meta.label_lower}:{target.pk}"


def _apply_rendering(notification: Notification, *, kind: Kind, count: int = 1, **values) -> None:
    """The recipient's texts (emails), and the title and summary in every language (the
    centre shows the language of the page being read)."""
    rendered = render_notification(kind=kind.name, count=count, **values)
    notification.title = rendered.subject
    notification.summary = rendered.line
    notification.body = rendered.body
    notification.body_html = rendered.body_html
    notification.url = rendered.url
    notification.texts = render_titles(kind=kind.name, count=count, **values)


def new_notification(*, kind: Kind, recipient, target, actor, context, mode, **keys):
    """An unsaved notification rendered for `recipient`."""
    notification = Notification(
        recipient=recipient,
        kind=kind.name,
        actor=actor if getattr(actor, "pk", None) else None,
        email_status=EMAIL_STATUS_FOR_MODE[mode],
        **target_fields(target),
        **keys,
    )
    _apply_rendering(
        notification, kind=kind, recipient=recipient, target=target, actor=actor, context=context
    )
    return notification


def save_unless_duplicate(notification: Notification) -> bool:
    try:
        with transaction.atomic():
            notification.save()
    except IntegrityError:
        return False  # a concurrent call told this recipient already (same dedupe key)
    return True


def _after_commit(notifications: list[Notification], *, email: list[Notification]) -> None:
    """Queue the emails that became due and update the recipients' open pages."""
    from portal.notifications.tasks import send_notification_email

    for notification in email:
        send_notification_email.enqueue(
            notification_id=notification.pk,
            key=f"notification:{notification.pk}:{notification.count}",
        )
    realtime.publish_new(notifications)


def deliver_on_commit(notifications: list[Notification], *, email: list[Notification]) -> None:
    if notifications:
        transaction.on_commit(lambda: _after_commit(notifications, email=email), robust=True)


# --- batches -----------------------------------------------------------------------------------


def _batch_email_status(notification: Notification, *, kind: Kind, mode: str, now) -> str:
    """The email state of a grown batch: at most one email per window while it stays unread."""
    if mode == EmailMode.OFF:
        return notification.email_status
    if mode == EmailMode.DIGEST:
        return EmailStatus.DIGEST
    if notification.email_status == EmailStatus.PENDING:
        return EmailStatus.PENDING
    if notification.emailed_at is None or now - notification.emailed_at >= kind.batch_window:
        return EmailStatus.PENDING
    return notification.email_status


def _grow(notification: Notification, *, kind: Kind, recipient, target, actor, context, mode):
    now = timezone.now()
    notification.count += 1
    notification.last_event_at = now
    if getattr(actor, "pk", None):
        notification.actor = actor
    previous = notification.email_status
    notification.email_status = _batch_email_status(notification, kind=kind, mode=mode, now=now)
    _apply_rendering(
        notification,
        kind=kind,
        count=notification.count,
        recipient=recipient,
        target=target,
        actor=actor,
        context=context,
    )
    notification.save()
    return notification, notification.email_status == EmailStatus.PENDING != previous


def fold(*, kind: Kind, recipient, key: str, target, actor, context, mode):
    """Start or grow `recipient`'s unread batch; returns (notification, whether to email now)."""
    open_batch = Notification.objects.select_for_update().filter(
        recipient=recipient, kind=kind.name, batch_key=key, read_at__isnull=True
    )
    values = {"recipient": recipient, "target": target, "actor": actor, "context": context}
    with transaction.atomic():
        existing = open_batch.first()
        if existing is not None:
            return _grow(existing, kind=kind, mode=mode, **values)
        notification = new_notification(kind=kind, mode=mode, batch_key=key, **values)
        try:
            with transaction.atomic():
                notification.save()
        except IntegrityError:
            # Another process opened the same batch a moment ago: grow that one instead.
            return _grow(open_batch.get(), kind=kind, mode=mode, **values)
    return notification, notification.email_status == EmailStatus.PENDING
