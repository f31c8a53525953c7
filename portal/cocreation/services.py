"""Writes of the co-creation channels. Every rule is checked here, whoever calls (view, consumer,
another app); broadcasts and notifications go out only after the transaction commits.
"""

import re

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Subquery
from django.db.models.functions import Least
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from portal.cocreation import errors as E
from portal.cocreation import events
from portal.cocreation.errors import ChannelError
from portal.cocreation.models import (
    CLIENT_ID_PATTERN,
    COMMUNITY_KINDS,
    MAX_FILES_PER_MESSAGE,
    MESSAGE_MAX_CHARS,
    Channel,
    ChannelKind,
    MemberRole,
    Membership,
    MembershipState,
    Message,
    MessageAttachment,
    Privacy,
)
from portal.cocreation.selectors import channel_access, mentioned_users
from portal.core.uploads import attachment_delete, attachment_fill, validate_upload
from portal.notifications.services import notify

NOT_MODERATOR = _("Only JCC moderators can create community channels.")
NOT_MANAGER = _("Only the channel's owner or a moderator can manage its members.")
CANNOT_JOIN = _("You cannot join this channel.")
OWNER_CANNOT_LEAVE = _("The owner cannot leave the channel or be removed from it.")
NOT_ELIGIBLE = _(
    "Only verified officials, members of verified startups and moderators can be added to "
    "this channel."
)
NOT_A_MEMBER = _("This person is not a member of the channel.")
MENTION_EXCERPT_CHARS = 200
TOO_MANY_FILES = _("A message can have at most %(limit)d files.")


# --- Channels ------------------------------------------------------------------------------


def channel_create_community(
    *, actor, name: str, kind: str, privacy: str, description: str = ""
) -> Channel:
    """A working group's or task force's channel, created by a moderator who becomes its owner."""
    if not actor.is_moderator:
        raise PermissionDenied(NOT_MODERATOR)
    if kind not in COMMUNITY_KINDS:
        raise ValidationError({"kind": _("Choose a working group or a task force.")})
    with transaction.atomic():
        channel = Channel(
            kind=kind,
            name=name.strip(),
            description=description.strip(),
            privacy=privacy,
            owner=actor,
        )
        channel.full_clean()
        channel.save()
        Membership.objects.create(channel=channel, user=actor, role=MemberRole.OWNER)
    return channel


def channel_open_for_support_request(
    *, support_request, officials, startup_members, actor, told_elsewhere=()
) -> Channel:
    """Open (or complete) the private channel of a support request; idempotent.

    Called by the proposals flow when a startup is selected: the caller has already checked that
    `actor` may select. `officials` (the requesting and co-sponsoring officials) and
    `startup_members` (the selected startups' members) become members; people already in the
    channel keep their state, so someone the owner removed is not silently re-added. The people
    added are told, except those in `told_elsewhere` (the caller tells them in its own words, so
    one decision sends them one notification).
    """
    subject_type = ContentType.objects.get_for_model(support_request)
    name = Truncator(str(getattr(support_request, "title", "") or support_request)).chars(120)
    with transaction.atomic():
        channel, _created = Channel.objects.get_or_create(
            subject_type=subject_type,
            subject_id=support_request.pk,
            defaults={
                "kind": ChannelKind.SUPPORT_REQUEST,
                "name": name,
                "privacy": Privacy.PRIVATE,
                "owner": actor,
            },
        )
        channel = Channel.objects.select_for_update().get(pk=channel.pk)
        people = [actor, *officials, *startup_members]
        added = []
        for user in dict.fromkeys(p for p in people if p is not None and p.is_active):
            role = MemberRole.OWNER if user == channel.owner else MemberRole.MEMBER
            _membership, created = Membership.objects.get_or_create(
                channel=channel, user=user, defaults={"role": role}
            )
            if created:
                added.append(user)
        quiet = {actor, *told_elsewhere}
        _notify_added(channel=channel, users=[u for u in added if u not in quiet], actor=actor)
    return channel


def _notify_added(*, channel, users, actor) -> None:
    if users:
        notify(kind="channel_member_added", recipients=users, target=channel, actor=actor)


# --- Memberships ---------------------------------------------------------------------------


def _membership(channel, user) -> Membership | None:
    return Membership.objects.select_for_update().filter(channel=channel, user=user).first()


def channel_join(*, channel: Channel, user) -> Membership:
    """Join a community channel (or any channel, for a moderator) with the role the rules give."""
    with transaction.atomic():
        membership = _membership(channel, user)
        role = channel_access(user=user, channel=channel, membership=membership).join_role
        if role is None:
            raise PermissionDenied(CANNOT_JOIN)
        if membership is None:
            membership = Membership(channel=channel, user=user)
        membership.role = role
        membership.state = MembershipState.ACTIVE
        membership.full_clean(validate_constraints=False)
        membership.save()
        events.access_changed(channel.pk, user.pk, revoked=False)
    return membership


def channel_leave(*, channel: Channel, user) -> None:
    with transaction.atomic():
        membership = _membership(channel, user)
        if membership is None or not membership.is_active:
            raise PermissionDenied(NOT_A_MEMBER)
        if membership.role == MemberRole.OWNER:
            raise PermissionDenied(OWNER_CANNOT_LEAVE)
        _set_state(membership, MembershipState.LEFT, actor=user)


def _require_manager(channel: Channel, actor) -> None:
    membership = Membership.objects.filter(channel=channel, user=actor).first()
    if not channel_access(user=actor, channel=channel, membership=membership).can_manage:
        raise PermissionDenied(NOT_MANAGER)


def _set_state(membership: Membership, state: str, *, actor) -> Membership:
    membership.state = state
    membership.state_changed_by = actor
    membership.state_changed_at = timezone.now()
    membership.save(update_fields=["state", "state_changed_by", "state_changed_at", "updated_at"])
    revoked = state != MembershipState.ACTIVE
    events.access_changed(membership.channel_id, membership.user_id, revoked=revoked)
    return membership


def membership_add(*, channel: Channel, user, actor) -> Membership:
    """The owner (or a moderator) adds a person; verified people post, others may only read."""
    with transaction.atomic():
        _require_manager(channel, actor)
        if not user.is_active or not (user.is_onboarded or user.is_moderator):
            raise ValidationError(NOT_ELIGIBLE)
        if user.is_verified:
            role = MemberRole.MEMBER
        elif channel.privacy == Privacy.OPEN:
            role = MemberRole.READER
        else:
            raise ValidationError(NOT_ELIGIBLE)
        membership = _membership(channel, user) or Membership(channel=channel, user=user)
        if membership.pk and membership.role == MemberRole.OWNER:
            role = MemberRole.OWNER
        membership.role = role
        membership.state = MembershipState.ACTIVE
        membership.state_changed_by = actor
        membership.state_changed_at = timezone.now()
        membership.save()
        events.access_changed(channel.pk, user.pk, revoked=False)
        _notify_added(channel=channel, users=[user], actor=actor)
    return membership


def _change_member(*, channel: Channel, user, actor, state: str) -> Membership:
    with transaction.atomic():
        _require_manager(channel, actor)
        membership = _membership(channel, user)
        if membership is None or membership.state == MembershipState.LEFT:
            raise PermissionDenied(NOT_A_MEMBER)
        if membership.role == MemberRole.OWNER:
            raise PermissionDenied(OWNER_CANNOT_LEAVE)
        return _set_state(membership, state, actor=actor)


def membership_remove(*, channel: Channel, user, actor) -> Membership:
    """Remove a member; their open sockets of this channel close within moments."""
    return _change_member(channel=channel, user=user, actor=actor, state=MembershipState.REMOVED)


def membership_suspend(*, channel: Channel, user, actor) -> Membership:
    return _change_member(channel=channel, user=user, actor=actor, state=MembershipState.SUSPENDED)


def membership_reinstate(*, channel: Channel, user, actor) -> Membership:
    return _change_member(channel=channel, user=user, actor=actor, state=MembershipState.ACTIVE)


def membership_mark_read(*, channel_id: int, user, seq: int) -> None:
    """Move the user's read marker forward to `seq` (never back, never past the last message)."""
    last_seq = Channel.objects.filter(pk=channel_id).values("last_seq")
    Membership.objects.filter(
        channel_id=channel_id, user=user, state=MembershipState.ACTIVE, last_read_seq__lt=seq
    ).update(last_read_seq=Least(seq, Subquery(last_seq)))


# --- Messages ------------------------------------------------------------------------------


def _clean_body(body, *, allow_empty: bool = False) -> str:
    if not isinstance(body, str):
        raise ChannelError(E.INVALID_FIELD)
    body = body.replace("\r\n", "\n").strip()
    if not body and not allow_empty:
        raise ChannelError(E.EMPTY_MESSAGE)
    if len(body) > MESSAGE_MAX_CHARS:
        raise ChannelError(E.MESSAGE_TOO_LONG)
    return body


def _check_client_id(client_id) -> str:
    if not isinstance(client_id, str) or not re.fullmatch(CLIENT_ID_PATTERN, client_id):
        raise ChannelError(E.INVALID_FIELD)
    return client_id


def _writable_membership(channel_id: int, user) -> int:
    """The pk of the user's active membership that may post; raises FORBIDDEN or READ_ONLY.

    (`user` is the signed-in account in hand; a deactivated account is refused here too.)
    """
    row = (
        Membership.objects.filter(
            channel_id=channel_id, user_id=user.pk, state=MembershipState.ACTIVE
        )
        .values_list("pk", "role")
        .first()
    )
    if row is None or not user.is_active:
        raise ChannelError(E.FORBIDDEN)
    if row[1] == MemberRole.READER:
        raise ChannelError(E.READ_ONLY)
    return row[0]


def _next_seq(channel_id: int) -> int:
    """Take the channel's next number: one UPDATE … RETURNING that also locks the channel row.

    The lock is held until the transaction ends, so concurrent posts to a channel are numbered
    one after the other (PostgreSQL row lock; SQLite's BEGIN IMMEDIATE write lock). If the
    transaction rolls back, so does the number: no gaps.
    """
    from django.db import connection

    table = connection.ops.quote_name(Channel._meta.db_table)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_seq = last_seq + 1, last_message_at = %s "  # noqa: S608
            "WHERE id = %s RETURNING last_seq",
            [now, channel_id],
        )
        row = cursor.fetchone()
    if row is None:
        raise ChannelError(E.FORBIDDEN)
    return row[0]


def _stored(channel_id: int, author, client_id: str) -> Message | None:
    return Message.objects.filter(channel_id=channel_id, author=author, client_id=client_id).first()


def _check_uploads(uploads) -> list:
    """The portal's upload rules for each file (size, type by content); ValidationError if not."""
    uploads = list(uploads)
    if len(uploads) > MAX_FILES_PER_MESSAGE:
        raise ValidationError(
            TOO_MANY_FILES, code="too_many", params={"limit": MAX_FILES_PER_MESSAGE}
        )
    for upload in uploads:
        validate_upload(upload)
    return uploads


def _store_files(message: Message, uploads: list, author) -> None:
    message.attachment_list = []
    for upload in uploads:
        attachment = attachment_fill(
            attachment=MessageAttachment(message=message), upload=upload, uploaded_by=author
        )
        attachment.save()
        message.attachment_list.append(attachment)


def message_post(
    *,
    channel_id: int,
    author,
    body: str,
    client_id: str,
    reply_to_seq: int | None = None,
    uploads=(),
) -> tuple[Message, bool]:
    """Store a message under the next `seq` of its channel; returns (message, created).

    Numbers are gapless and never collide (see `_next_seq`). The same `client_id` from the same
    author returns the stored message instead of a new one: the unique constraint refuses the
    copy, its transaction (number included) rolls back, and the stored message is returned.
    `uploads` (files posted from the channel page) follow the portal's upload rules; a message
    with files may have no text. Raises ChannelError, or ValidationError for a refused file.
    """
    uploads = _check_uploads(uploads)
    body = _clean_body(body, allow_empty=bool(uploads))
    client_id = _check_client_id(client_id)
    membership_pk = _writable_membership(channel_id, author)
    reply_to = None
    if reply_to_seq is not None:
        reply_to = Message.objects.filter(channel_id=channel_id, seq=reply_to_seq).first()
        if reply_to is None:
            raise ChannelError(E.NOT_FOUND)
    try:
        with transaction.atomic():
            message = Message(
                channel_id=channel_id,
                seq=_next_seq(channel_id),
                author=author,
                client_id=client_id,
                body=body,
                reply_to=reply_to,
            )
            # Foreign keys are known to exist (checked above); validating them would cost a
            # query each inside the channel's lock.
            message.full_clean(
                exclude=["channel", "author", "reply_to"],
                validate_unique=False,
                validate_constraints=False,
            )
            message.save()
            _store_files(message, uploads, author)
            Membership.objects.filter(pk=membership_pk, last_read_seq__lt=message.seq).update(
                last_read_seq=message.seq
            )
            events.message_created(message)
            _notify_mentions(message=message, author=author)
            _notify_away_members_on_commit(message)
    except IntegrityError:
        existing = _stored(channel_id, author, client_id)
        if existing is None:
            raise
        return existing, False
    return message, True


def _notify_away_members_on_commit(message: Message) -> None:
    """Members who are away hear about the message later, off the message path."""
    from portal.cocreation.tasks import notify_away_members

    channel_id, seq = message.channel_id, message.seq
    transaction.on_commit(lambda: notify_away_members.enqueue(channel_id=channel_id, seq=seq))


def _editable_message(*, channel_id: int, actor, seq, moderating: bool) -> Message:
    if not isinstance(seq, int) or isinstance(seq, bool):
        raise ChannelError(E.INVALID_FIELD)
    message = (
        Message.objects.select_for_update(of=("self",))
        .select_related("author", "reply_to")
        .filter(channel_id=channel_id, seq=seq)
        .first()
    )
    membership = Membership.objects.active().filter(channel_id=channel_id, user=actor).first()
    if membership is None and not (moderating and actor.is_moderator):
        raise ChannelError(E.FORBIDDEN)
    if message is None:
        raise ChannelError(E.NOT_FOUND)
    if message.is_deleted:
        raise ChannelError(E.ALREADY_DELETED)
    is_author = message.author_id == actor.pk
    may_moderate = moderating and (
        actor.is_moderator or (membership and membership.role == MemberRole.OWNER)
    )
    if not is_author and not may_moderate:
        raise ChannelError(E.NOT_AUTHOR)
    if is_author and membership is not None and not membership.can_post:
        raise ChannelError(E.READ_ONLY)
    return message


def message_edit(*, channel_id: int, actor, seq: int, body: str) -> Message:
    """The author changes their message; everyone sees it marked as edited."""
    body = _clean_body(body)
    with transaction.atomic():
        message = _editable_message(channel_id=channel_id, actor=actor, seq=seq, moderating=False)
        if message.body == body:
            return message
        message.body = body
        message.edited_at = timezone.now()
        message.full_clean(validate_unique=False, validate_constraints=False)
        message.save(update_fields=["body", "edited_at", "updated_at"])
        events.message_updated(message)
    return message


def message_delete(*, channel_id: int, actor, seq: int) -> Message:
    """The author, the channel's owner or a moderator deletes a message; it shows as deleted.

    The text is erased (not hidden): a deleted message is gone from the channel and from
    transcripts; its number stays so that `seq` remains gapless.
    """
    with transaction.atomic():
        message = _editable_message(channel_id=channel_id, actor=actor, seq=seq, moderating=True)
        message.body = ""
        message.deleted_at = timezone.now()
        message.deleted_by = actor
        message.save(update_fields=["body", "deleted_at", "deleted_by", "updated_at"])
        for attachment in message.attachments.all():
            attachment_delete(attachment=attachment)
        message.attachment_list = []
        events.message_updated(message)
    return message


def _notify_mentions(*, message: Message, author) -> None:
    people = mentioned_users(channel_id=message.channel_id, body=message.body, author=author)
    if people:
        notify(
            kind="channel_mention",
            recipients=people,
            target=message,
            actor=author,
            context={
                "channel_name": message.channel.name,
                "excerpt": Truncator(message.body).chars(MENTION_EXCERPT_CHARS),
            },
        )
