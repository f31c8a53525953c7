"""A service outage logs its repeated error once a minute, not once a second."""

import logging

import pytest

from portal.core import log_filters


@pytest.fixture
def clock(monkeypatch):
    for kept in logging.getLogger("channels_redis.pubsub").filters:
        kept.forget()
    now = [1000.0]
    monkeypatch.setattr(log_filters.time, "monotonic", lambda: now[0])
    return now


def _fail(logger, message="Unexpected exception in receive task", error=ConnectionError):
    try:
        raise error("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
    except error:
        logger.exception(message)


def test_the_pubsub_receive_loop_logs_an_outage_once_a_minute(caplog, clock):
    logger = logging.getLogger("channels_redis.pubsub")
    assert any(isinstance(f, log_filters.OncePerInterval) for f in logger.filters)
    caplog.set_level(logging.ERROR, logger="channels_redis.pubsub")
    for _second in range(59):  # the loop's one retry a second
        _fail(logger)
        clock[0] += 1
    assert len(caplog.records) == 1
    assert caplog.records[0].exc_info, "the first one keeps its traceback"
    clock[0] += 1
    _fail(logger)
    assert len(caplog.records) == 2
    assert "(58 more like this in the last 60 s)" in caplog.records[1].getMessage()


def test_a_different_failure_shows_at_once(caplog, clock):
    logger = logging.getLogger("channels_redis.pubsub")
    caplog.set_level(logging.ERROR, logger="channels_redis.pubsub")
    _fail(logger)
    _fail(logger, error=TimeoutError)
    _fail(logger, message="Unexpected exception while cleaning-up channel:")
    assert len(caplog.records) == 3
