"""The anonymous page cache: public pages rendered once for every signed-out reader.

Most readers of the portal's public pages (the request list, the startup directory, the case
library, the home page, search results) are not signed in, and for them a page depends only on
its address. Rendering it anew for each of them costs tens of milliseconds and a dozen queries
whose answer has not changed, so a page rendered for one anonymous reader is kept in the shared
cache and served to the next. What keeps that correct:

* **Who is served from the cache**: GET and HEAD requests of signed-out readers that carry no
  session and no message cookie (a reader in the middle of a sign-up, a password-protected page
  or a "saved" message gets the page rendered for them), never previews. Signed-in readers
  always get a fresh page.
* **What is kept**: only views and page types that opt in (`anonymous_page_cache` below,
  `PortalPage.serve`), only 200 answers that set no cookie of their own and are not marked
  private or no-store. The key is the scheme, host and full path with its query string; the
  language is part of the path (/ja/, /en/).
* **When it changes**: every committed write through the ORM (post_save, post_delete,
  m2m_changed of any model outside `IGNORED_APPS` and `IGNORED_MODELS`) replaces one *content
  generation* token in the cache, and an entry is served only under the generation it was rendered in. So a
  published request, a new startup or a moderator's edit shows on the next anonymous request
  (in another process within a second, see below). Writes that send no signals (`QuerySet.update()`, bulk inserts) and what
  time alone changes (a subsidy's deadline passing) show within `PAGE_CACHE_SECONDS`, after
  which every entry expires anyway. While Redis is down the cache is per process (see
  portal/core/cache.py), so another process may serve its own entry until it expires.
* **The CSRF token**: pages hold forms (the language switch, the event registration), whose
  token belongs to one reader. A page rendered for the cache carries a placeholder instead
  (the `csrf_token` context value, see `context_processors.portal`), and every answer, fresh
  or cached, gets the reader's own token in its place, which also sets their CSRF cookie.

Each process keeps the entries it served in memory too (`LOCAL_ENTRIES`, least recently used
dropped first) and reads the generation from Redis at most once a second: a hit costs no round
trip, and another process's write shows within `GENERATION_CHECK_SECONDS` (at once in the
process that wrote).
"""

import hashlib
import logging
import math
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
KEY_PREFIX = "page-cache:page:"
# Rendered in place of the reader's CSRF token; long and random enough never to occur in content.
CSRF_PLACEHOLDER = "portal-csrf-placeholder-5d1f0c9a7be34e62"
_RENDERING_FLAG = "_page_cache_rendering"
# Writes that never change what a signed-out reader sees: sessions, the readers' own
# notifications, the search index (its entries follow the writes that already count), the admin
# log, second factors, queued tasks, and the members-only traffic of the co-creation channels
# (messages, attachments, read markers: busy, and on no cached page).
IGNORED_APPS = frozenset(
    {"sessions", "notifications", "wagtailsearch", "portal_search", "admin", "mfa"}
    | {"django_tasks_database"}
)
IGNORED_MODELS = frozenset(
    {"cocreation.message", "cocreation.messageattachment", "cocreation.membership"}
)
# How stale another process's write may leave this process's copies: the generation is read
# from the shared cache at most this often (a hit otherwise costs no round trip to Redis).
GENERATION_CHECK_SECONDS = 1.0
# Pages (and kept values) this process holds in memory, the least recently used dropped first.
LOCAL_ENTRIES = 256
# Headers a cached answer gets again; the rest (Content-Length, cookies, Vary, security
# headers) are set again by the middleware for each answer.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Link", "X-Robots-Tag")


def cache_seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0))


def serve_cached(request, render: Callable[[], HttpResponse]) -> HttpResponse:
    """The answer of `render()` for this request, from the cache where that is safe."""
    if not _cacheable_request(request):
        return render()
    key = _page_key(request)
    try:
        generation, entry = _lookup(key)
    except Exception:  # only time is lost: the page is rendered as if there were no cache
        logger.warning("page cache unavailable; rendering %s", request.path, exc_info=True)
        return render()
    if entry is not None:
        return _with_reader_token(request, _response_from(entry))
    setattr(request, _RENDERING_FLAG, True)
    try:
        response = render()
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
    finally:
        delattr(request, _RENDERING_FLAG)
    if _cacheable_response(response):
        _keep(key, generation, _entry_from(response), cache_seconds())
    return _with_reader_token(request, response)


def anonymous_page_cache(view):
    """Serve this function view's anonymous GET answers from the page cache."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        return serve_cached(request, lambda: view(request, *args, **kwargs))

    return cached_view


def remember_until_write(key: str, compute: Callable[[], object], seconds: int = 300):
    """`compute()`, kept until the next write that makes cached pages stale (the same content
    generation), or for `seconds`: for reads over a whole table whose answer only a write
    changes (the peer municipalities' index, read by every official's dashboard)."""
    key = "page-cache:value:" + key
    try:
        generation, value = _lookup(key)
    except Exception:
        logger.warning("page cache unavailable; computing %s", key, exc_info=True)
        return compute()
    if value is None:
        value = compute()
        _keep(key, generation, value, seconds)
    return value


# --- the two levels: this process's memory in front of the shared cache -------------------------


class _Local:
    """Entries and the generation as this process last saw them. A hit costs no round trip to
    Redis; the generation is read from Redis at most every GENERATION_CHECK_SECONDS, and at
    once in the process that wrote (`bump_generation`)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.entries: OrderedDict[str, tuple] = OrderedDict()
        self.generation: str | None = None
        self.checked_at = -math.inf


_local = _Local()


def forget_local() -> None:
    """Drop this process's copies (tests flush the shared cache between tests)."""
    with _local.lock:
        _local.entries.clear()
        _local.generation = None
        _local.checked_at = -math.inf


def _current_generation() -> str:
    now = time.monotonic()
    with _local.lock:
        if _local.generation is not None and now - _local.checked_at < GENERATION_CHECK_SECONDS:
            return _local.generation
    generation = cache.get(GENERATION_KEY) or _start_generation()
    with _local.lock:
        _local.generation, _local.checked_at = generation, now
    return generation


def _lookup(key: str) -> tuple[str, object | None]:
    """(the current generation, the value kept for `key` under it, or None)."""
    generation = _current_generation()
    now = time.time()
    with _local.lock:
        kept = _local.entries.get(key)
        if kept is not None and kept[0] == generation and kept[1] > now:
            _local.entries.move_to_end(key)
            return generation, kept[2]
    kept = cache.get(key)
    if kept is None or kept[0] != generation or kept[1] <= now:
        return generation, None
    _keep_locally(key, kept)
    return generation, kept[2]


def _keep(key: str, generation: str, value, seconds: int) -> None:
    kept = (generation, time.time() + seconds, value)
    _keep_locally(key, kept)
    try:
        cache.set(key, kept, seconds)
    except Exception:
        logger.warning("page cache unavailable; %s kept in this process only", key, exc_info=True)


def _keep_locally(key: str, kept: tuple) -> None:
    with _local.lock:
        _local.entries[key] = kept
        _local.entries.move_to_end(key)
        while len(_local.entries) > LOCAL_ENTRIES:
            _local.entries.popitem(last=False)


def csrf_token_for_template(request) -> str | None:
    """The placeholder while a page is rendered for the cache, else None (Django's own token)."""
    return CSRF_PLACEHOLDER if getattr(request, _RENDERING_FLAG, False) else None


def bump_generation() -> None:
    """Every cached page is stale from now on (a write readers may see has committed)."""
    generation = secrets.token_hex(8)
    with _local.lock:
        _local.generation, _local.checked_at = generation, time.monotonic()
    cache.set(GENERATION_KEY, generation, None)


def _start_generation() -> str:
    cache.add(GENERATION_KEY, secrets.token_hex(8), None)
    return cache.get(GENERATION_KEY)


def _cacheable_request(request) -> bool:
    if cache_seconds() <= 0 or request.method not in ("GET", "HEAD"):
        return False
    if getattr(request, "is_preview", False):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return user is not None and not user.is_authenticated


def _page_key(request) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return KEY_PREFIX + hashlib.sha256(address.encode()).hexdigest()


def _cacheable_response(response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    return "private" not in cache_control and "no-store" not in cache_control


def _entry_from(response: HttpResponse) -> tuple:
    headers = [(name, response[name]) for name in KEPT_HEADERS if response.has_header(name)]
    return (response.content, headers)


def _response_from(entry: tuple) -> HttpResponse:
    content, headers = entry
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response


def _with_reader_token(request, response: HttpResponse) -> HttpResponse:
    placeholder = CSRF_PLACEHOLDER.encode()
    if not response.streaming and placeholder in response.content:
        response.content = response.content.replace(placeholder, get_token(request).encode())
    return response


# --- invalidation --------------------------------------------------------------------------------


def _on_write(sender, **kwargs) -> None:
    meta = sender._meta
    if meta.app_label in IGNORED_APPS or meta.label_lower in IGNORED_MODELS:
        return
    if cache_seconds() <= 0:
        return
    using = kwargs.get("using") or "default"
    connection = transaction.get_connection(using)
    if connection.in_atomic_block:
        # Now, for what the writing transaction itself renders next (a test runs inside one),
        # and again on commit: a reader rendering between the write and the commit would have
        # cached the old content under the new generation.
        bump_generation()
        if _bump_scheduled(connection):
            return
    transaction.on_commit(bump_generation, using=using)


def _bump_scheduled(connection) -> bool:
    return any(entry[1] is bump_generation for entry in connection.run_on_commit)


def connect_invalidation() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_write, dispatch_uid=f"page-cache-{id(signal)}")
