"""How consumers reach the database and the cache without tying up connections or the event loop.

Database: every ORM call of a consumer goes through `db_call`, a Channels `DatabaseSyncToAsync`
on a dedicated pool of `COCREATION_DB_THREADS` threads. A process therefore uses at most that
many database connections for its sockets, whatever the number of open sockets (thousands of
idle sockets hold none). `DatabaseSyncToAsync` runs `close_old_connections()` before and after
each call; with CONN_MAX_AGE=0 (settings) the thread hands its connection back after every frame
(to psycopg's pool on PostgreSQL, so that is cheap) instead of keeping it while the socket idles.
On SQLite the pool has one thread: SQLite has a single writer anyway.

Cache: presence lives in Django's cache (Redis in production, shared by every server process);
it changes only on connect, disconnect and a refresh every REFRESH_EVERY seconds, and those
calls run on the loop's default executor via `cache_call`. What every frame needs (rate limits,
the cached membership answer) never leaves the event loop: see hotpath.py.
"""

from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import SyncToAsync
from channels.db import DatabaseSyncToAsync
from django.conf import settings
from django.db import connection


def _db_threads() -> int:
    configured = getattr(settings, "COCREATION_DB_THREADS", None)
    if configured:
        return int(configured)
    return 1 if connection.vendor == "sqlite" else 4


_executor: ThreadPoolExecutor | None = None


def _db_executor() -> ThreadPoolExecutor:
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(
            max_workers=_db_threads(), thread_name_prefix="cocreation-db"
        )
    return _executor


def db_call(func):
    """Wrap a sync function that uses the ORM so a consumer can await it."""
    return DatabaseSyncToAsync(func, thread_sensitive=False, executor=_db_executor())


def cache_call(func):
    """Wrap a sync function that only uses the cache (never the ORM)."""
    return SyncToAsync(func, thread_sensitive=False)
