"""Channel layers that ride out a Redis outage.

The list layer: its receive waits out a Redis outage instead of ending the consumer.

channels_redis's list layer raises from `receive()` once redis-py's retries (about 4 s) are
used up; Channels then ends the consumer and Daphne closes its socket with 1011, so a Redis
restart of more than a few seconds dropped every open socket of the process. Here `receive()`
keeps trying with a capped backoff; when Redis is back, portal/core/layer_watch.py re-adds the
groups and tells the clients to resync. Safe to call again after a failure: channels_redis
releases its receive lock and buffer for the channel before it raises.

The pub/sub layer receives from an in-memory queue and needs no such receive, but it must say
when its subscriptions are live again (ConfirmingPubSubChannelLayer below).
"""

import asyncio
import logging
import uuid

from channels_redis.core import RedisChannelLayer
from channels_redis.pubsub import RedisPubSubChannelLayer
from channels_redis.utils import _consistent_hash
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)
MAX_BACKOFF = 2.0


class OutageTolerantRedisChannelLayer(RedisChannelLayer):
    async def receive(self, channel):
        delay = 0.1
        while True:
            try:
                return await super().receive(channel)
            except OUTAGE_ERRORS as error:
                if delay == 0.1:
                    logger.warning("Channel layer cannot reach Redis (%s); waiting", error)
                await asyncio.sleep(delay)
                delay = min(MAX_BACKOFF, delay * 2)


class ConfirmingPubSubChannelLayer(RedisPubSubChannelLayer):
    """channels_redis's pub/sub layer, able to confirm that its subscriptions are live again.

    Why: after a Redis restart, the layer's subscriber connection reconnects (and redis-py
    resubscribes every channel and group) only when its receive loop next polls, up to a second
    or more after Redis answers other clients; an event published in that gap reaches no one,
    and pub/sub keeps nothing. portal/core/layer_watch.py therefore tells sockets to resync only
    once `confirm_live()` is true, so no event can fall between the resync and live delivery.

    How: one probe channel per shard, subscribed like a consumer's channel. A probe published to
    it comes back through the shard's subscriber connection only once that connection is
    subscribed again; redis-py resubscribes all of a connection's channels in one SUBSCRIBE,
    so the probe's return proves the groups are back too. Reads the loop layer's per-channel
    queues (`channels`), an internal of channels_redis (pinned in requirements.lock).
    """

    async def confirm_live(self, timeout: float) -> bool:
        layer = self._get_layer()
        probes = getattr(layer, "portal_probes", None)
        if probes is None:
            probes = layer.portal_probes = _probe_channels(layer)
        results = await asyncio.gather(
            *(_probe(self, layer, channel, timeout) for channel in probes)
        )
        return all(results)


def _probe_channels(layer) -> list[str]:
    """One channel name per shard (the layer assigns a channel to a shard by its hash)."""
    wanted, names = len(layer._shards), {}
    while len(names) < wanted:
        name = f"{layer.prefix}portal-probe.{uuid.uuid4().hex}"
        names.setdefault(_consistent_hash(name, wanted), name)
    return list(names.values())


async def _probe(outer, layer, channel: str, timeout: float) -> bool:
    queue = layer.channels.setdefault(channel, asyncio.Queue())
    await layer._get_shard(channel).subscribe(channel)  # a no-op once it succeeded
    nonce = uuid.uuid4().hex
    await layer.send(channel, {"type": "portal.probe", "nonce": nonce})
    deadline = asyncio.get_running_loop().time() + timeout
    while (remaining := deadline - asyncio.get_running_loop().time()) > 0:
        try:
            message = outer.deserialize(await asyncio.wait_for(queue.get(), remaining))
        except TimeoutError:
            return False
        if message.get("nonce") == nonce:  # earlier probes may arrive late: skip them
            return True
    return False
