"""The one way to notify users. Every app calls `notify`; nothing else sends user emails.

Contract (stable):

    notify(kind="official_verified", recipients=[user], target=profile, actor=moderator,
           context={"reason": "..."})

* `kind` is registered in `portal.notifications.kinds` and names templates under
  `templates/notifications/kinds/<kind>/`: `subject.txt` (one line: email subject and in-app
  title), `body.txt` (plain-text email body), optionally `line.txt` (one short sentence for the
  notification centre) and `body.html` (HTML email fragment). They are rendered once per recipient
  in the recipient's preferred language with `recipient`, `actor`, `target`, `url`, `context` and
  `count` in the context (see `portal.notifications.rendering`).
* `url` is `context["url"]` if given, else `target.get_absolute_url()`; it is made absolute.
* The caller must pass only what every recipient may read: the rendered texts are stored for and
  shown to each recipient as they are. Inactive recipients and duplicates are dropped.
* The in-app notifications are written in the caller's transaction (rolled back with it). Emails
  are queued as background tasks and live updates are broadcast after the transaction commits.
* Email follows each recipient's preference for the kind: immediately, in the daily digest
  (`manage.py send_digests`), or not at all. The in-app notification is always recorded.

Batching (kinds registered with a `batch_window`, e.g. `channel_unread`):

    notify(kind="channel_unread", recipients=away_members, target=channel,
           context={"channel_name": channel.name})            # call it for every message

  Notifications of a batched kind fold per recipient and *batch key* (by default the target's
  type and primary key; override with `batch_key=`): while the recipient has not read it there is
  one notification whose `count` grows (templates get `count`) and which moves to the top of the
  centre. Email goes out for the first event and then at most once per `batch_window` while the
  batch stays unread; in digest mode the batch appears once in the digest. Once the user reads it,
  the next event starts a new batch. `notify_batched(kind=..., recipient=..., key=..., ...)` does
  the same for one recipient with an explicit key.

Idempotency: `dedupe_key=` makes a notification happen at most once per recipient, kind and key
(used by `notify_subsidy_deadline`, safe to call from a daily scan).
"""

import hashlib
from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils import timezone

from portal.accounts.models import User
from portal.core.categories import DXCategory
from portal.notifications import realtime, recording, selectors
from portal.notifications.kinds import KINDS, EmailMode, get_kind
from portal.notifications.models import (
    EmailPreference,
    EmailStatus,
    FollowedCategory,
    Notification,
)
from portal.notifications.rendering import absolute_url, render_for  # noqa: F401 (re-exported)
from portal.notifications.tokens import DIGEST_SCOPE


def _active_people(recipients: Iterable) -> list[User]:
    people = dict.fromkeys(user for user in recipients if user is not None)
    return [user for user in people if user.is_active]


def notify(
    *,
    kind: str,
    recipients: Iterable,
    target=None,
    actor=None,
    context=None,
    batch_key: str | None = None,
    dedupe_key: str = "",
) -> list[Notification]:
    """Tell each active recipient about `kind`; returns the notifications written or grown."""
    spec = get_kind(kind)
    people = _active_people(recipients)
    if not people:
        return []
    context = dict(context or {})
    modes = selectors.email_modes_for(users=people, kind=spec)
    if spec.batched:
        return _notify_batches(
            spec,
            people,
            modes,
            key=batch_key or recording.default_batch_key(target),
            target=target,
            actor=actor,
            context=context,
        )
    if dedupe_key:
        done = set(
            Notification.objects.filter(
                kind=spec.name, dedupe_key=dedupe_key, recipient__in=people
            ).values_list("recipient_id", flat=True)
        )
        people = [person for person in people if person.pk not in done]
    notifications = [
        recording.new_notification(
            kind=spec,
            recipient=person,
            target=target,
            actor=actor,
            context=context,
            mode=modes[person.pk],
            dedupe_key=dedupe_key,
        )
        for person in people
    ]
    with transaction.atomic():
        if dedupe_key:
            notifications = [n for n in notifications if recording.save_unless_duplicate(n)]
        else:
            Notification.objects.bulk_create(notifications)
    due = [n for n in notifications if n.email_status == EmailStatus.PENDING]
    recording.deliver_on_commit(notifications, email=due)
    return notifications


def _notify_batches(spec, people, modes, *, key, target, actor, context) -> list[Notification]:
    notifications, due = [], []
    for person in people:
        notification, email_now = recording.fold(
            kind=spec,
            recipient=person,
            key=key,
            target=target,
            actor=actor,
            context=context,
            mode=modes[person.pk],
        )
        notifications.append(notification)
        if email_now:
            due.append(notification)
    recording.deliver_on_commit(notifications, email=due)
    return notifications


def notify_batched(
    *, kind: str, recipient, key: str, target=None, actor=None, context=None
) -> Notification | None:
    """Fold one event into `recipient`'s unread batch `key` of `kind` (see module docstring)."""
    spec = get_kind(kind)
    people = _active_people([recipient])
    if not people:
        return None
    modes = selectors.email_modes_for(users=people, kind=spec)
    [notification] = _notify_batches(
        spec, people, modes, key=key, target=target, actor=actor, context=dict(context or {})
    )
    return notification


def notification_mark_read(*, notification: Notification) -> Notification:
    """Mark one of the user's notifications read (idempotent); the bell updates after commit."""
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
        user_id = notification.recipient_id
        transaction.on_commit(lambda: realtime.publish_unread(user_id=user_id), robust=True)
    return notification


def notifications_mark_all_read(*, user: User) -> int:
    """Mark every unread notification of `user` read; returns how many changed."""
    changed = Notification.objects.for_recipient(user).unread().update(read_at=timezone.now())
    if changed:
        transaction.on_commit(lambda: realtime.publish_unread(user_id=user.pk), robust=True)
    return changed


def _subsidy_key(url: str, deadline: date) -> str:
    digest = hashlib.sha256(f"{url}|{deadline.isoformat()}".encode()).hexdigest()
    return f"subsidy:{digest}"


def notify_subsidy_deadline(
    *, subsidy_title: str, category: str, url: str, deadline: date
) -> list[Notification]:
    """Tell the followers of `category` that a subsidy's deadline approaches.

    Idempotent: each follower is told once per subsidy (its URL) and deadline, so a daily scan
    may call it every day; someone who starts following later is told on the next scan.
    """
    return notify(
        kind="subsidy_deadline_approaching",
        recipients=selectors.category_followers(category=category),
        context={
            "subsidy_title": subsidy_title,
            "category": category,
            "category_label": DXCategory(category).label,
            "url": url,
            "deadline": deadline,
        },
        dedupe_key=_subsidy_key(url, deadline),
    )


@transaction.atomic
def email_preferences_update(*, user: User, modes: dict[str, str]) -> None:
    """Store the user's email mode for each registered kind in `modes` (unknown kinds refused)."""
    valid_modes = set(EmailMode.values)
    for kind_name, mode in modes.items():
        if kind_name not in KINDS or mode not in valid_modes:
            raise ValueError(f"Unknown notification kind or email mode: {kind_name}={mode}")
        preference = EmailPreference(user=user, kind=kind_name, mode=mode)
        preference.full_clean(validate_unique=False, validate_constraints=False)
        EmailPreference.objects.update_or_create(user=user, kind=kind_name, defaults={"mode": mode})


@transaction.atomic
def followed_categories_set(*, user: User, categories: Iterable[str]) -> list[str]:
    """Replace the categories `user` follows; returns them sorted."""
    wanted = set(categories)
    unknown = wanted - set(DXCategory.values)
    if unknown:
        raise ValueError(f"Unknown categories: {sorted(unknown)}")
    user.followed_categories.exclude(category__in=wanted).delete()
    FollowedCategory.objects.bulk_create(
        [FollowedCategory(user=user, category=category) for category in sorted(wanted)],
        ignore_conflicts=True,
    )
    return sorted(wanted)


@transaction.atomic
def notification_settings_update(*, user: User, modes: dict[str, str], categories) -> None:
    """Save the settings page: email mode per kind and the followed categories."""
    email_preferences_update(user=user, modes=modes)
    followed_categories_set(user=user, categories=categories)


def unsubscribe_kinds(*, user: User, scope: str) -> list[str]:
    """The kinds an unsubscribe scope turns off: one kind, or every kind sent by digest."""
    if scope == DIGEST_SCOPE:
        modes = selectors.preference_modes(user=user)
        return [name for name, mode in modes.items() if mode == EmailMode.DIGEST]
    return [scope] if scope in KINDS else []


@transaction.atomic
def email_unsubscribe(*, user: User, scope: str) -> list[str]:
    """Turn email off for what an unsubscribe link names; returns the kinds turned off."""
    kinds = unsubscribe_kinds(user=user, scope=scope)
    email_preferences_update(user=user, modes=dict.fromkeys(kinds, EmailMode.OFF))
    return kinds
