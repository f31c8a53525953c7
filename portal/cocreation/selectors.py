"""Reads of the co-creation channels, and the access rules every view and consumer goes through."""

import logging
import random
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import F, Sum
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from portal.cocreation import events
from portal.cocreation.models import (
    Channel,
    MemberRole,
    Membership,
    MembershipState,
    Message,
    MessageAttachment,
    Privacy,
)

logger = logging.getLogger(__name__)

PAGE_SIZE = 50
MAX_WINDOW = 300
SYNC_BATCH = 100
SEARCH_PAGE_SIZE = 20
# How long a cached membership answer lives. Services delete the entry when membership changes
# (after commit) and close the member's sockets, so this bounds staleness only if both are lost;
# a cache outage makes every check go to the database.
ACCESS_CACHE_SECONDS = 60

NOT_READABLE = _("Join this channel to read it.")
FILES_FOR_MEMBERS = _("Only members of this channel can download its files. Join it first.")
NOT_READABLE_VERIFIED = _(
    "Only verified officials, members of verified startups and moderators can read this channel."
)
BARRED = _("You were removed from this channel or suspended in it.")


@dataclass(frozen=True)
class ChannelAccess:
    """What one user may do in one channel. Built only by `channel_access`."""

    channel: Channel
    membership: Membership | None
    can_see: bool
    can_read: bool
    can_post: bool
    can_manage: bool
    join_role: str | None

    @property
    def is_member(self) -> bool:
        return bool(self.membership and self.membership.is_active)

    @property
    def is_barred(self) -> bool:
        return bool(
            self.membership
            and self.membership.state in (MembershipState.SUSPENDED, MembershipState.REMOVED)
        )

    def denial_reason(self):
        if self.is_barred:
            return BARRED
        if self.channel.privacy == Privacy.VERIFIED:
            return NOT_READABLE_VERIFIED
        return NOT_READABLE


def _join_role(user, channel: Channel, membership: Membership | None) -> str | None:
    if membership and membership.state in (MembershipState.SUSPENDED, MembershipState.REMOVED):
        return None
    is_active_member = bool(membership and membership.is_active)
    if is_active_member and membership.role != MemberRole.READER:
        return None
    if user.is_moderator:
        return MemberRole.MEMBER
    if not channel.is_community or channel.privacy == Privacy.PRIVATE:
        return None
    if user.is_verified:
        return MemberRole.MEMBER
    if channel.privacy == Privacy.OPEN and not is_active_member:
        return MemberRole.READER
    return None


def channel_access(*, user, channel: Channel, membership: Membership | None) -> ChannelAccess:
    """The rules (default-deny): see DESIGN.md and the tests' role × action matrix."""
    if not user.is_authenticated or not user.is_active:
        return ChannelAccess(channel, None, False, False, False, False, None)
    active = bool(membership and membership.is_active)
    barred = bool(
        membership and membership.state in (MembershipState.SUSPENDED, MembershipState.REMOVED)
    )
    listed = channel.is_community and channel.privacy != Privacy.PRIVATE
    if active:
        can_read = True
    elif barred:
        can_read = False
    elif user.is_moderator:
        can_read = True
    elif listed and channel.privacy == Privacy.VERIFIED:
        can_read = user.is_verified
    else:
        can_read = listed and channel.privacy == Privacy.OPEN
    return ChannelAccess(
        channel=channel,
        membership=membership,
        can_see=can_read or barred or listed,
        can_read=can_read,
        can_post=active and membership.can_post,
        can_manage=(active and membership.role == MemberRole.OWNER) or user.is_moderator,
        join_role=_join_role(user, channel, membership),
    )


def channel_get_for_user(*, user, pk: int) -> ChannelAccess:
    """The channel and the user's rights in it; 404 when the user may not know it exists."""
    channel = Channel.objects.select_related("owner", "subject_type").filter(pk=pk).first()
    if channel is None or not user.is_authenticated:
        raise Http404
    membership = Membership.objects.filter(channel=channel, user=user).first()
    access = channel_access(user=user, channel=channel, membership=membership)
    if not access.can_see:
        raise Http404
    return access


def channel_get_readable(*, user, pk: int) -> ChannelAccess:
    access = channel_get_for_user(user=user, pk=pk)
    if not access.can_read:
        raise PermissionDenied(access.denial_reason())
    return access


# --- Cheap membership checks for sockets -----------------------------------------------------


def active_role(*, channel_id: int, user_id: int) -> str:
    """The role of an active member of an active account, or "" (one indexed query)."""
    role = (
        Membership.objects.active()
        .filter(channel_id=channel_id, user_id=user_id)
        .values_list("role", flat=True)
        .first()
    )
    return role or ""


def cached_role(*, channel_id: int, user_id: int) -> str | None:
    """The cached answer of `active_role`, or None when the cache has none (or is down)."""
    try:
        return cache.get(events.access_cache_key(channel_id, user_id))
    except Exception:  # noqa: BLE001 - cache down: the caller asks the database
        logger.warning("Cache unavailable; checking membership in the database")
        return None


def active_role_remembered(*, channel_id: int, user_id: int) -> str:
    """`active_role` from the database, then cached for ACCESS_CACHE_SECONDS."""
    role = active_role(channel_id=channel_id, user_id=user_id)
    # Jittered, so that sockets opened together do not all go back to the database together.
    timeout = ACCESS_CACHE_SECONDS * random.uniform(0.75, 1.25)  # noqa: S311
    try:
        cache.set(events.access_cache_key(channel_id, user_id), role, timeout)
    except Exception:  # noqa: BLE001
        logger.warning("Cache unavailable; membership answer not cached")
    return role


# --- Lists ---------------------------------------------------------------------------------


def memberships_of(*, user):
    """The user's active channel memberships with unread counts, most recent activity first."""
    return (
        Membership.objects.active()
        .filter(user=user)
        .select_related("channel")
        .with_unread()
        .order_by(F("channel__last_message_at").desc(nulls_last=True), "-channel__created_at")
    )


def subject_channel_for_member(*, user, subject) -> Channel | None:
    """The channel opened for `subject` (e.g. a support request) if `user` is an active member."""
    if not user.is_authenticated:
        return None
    membership = (
        Membership.objects.active()
        .filter(
            user=user,
            channel__subject_type=ContentType.objects.get_for_model(subject),
            channel__subject_id=subject.pk,
        )
        .select_related("channel")
        .first()
    )
    return membership.channel if membership else None


def discoverable_channels(*, user):
    """Community channels the user could read or join but is not an active member of."""
    mine = Membership.objects.filter(user=user).exclude(state=MembershipState.LEFT)
    return (
        Channel.objects.listed_for_discovery()
        .exclude(pk__in=mine.values("channel_id"))
        .order_by("kind", "name")
    )


def unread_total(*, user) -> int:
    if not user.is_authenticated:
        return 0
    total = (
        Membership.objects.active()
        .filter(user=user)
        .aggregate(total=Sum(F("channel__last_seq") - F("last_read_seq")))["total"]
    )
    return max(total or 0, 0)


def members_of(*, channel: Channel):
    return (
        Membership.objects.filter(channel=channel)
        .exclude(state=MembershipState.LEFT)
        .select_related("user")
        .order_by("state", "role", "user__display_name")
    )


def member_names(*, channel_id: int) -> list[dict]:
    """Active members as [{"id", "name"}] (for @mention suggestions)."""
    return [
        {"id": pk, "name": name}
        for pk, name in active_member_users(channel_id=channel_id)
        .order_by("display_name")
        .values_list("pk", "display_name")
    ]


def active_member_users(*, channel_id: int):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(
        is_active=True,
        channel_memberships__channel_id=channel_id,
        channel_memberships__state=MembershipState.ACTIVE,
    )


# --- Messages ------------------------------------------------------------------------------


def _messages(channel_id: int, viewer=None):
    """A channel's messages; hidden ones are masked unless `viewer` may read them."""
    return Message.objects.filter(channel_id=channel_id).with_people().for_viewer(viewer)


def messages_before(
    *, channel_id: int, before_seq: int | None = None, limit: int = PAGE_SIZE, viewer=None
):
    """Up to `limit` messages older than `before_seq` (or the newest), oldest first."""
    queryset = _messages(channel_id, viewer)
    if before_seq is not None:
        queryset = queryset.filter(seq__lt=before_seq)
    return list(reversed(queryset.order_by("-seq")[: min(limit, MAX_WINDOW)]))


def messages_around(*, channel_id: int, seq: int, limit: int = PAGE_SIZE, viewer=None):
    """The messages around `seq` (for search results and links), oldest first."""
    start = max(seq - limit // 2, 1)
    return list(_messages(channel_id, viewer).filter(seq__gte=start).order_by("seq")[:limit])


def messages_after(*, channel_id: int, after_seq: int, limit: int = SYNC_BATCH, viewer=None):
    """What a client missed: messages with seq > after_seq, in order, at most `limit`."""
    return list(_messages(channel_id, viewer).filter(seq__gt=after_seq).order_by("seq")[:limit])


def messages_changed_since(
    *, channel_id: int, up_to_seq: int, since, limit: int = SYNC_BATCH, viewer=None
):
    """Messages the client already has (seq ≤ up_to_seq) that were edited, deleted or hidden
    since."""
    return list(
        _messages(channel_id, viewer)
        .filter(seq__lte=up_to_seq, updated_at__gt=since)
        .exclude(edited_at__isnull=True, deleted_at__isnull=True, hidden_at__isnull=True)
        .order_by("updated_at")[:limit]
    )


def message_in(*, channel_id: int, seq: int | None, viewer=None) -> Message | None:
    if seq is None:
        return None
    return _messages(channel_id, viewer).filter(seq=seq).first()


def history_window(*, channel: Channel, membership, before=None, around=None, viewer=None):
    """The messages a channel page shows, oldest first, and the first unread `seq` (or None).

    By default the newest PAGE_SIZE messages, widened (up to MAX_WINDOW) so that the first
    unread message is on the page; `before` pages back, `around` centres on one message.
    """
    first_unread = None
    active = membership is not None and membership.is_active
    if active and membership.last_read_seq < channel.last_seq:
        first_unread = membership.last_read_seq + 1
    if around is not None:
        return messages_around(channel_id=channel.pk, seq=around, viewer=viewer), first_unread
    limit = PAGE_SIZE
    if before is None and first_unread is not None:
        limit = max(PAGE_SIZE, channel.last_seq - first_unread + 6)
    history = messages_before(channel_id=channel.pk, before_seq=before, limit=limit, viewer=viewer)
    return history, first_unread


def user_for_email(*, email: str):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).first()


def messages_search(*, channel_id: int, query: str, viewer):
    """Messages containing `query` in their text or a file's name (substring, so 2-character
    Japanese words match), newest first; hidden ones only for their author and moderators."""
    with_file = MessageAttachment.objects.filter(
        message__channel_id=channel_id, original_name__icontains=query
    ).values("message_id")
    return (
        Message.objects.filter(channel_id=channel_id, deleted_at__isnull=True)
        .searchable_by(viewer)
        .for_viewer(viewer)
        .filter(models.Q(body__icontains=query) | models.Q(pk__in=with_file))
        .select_related("author")
        .prefetch_related(models.Prefetch("attachments", to_attr="attachment_list"))
        .order_by("-seq")
    )


def message_for_transcript(*, channel_id: int, viewer):
    return (
        Message.objects.filter(channel_id=channel_id)
        .for_viewer(viewer)
        .select_related("author", "reply_to")
        .prefetch_related(models.Prefetch("attachments", to_attr="attachment_list"))
        .order_by("seq")
    )


def attachment_get_for_member(
    *, access: ChannelAccess, user, seq: int, pk: int
) -> MessageAttachment:
    """A file of a message of `access.channel`, for an active member only (the download).

    404 when there is no such file (or its message was deleted); 403 for someone who may read
    the channel but is not a member (a moderator looking in, a reader of an open channel).
    """
    attachment = (
        MessageAttachment.objects.select_related("message")
        .filter(
            pk=pk,
            message__channel_id=access.channel.pk,
            message__seq=seq,
            message__deleted_at__isnull=True,
        )
        .first()
    )
    if attachment is None:
        raise Http404
    message = attachment.message
    if message.hidden_at is not None and not (user.is_moderator or message.author_id == user.pk):
        raise Http404  # hidden by a moderator: its files go with it
    if not access.is_member:
        raise PermissionDenied(FILES_FOR_MEMBERS)
    return attachment


def mentioned_users(*, channel_id: int, body: str, author) -> list:
    """Active members named as @表示名 (with or without the space inside the name)."""
    if "@" not in body and "＠" not in body:
        return []
    text = body.replace("＠", "@")
    compact = "".join(text.split())
    found = []
    for user in active_member_users(channel_id=channel_id).exclude(pk=author.pk):
        name = user.display_name.strip()
        if name and (f"@{name}" in text or f"@{''.join(name.split())}" in compact):
            found.append(user)
    return found
