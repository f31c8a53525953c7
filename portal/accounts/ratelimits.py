"""How long a client has to wait after one of allauth's rate limits refused it.

allauth counts attempts in the cache (`ACCOUNT_RATE_LIMITS`, a list of hit timestamps per
limit and per IP, user or key) and only says "try again later"; the portal tells people how
long. Reads the same cache entries allauth writes (through its own key function), so the answer
is the real one, per process too while Redis is down (portal/core/cache.py).
"""

import math
import time

from allauth.account import app_settings
from allauth.core.internal.ratelimit import get_cache_key, parse_rates
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import ngettext

APP = "allauth.account"


def _seconds_left(request, *, action: str, rate, key: str | None, now: float) -> float:
    if rate.per == "key" and key is None:
        return 0.0
    if rate.per == "user" and not request.user.is_authenticated:
        return 0.0
    try:
        cache_key = get_cache_key(request, app=APP, action=action, rate=rate, key=key)
    except (ImproperlyConfigured, ValueError):
        return 0.0
    hits = sorted((t for t in cache.get(cache_key) or [] if t > now - rate.duration), reverse=True)
    if len(hits) < rate.amount:
        return 0.0
    # Allowed again once the hit that fills the limit leaves the window.
    return hits[rate.amount - 1] + rate.duration - now


def wait_seconds(request, *, actions=None, key: str | None = None) -> int:
    """Seconds until every limit of `actions` (default: all) admits the client again; the
    longest window involved when the cache no longer holds the hits."""
    now = time.time()
    left, windows = 0.0, [60.0]
    for action, rates in app_settings.RATE_LIMITS.items():
        if actions is not None and action not in actions:
            continue
        for rate in parse_rates(rates):
            windows.append(rate.duration)
            left = max(left, _seconds_left(request, action=action, rate=rate, key=key, now=now))
    return math.ceil(left) if left > 0 else math.ceil(max(windows))


def wait_minutes(seconds: int) -> int:
    return max(1, math.ceil(seconds / 60))


def login_wait_message(minutes: int) -> str:
    return ngettext(
        "Too many failed sign-in attempts for this account. For your security, please wait "
        "%(minutes)d minute and try again, or reset your password.",
        "Too many failed sign-in attempts for this account. For your security, please wait "
        "%(minutes)d minutes and try again, or reset your password.",
        minutes,
    ) % {"minutes": minutes}


def too_many_requests_message(minutes: int) -> str:
    return ngettext(
        "You have sent too many requests in a short time. Please wait %(minutes)d minute "
        "and try again.",
        "You have sent too many requests in a short time. Please wait %(minutes)d minutes "
        "and try again.",
        minutes,
    ) % {"minutes": minutes}


def too_many_requests(request):
    """The project's handler429 (allauth calls `<ROOT_URLCONF>.handler429`): says how long to
    wait, in the page and in `Retry-After`."""
    from django.shortcuts import render

    seconds = wait_seconds(request)
    response = render(
        request,
        "429.html",
        {"reason": too_many_requests_message(wait_minutes(seconds))},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response
