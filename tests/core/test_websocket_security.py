"""WebSocket handshakes through the real ASGI application (origin check + session auth)."""

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from portal.asgi import application
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.asyncio]

GOOD_ORIGIN = (b"origin", b"http://127.0.0.1:8000")


def _session_cookie_for(user) -> bytes:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}".encode()


async def _connect(headers):
    """(accepted, the close frame that follows or None if the socket stays open).

    Refusals accept first and close with a 44xx code, which a browser can read (an HTTP 403
    on the handshake reads as 1006)."""
    communicator = WebsocketCommunicator(application, "/ws/notifications/", headers=headers)
    connected, _ = await communicator.connect()
    close = None
    if connected:
        first = await communicator.receive_output(timeout=15)
        close = first if first["type"] == "websocket.close" else None
    await communicator.disconnect()
    return connected, close


async def test_anonymous_handshake_is_refused():
    connected, close = await _connect([GOOD_ORIGIN])
    assert connected
    assert close == {"type": "websocket.close", "code": 4401}


async def test_foreign_origin_is_refused_even_when_signed_in():
    user = await sync_to_async(UserFactory)()
    cookie = await sync_to_async(_session_cookie_for)(user)
    connected, close = await _connect([(b"origin", b"https://evil.example"), (b"cookie", cookie)])
    assert connected
    assert close == {"type": "websocket.close", "code": 4403, "reason": "origin"}


async def test_signed_in_user_with_good_origin_connects():
    user = await sync_to_async(UserFactory)()
    cookie = await sync_to_async(_session_cookie_for)(user)
    connected, _ = await _connect([GOOD_ORIGIN, (b"cookie", cookie)])
    assert connected
