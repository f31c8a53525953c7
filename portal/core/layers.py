"""A channel layer whose receive waits out a Redis outage instead of ending the consumer.

channels_redis's list layer raises from `receive()` once redis-py's retries (about 4 s) are
used up; Channels then ends the consumer and Daphne closes its socket with 1011, so a Redis
restart of more than a few seconds dropped every open socket of the process. Here `receive()`
keeps trying with a capped backoff; when Redis is back, portal/core/layer_watch.py re-adds the
groups and tells the clients to resync. (The pub/sub layer receives from an in-memory queue and
does not need this.) Safe to call again after a failure: channels_redis releases its receive
lock and buffer for the channel before it raises.
"""

import asyncio
import logging

from channels_redis.core import RedisChannelLayer
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
