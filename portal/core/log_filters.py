"""Logging filters for errors that repeat on a timer while a service is down."""

import logging
import threading
import time


class OncePerInterval(logging.Filter):
    """Let the first record of a kind through, then at most one every `seconds`, saying how many
    like it were held back.

    channels_redis's pub/sub receive loop retries every second while Redis is unreachable and
    logs a full traceback each time: a five-minute outage buried the log under 300 identical
    tracebacks per process, hiding what else happened. A record's kind is its logger, message
    and exception type, so a different failure still shows at once."""

    def __init__(self, seconds: float = 60.0):
        super().__init__()
        self.seconds = float(seconds)
        self._seen: dict[tuple, tuple[float, int]] = {}
        self._lock = threading.Lock()

    def forget(self) -> None:
        with self._lock:
            self._seen.clear()

    def filter(self, record: logging.LogRecord) -> bool:
        kind = (record.name, record.msg, record.exc_info[0] if record.exc_info else None)
        now = time.monotonic()
        with self._lock:
            last, held = self._seen.get(kind, (None, 0))
            if last is not None and now - last < self.seconds:
                self._seen[kind] = (last, held + 1)
                return False
            self._seen[kind] = (now, 0)
        if held:
            record.msg = f"{record.msg} ({held} more like this in the last {self.seconds:.0f} s)"
        return True
