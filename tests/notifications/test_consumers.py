"""The bell's WebSocket, through the real ASGI application with a session cookie."""

import asyncio

import pytest
from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from django.test import Client

from portal.asgi import application
from portal.notifications import services
from portal.notifications.groups import user_group
from portal.notifications.models import Notification
from tests import factories

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.django_db(transaction=True),
]

PATH = "/ws/notifications/"
ORIGIN = (b"origin", b"http://testserver")


def _session_cookie(user) -> bytes:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return f"sessionid={client.cookies['sessionid'].value}".encode()


async def open_socket(user=None, *, origin=ORIGIN):
    headers = [origin]
    if user is not None:
        headers.append((b"cookie", await sync_to_async(_session_cookie)(user)))
    communicator = WebsocketCommunicator(application, PATH, headers=headers)
    connected, code = await communicator.connect()
    return communicator, connected, code


@database_sync_to_async
def make_user(**kwargs):
    return factories.OnboardedUserFactory(**kwargs)


@database_sync_to_async
def notify(kind, recipients, **context):
    return services.notify(kind=kind, recipients=recipients, context=context)


@database_sync_to_async
def mark_all_read(user):
    return services.notifications_mark_all_read(user=user)


async def closed_after_accepting(communicator, connected) -> dict:
    """Refusals accept first, so a browser reads the close code (an HTTP 403 reads as 1006)."""
    assert connected
    return await communicator.receive_output(timeout=15)


async def test_anonymous_sockets_are_rejected():
    communicator, connected, _code = await open_socket()
    closed = await closed_after_accepting(communicator, connected)
    assert closed == {"type": "websocket.close", "code": 4401}


async def test_a_foreign_origin_is_rejected():
    user = await make_user()
    communicator, connected, _code = await open_socket(
        user, origin=(b"origin", b"https://evil.example.com")
    )
    closed = await closed_after_accepting(communicator, connected)
    assert closed == {"type": "websocket.close", "code": 4403, "reason": "origin"}


async def test_a_suspended_user_is_rejected():
    user = await make_user()
    cookie = await sync_to_async(_session_cookie)(user)
    user.is_active = False
    await database_sync_to_async(user.save)()
    communicator = WebsocketCommunicator(application, PATH, headers=[ORIGIN, (b"cookie", cookie)])
    connected, _code = await communicator.connect()
    closed = await closed_after_accepting(communicator, connected)
    assert closed == {"type": "websocket.close", "code": 4401}


async def test_the_socket_starts_with_the_unread_count():
    user = await make_user()
    await notify("channel_mention", [user], channel_name="防災WG", url="/ja/channels/1/")
    communicator, connected, _code = await open_socket(user)
    assert connected
    assert await communicator.receive_json_from() == {"type": "unread_count", "unread_count": 1}
    await communicator.disconnect()


async def test_the_bell_updates_on_every_open_page_of_the_recipient_only():
    user = await make_user()
    bystander = await make_user()
    first_page, _, _ = await open_socket(user)
    second_page, _, _ = await open_socket(user)
    other_page, _, _ = await open_socket(bystander)
    for page in (first_page, second_page, other_page):
        assert (await page.receive_json_from())["unread_count"] == 0

    await notify("channel_mention", [user], channel_name="防災WG", url="/ja/channels/1/")

    for page in (first_page, second_page):
        event = await page.receive_json_from(timeout=15)
        assert event["type"] == "notification"
        assert event["unread_count"] == 1
        assert "防災WG" in event["notification"]["title"]
        assert event["notification"]["url"].endswith("/ja/channels/1/")
    assert await other_page.receive_nothing(timeout=0.2)

    await mark_all_read(user)
    for page in (first_page, second_page):
        assert await page.receive_json_from(timeout=15) == {
            "type": "unread_count",
            "unread_count": 0,
        }
    for page in (first_page, second_page, other_page):
        await page.disconnect()


async def test_a_growing_batch_keeps_the_count_and_updates_the_entry():
    user = await make_user()
    page, _, _ = await open_socket(user)
    await page.receive_json_from()
    for _message in range(2):
        await notify("channel_unread", [user], channel_name="防災WG", url="/ja/channels/1/")
    events = [await page.receive_json_from(timeout=15) for _ in range(2)]
    assert [e["unread_count"] for e in events] == [1, 1]
    assert [e["notification"]["count"] for e in events] == [1, 2]
    assert await database_sync_to_async(Notification.objects.count)() == 1
    await page.disconnect()


async def test_the_socket_is_read_only():
    user = await make_user()
    page, _, _ = await open_socket(user)
    await page.receive_json_from()
    await page.send_json_to({"type": "mark_read", "id": 1})
    assert (await page.receive_json_from())["type"] == "error"
    await page.disconnect()


async def test_session_terminate_closes_every_page_of_the_user():
    user = await make_user()
    page, _, _ = await open_socket(user)
    await page.receive_json_from()
    await get_channel_layer().group_send(user_group(user.pk), {"type": "session.terminate"})
    assert await page.receive_output(timeout=15) == {"type": "websocket.close", "code": 4403}


async def test_a_notification_published_from_sync_code_on_the_loops_own_thread_is_delivered(
    caplog,
):
    """Sync code running on an event loop's thread (a script or a browser test driving
    Playwright's sync API) cannot use async_to_sync there; the publish must still go out."""
    from portal.notifications import realtime

    layer = get_channel_layer()
    channel = await layer.new_channel()
    await layer.group_add(user_group(7), channel)
    realtime._send([(7, {"type": "unread_count", "unread_count": 3})])  # no await: sync code
    message = await asyncio.wait_for(layer.receive(channel), timeout=30)
    assert message["payload"] == {"type": "unread_count", "unread_count": 3}
    assert "Could not publish" not in caplog.text


async def test_closing_the_bell_while_redis_is_down_is_quiet(monkeypatch, caplog):
    from redis.exceptions import ConnectionError as RedisConnectionError

    user = await make_user()
    communicator, connected, _code = await open_socket(user)
    assert connected
    await communicator.receive_json_from(timeout=15)  # the unread count

    async def layer_down(*_args):
        raise RedisConnectionError("Connection closed by server.")

    monkeypatch.setattr(get_channel_layer(), "group_discard", layer_down)
    await communicator.disconnect()  # the consumer must not raise into Daphne
    assert "Could not leave group" in caplog.text
