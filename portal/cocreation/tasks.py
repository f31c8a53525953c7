"""Background work of the co-creation channels."""

from django_tasks import task


@task()
def notify_away_members(*, channel_id: int, seq: int) -> int:
    """Tell the members who do not have the channel open that a message arrived.

    Batched per channel by the notifications app (one unread notification that counts up, at
    most one email per window), so a busy channel never floods anyone. Returns how many members
    were told.
    """
    from portal.cocreation.models import Channel, Message
    from portal.cocreation.presence import online_members
    from portal.cocreation.selectors import active_member_users, mentioned_users
    from portal.notifications.services import notify

    message = (
        Message.objects.select_related("channel", "author")
        .filter(channel_id=channel_id, seq=seq, deleted_at__isnull=True)
        .first()
    )
    if message is None:
        return 0
    channel: Channel = message.channel
    online = {member["id"] for member in online_members(channel_id=channel_id)}
    # A mentioned member already got a notification about this very message.
    mentioned = {
        user.pk
        for user in mentioned_users(channel_id=channel_id, body=message.body, author=message.author)
    }
    away = [
        user
        for user in active_member_users(channel_id=channel_id)
        if user.pk not in online | mentioned | {message.author_id}
    ]
    notify(
        kind="channel_unread",
        recipients=away,
        target=channel,
        actor=message.author,
        context={"channel_name": channel.name},
    )
    return len(away)
