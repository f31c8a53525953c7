"""The pub/sub channel layer after a Redis restart, on a private redis-server (issue #12).

Its subscriber reconnects only when its receive loop next polls, after Redis already answers
other clients; `confirm_live()` must stay false until the subscriptions are back, so that an
event sent once it is true is delivered.
"""

import asyncio
import time

import pytest

from portal.core.layers import ConfirmingPubSubChannelLayer
from tests.cocreation.livestack import RedisServer

pytestmark = [pytest.mark.multiprocess, pytest.mark.asyncio]


@pytest.fixture
def redis(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


async def _until_live(layer, timeout: float) -> int:
    """Polls like portal.core.layer_watch does; returns how many answers were false."""
    deadline, false_answers = time.monotonic() + timeout, 0
    while True:
        try:
            if await layer.confirm_live(timeout=1.0):
                return false_answers
        except Exception:  # noqa: BLE001 - Redis still down: the watch asks again
            pass
        false_answers += 1
        assert time.monotonic() < deadline, "the layer never confirmed it was live"
        await asyncio.sleep(0.2)


async def test_a_group_event_sent_once_the_layer_confirms_is_delivered(redis):
    layer = ConfirmingPubSubChannelLayer(hosts=[redis.url], prefix="probe-test")
    channel = await layer.new_channel()
    await layer.group_add("room", channel)
    assert await layer.confirm_live(timeout=5.0)

    redis.stop()
    await asyncio.sleep(0.5)  # the subscriber notices: its next poll fails
    assert not await _confirm_or_false(layer)
    redis.start()

    await _until_live(layer, timeout=60)
    await layer.group_send("room", {"type": "chat.message", "n": 1})
    message = await asyncio.wait_for(layer.receive(channel), timeout=10)
    assert message == {"type": "chat.message", "n": 1}
    await layer.flush()


async def _confirm_or_false(layer) -> bool:
    try:
        return await layer.confirm_live(timeout=1.0)
    except Exception:  # noqa: BLE001 - Redis is down
        return False
