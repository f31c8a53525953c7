"""WebSockets: hidden messages are masked in sync/history frames and live updates; suspending a
user closes all of their sockets at once."""

import pytest
from asgiref.sync import sync_to_async

from portal.cocreation import services as chat
from portal.cocreation.consumers import CLOSE_UNAUTHENTICATED
from portal.moderation import services
from tests import factories
from tests.moderation.conftest import make_channel
from tests.notifications.test_consumers import open_socket as open_bell

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.asyncio]

SECRET = "個人の携帯 090-1111-2222"


def _room():
    official = factories.official()
    author = factories.startup_member()
    other = factories.startup_member()
    moderator = factories.moderator()
    channel = make_channel(owner=official, members=[author, other])
    chat.message_post(
        channel_id=channel.pk, author=official, body="はじめに", client_id="rt-000001"
    )
    secret, _ = chat.message_post(
        channel_id=channel.pk, author=author, body=SECRET, client_id="rt-000002"
    )
    return channel, secret, {"official": official, "author": author, "other": other}, moderator


def _hide(secret, moderator):
    services.content_hide(target=secret, moderator=moderator, reason="個人情報のため")


@pytest.mark.parametrize("who", ["official", "other", "author"])
async def test_sync_frames_mask_a_hidden_message_for_everyone_but_its_author(who, sockets):
    channel, secret, people, moderator = await sync_to_async(_room)()
    await sync_to_async(_hide)(secret, moderator)
    socket = await sockets(people[who], channel.pk)
    assert socket.connected
    await socket.send({"type": "sync", "after_seq": 0})
    frames = [await socket.next("message") for _ in range(2)]
    await socket.next("sync.done")
    hidden = next(frame for frame in frames if frame["seq"] == secret.seq)
    if who == "author":
        assert hidden["body"] == SECRET and hidden["masked"] is False and hidden["hidden"]
    else:
        assert hidden["body"] == "" and hidden["body_html"] == "" and hidden["masked"] is True
        assert SECRET not in str(frames)


async def test_hiding_is_broadcast_masked_to_open_sockets(sockets):
    channel, secret, people, moderator = await sync_to_async(_room)()
    socket = await sockets(people["other"], channel.pk)
    await sync_to_async(_hide)(secret, moderator)
    update = await socket.next("message.updated")
    assert update["seq"] == secret.seq and update["masked"] is True and update["body"] == ""


async def test_a_resync_after_hiding_reports_the_change(sockets):
    channel, secret, people, moderator = await sync_to_async(_room)()
    from django.utils import timezone

    since = timezone.now()
    await sync_to_async(_hide)(secret, moderator)
    socket = await sockets(people["other"], channel.pk)
    await socket.send({"type": "sync", "after_seq": secret.seq, "since": since.isoformat()})
    changed = await socket.next("message.updated")
    assert changed["seq"] == secret.seq and changed["masked"] is True
    assert SECRET not in str(changed)


async def test_suspension_closes_the_users_channel_and_notification_sockets(sockets):
    channel, _secret, people, moderator = await sync_to_async(_room)()
    author = people["author"]
    channel_socket = await sockets(author, channel.pk)
    assert channel_socket.connected
    bell, connected, _code = await open_bell(author)
    assert connected
    await bell.receive_json_from()  # the unread count
    other_socket = await sockets(people["other"], channel.pk)

    await sync_to_async(services.user_suspend)(
        user=author, moderator=moderator, reason="度重なる迷惑行為"
    )

    assert await channel_socket.closed_with() == CLOSE_UNAUTHENTICATED  # "signed out"
    assert (await bell.receive_output(timeout=15))["type"] == "websocket.close"
    # Others stay connected.
    assert await other_socket.nothing_more(ignore=("presence", "typing", "message.updated"))
    # And the suspended user cannot open a new one.
    again = await sockets(author, channel.pk)
    assert (await again.refused())[1] == CLOSE_UNAUTHENTICATED
