"""The per-client rate limit of the open-data API (429 with Retry-After when exceeded)."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class ClientRateThrottle(SimpleRateThrottle):
    """Requests per client address, counted in the shared cache (Redis in production).

    The rate is read from ``settings.OPENDATA_RATE_LIMIT`` on every request (e.g. "120/min"),
    so tests and deployments can change it; behind a proxy, DRF's ``NUM_PROXIES`` picks the
    client's address from X-Forwarded-For.
    """

    scope = "opendata"

    def get_rate(self):
        return settings.OPENDATA_RATE_LIMIT

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
