"""ASGI entry point: Daphne serves HTTP and WebSocket from one process."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

# Django must be set up before anything imports models (routing → consumers → models).
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from portal.core import http_limits  # noqa: E402
from portal.core.websocket import AllowedHostsOriginValidator  # noqa: E402
from portal.routing import websocket_urlpatterns  # noqa: E402

# Daphne (Twisted) answers 414/431 to over-long request lines and headers instead of dropping
# the connection (see portal/core/http_limits.py).
http_limits.install()

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(URLRouter(websocket_urlpatterns))
        ),
    }
)
