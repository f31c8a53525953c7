"""Reads for notifications: the centre, the unread count, email modes and followers."""

from django.core.cache import cache
from django.db.models import Count
from django.shortcuts import get_object_or_404

from portal.accounts.models import User
from portal.notifications.kinds import Kind, all_kinds, get_kind
from portal.notifications.models import EmailPreference, Notification

UNREAD_CACHE_SECONDS = 300


def notifications_for(*, user: User):
    """The user's notification centre, newest first (one query per page, no joins needed)."""
    return Notification.objects.for_recipient(user).only(
        "pk", "kind", "title", "summary", "texts", "url", "count", "read_at", "last_event_at"
    )


def notification_get_for_user(*, user: User, pk: int) -> Notification:
    """The user's own notification; anyone else's is a 404 (no hint that it exists)."""
    return get_object_or_404(Notification.objects.for_recipient(user), pk=pk)


def _unread_cache_key(user_id: int) -> str:
    return f"notifications:unread:{user_id}"


def unread_count(*, user_id: int) -> int:
    return Notification.objects.filter(recipient_id=user_id, read_at__isnull=True).count()


def unread_counts(*, user_ids) -> dict[int, int]:
    """Unread counts of several users in one query (users without any get 0)."""
    rows = (
        Notification.objects.filter(recipient_id__in=user_ids, read_at__isnull=True)
        .values("recipient_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts = dict.fromkeys(user_ids, 0)
    counts.update({row["recipient_id"]: row["n"] for row in rows})
    return counts


def unread_count_cached(*, user_id: int) -> int:
    """The bell's count; cached so ordinary pages cost no query once it is warm.

    Every change of a user's unread notifications refreshes the cached value after commit
    (`realtime.publish_unread`), and the short timeout bounds any race between two writers.
    """
    key = _unread_cache_key(user_id)
    value = cache.get(key)
    if value is None:
        value = unread_count(user_id=user_id)
        cache.set(key, value, UNREAD_CACHE_SECONDS)
    return value


def unread_count_remember(*, user_id: int, value: int) -> None:
    cache.set(_unread_cache_key(user_id), value, UNREAD_CACHE_SECONDS)


def email_modes_for(*, users, kind: Kind) -> dict[int, str]:
    """Each user's email mode for `kind`: their preference, else the kind's default."""
    user_ids = [user.pk for user in users]
    chosen = dict(
        EmailPreference.objects.filter(user_id__in=user_ids, kind=kind.name).values_list(
            "user_id", "mode"
        )
    )
    return {user_id: chosen.get(user_id, kind.default_email) for user_id in user_ids}


def email_mode(*, user: User, kind_name: str) -> str:
    return email_modes_for(users=[user], kind=get_kind(kind_name))[user.pk]


def preference_modes(*, user: User) -> dict[str, str]:
    """The user's effective email mode for every registered kind."""
    chosen = dict(user.email_preferences.values_list("kind", "mode"))
    return {kind.name: chosen.get(kind.name, kind.default_email) for kind in all_kinds()}


def followed_categories(*, user: User) -> list[str]:
    return list(user.followed_categories.values_list("category", flat=True))


def category_followers(*, category: str):
    return User.objects.filter(is_active=True, followed_categories__category=category).order_by(
        "pk"
    )


def unsubscribe_user(*, claim) -> User | None:
    """The user a genuine unsubscribe claim names (active or not: turning email off is safe)."""
    return User.objects.filter(pk=claim.user_id).first()


def masked_email(email: str) -> str:
    """`s•••@example.jp`: enough for the owner to recognise, not enough to harvest."""
    local, _at, domain = email.partition("@")
    return f"{local[:1]}•••@{domain}"
