"""WebSocket refusals a browser can read.

A consumer that closes before accepting makes Daphne answer the handshake with HTTP 403, which
a page sees only as close code 1006: the same as a network failure, so it retries for ever and
cannot say why. Refusals therefore accept the handshake, send nothing the client asked for,
and close at once with a code from the 4000–4999 range the WebSocket protocol leaves to
applications: 4401 (not signed in) or 4403 (not allowed). Accepting first does not open a hole:
no frame is read and nothing but the close frame is sent.
"""

from channels.generic.websocket import AsyncWebsocketConsumer
from channels.security.websocket import OriginValidator
from django.conf import settings

CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403
ORIGIN_REASON = "origin"


class ForeignOriginRefusal(AsyncWebsocketConsumer):
    """Close with 4403 and the reason "origin": the page's address is not an allowed host
    (e.g. a proxy that rewrites Host, or another site), so reconnecting would not help."""

    async def connect(self):
        await self.accept()
        await self.close(code=CLOSE_FORBIDDEN, reason=ORIGIN_REASON)


class ReadableOriginValidator(OriginValidator):
    """Channels' OriginValidator, refusing with a close code instead of an HTTP 403."""

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket" and not self._origin_allowed(scope):
            return await ForeignOriginRefusal.as_asgi()(scope, receive, send)
        return await self.application(scope, receive, send)

    def _origin_allowed(self, scope) -> bool:
        from urllib.parse import urlparse

        origin = None
        for name, value in scope.get("headers", []):
            if name == b"origin":
                try:
                    origin = urlparse(value.decode("latin1"))
                except (UnicodeDecodeError, ValueError):
                    origin = None
        return self.valid_origin(origin)


def AllowedHostsOriginValidator(application):  # noqa: N802 - mirrors Channels' factory
    """Like channels.security.websocket.AllowedHostsOriginValidator (settings.ALLOWED_HOSTS)."""
    allowed_hosts = settings.ALLOWED_HOSTS
    if settings.DEBUG and not allowed_hosts:
        allowed_hosts = ["localhost", "127.0.0.1", "[::1]"]
    return ReadableOriginValidator(application, allowed_hosts)
