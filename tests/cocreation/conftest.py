import asyncio
import contextlib
import json

import pytest
import pytest_asyncio
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from portal.cocreation.models import Channel, ChannelKind, MemberRole, Membership, Privacy
from tests import factories

GOOD_ORIGIN = b"http://127.0.0.1:8000"


def ensure_master_data() -> None:
    """Reload what migrations put in the database if a transactional test flushed it."""
    from django.contrib.auth.models import Group

    from portal.accounts.models import MODERATORS_GROUP
    from portal.community.master_data import load_municipalities
    from portal.community.models import Municipality, Prefecture

    if not Municipality.objects.exists():
        load_municipalities(Prefecture, Municipality)
    Group.objects.get_or_create(name=MODERATORS_GROUP)


@pytest.fixture(autouse=True)
def _master_data_for_transactional_tests(request):
    """Transactional tests start from a flushed database: give them the master data again.

    (Cheaper and sturdier than serialized_rollback, whose snapshot is empty when --reuse-db
    picks up a database that an earlier session's transactional tests left flushed.)
    """
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        request.getfixturevalue("transactional_db")
        ensure_master_data()


@pytest.fixture(scope="session", autouse=True)
def _master_data_left_for_the_next_session(django_db_setup, django_db_blocker):
    """Leave the master data in place for a later --reuse-db session."""
    yield
    with django_db_blocker.unblock():
        ensure_master_data()


def make_channel(
    *,
    owner=None,
    members=(),
    readers=(),
    kind=ChannelKind.SUPPORT_REQUEST,
    privacy=Privacy.PRIVATE,
    name="前橋市 窓口DX 共創チャンネル",
) -> Channel:
    channel = Channel.objects.create(kind=kind, privacy=privacy, name=name, owner=owner)
    if owner is not None:
        Membership.objects.create(channel=channel, user=owner, role=MemberRole.OWNER)
    for user in members:
        Membership.objects.create(channel=channel, user=user, role=MemberRole.MEMBER)
    for user in readers:
        Membership.objects.create(channel=channel, user=user, role=MemberRole.READER)
    return channel


@pytest.fixture
def pair(official, startup_user):
    """A support request channel owned by an official with a startup member in it."""
    return make_channel(owner=official, members=[startup_user])


@pytest.fixture
def community(moderator):
    return make_channel(
        owner=moderator,
        kind=ChannelKind.WORKING_GROUP,
        privacy=Privacy.OPEN,
        name="ICT利活用WG",
    )


def session_cookie(user) -> bytes:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}".encode()


# How long a test waits for a frame it expects. Generous: a correct server answers in
# milliseconds, but a CI runner with two suites on two cores may take seconds, and a wait that
# runs out fails a correct test (waits for frames that must NOT come stay short).
FRAME_WAIT = 15


class Socket:
    """A WebsocketCommunicator through the real ASGI stack, with helpers for typed frames."""

    def __init__(self, communicator):
        self.communicator = communicator
        self.connected = False
        self.close_code = None

    async def send(self, frame: dict) -> None:
        await self.communicator.send_to(text_data=json.dumps(frame, ensure_ascii=False))

    async def send_raw(self, text=None, data=None) -> None:
        await self.communicator.send_to(text_data=text, bytes_data=data)

    async def next(
        self, *types: str, timeout: float = FRAME_WAIT, skip=("presence", "typing")
    ) -> dict:
        """The next frame of one of `types`, skipping `skip` frames (any other is a failure)."""
        while True:
            frame = await self.communicator.receive_json_from(timeout=timeout)
            if not types or frame["type"] in types:
                return frame
            if frame["type"] not in skip:
                raise AssertionError(f"unexpected frame {frame}")

    async def nothing_more(self, *, ignore=("presence", "typing")) -> bool:
        """True if no frame (other than `ignore`d ones) arrives within a short wait."""
        while True:
            if await self.communicator.receive_nothing(timeout=0.2):
                return True
            frame = await self.communicator.receive_json_from()
            if frame["type"] not in ignore:
                return False

    async def closed_with(self, timeout: float = FRAME_WAIT):
        """Wait for the server to close the socket; returns the close code."""
        while True:
            output = await self.communicator.receive_output(timeout=timeout)
            if output["type"] == "websocket.close":
                return output.get("code")

    async def refused(self, timeout: float = FRAME_WAIT) -> tuple[str | None, int, str | None]:
        """(error code, close code, close reason) of a refused socket.

        Refusals are readable by browsers: accepted, an error frame (not for a foreign
        Origin), then a close with an application code."""
        assert self.connected, "a refusal accepts the handshake first (HTTP 403 reads as 1006)"
        error = None
        while True:
            output = await self.communicator.receive_output(timeout=timeout)
            if output["type"] == "websocket.send":
                error = json.loads(output["text"])
                assert error["type"] == "error" and not error["retryable"]
                assert error["detail"]
                error = error["code"]
            elif output["type"] == "websocket.close":
                return error, output.get("code"), output.get("reason")

    async def close(self) -> None:
        """Disconnect, unless the application already ended (a test that failed while waiting
        cancelled it): the fixture's clean-up must go on to the database flush either way."""
        if self.communicator.future.done():
            return
        with contextlib.suppress(asyncio.CancelledError, TimeoutError):
            await self.communicator.disconnect(timeout=FRAME_WAIT)


async def open_socket(user, channel_id, *, origin=GOOD_ORIGIN, lang="") -> Socket:
    from portal.asgi import application

    headers = [(b"origin", origin)]
    if user is not None:
        headers.append((b"cookie", await sync_to_async(session_cookie)(user)))
    path = f"/ws/channels/{channel_id}/" + (f"?lang={lang}" if lang else "")
    socket = Socket(WebsocketCommunicator(application, path, headers=headers))
    socket.connected, socket.close_code = await socket.communicator.connect(timeout=FRAME_WAIT)
    return socket


@pytest_asyncio.fixture
async def sockets():
    """Open sockets for a test and close them afterwards, even when the test fails."""
    opened = []

    async def open_(user, channel_id, **kwargs):
        socket = await open_socket(user, channel_id, **kwargs)
        opened.append(socket)
        return socket

    yield open_
    for socket in opened:
        await socket.close()


def new_member(channel, **kwargs):
    user = factories.startup_member()
    Membership.objects.create(channel=channel, user=user, **kwargs)
    return user
