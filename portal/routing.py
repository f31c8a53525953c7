from django.conf import settings
from django.urls import path

from portal.cocreation.consumers import ChannelConsumer
from portal.notifications.consumers import NotificationConsumer

websocket_urlpatterns = [
    path("ws/notifications/", NotificationConsumer.as_asgi()),
    path("ws/channels/<int:channel_id>/", ChannelConsumer.as_asgi()),
]

if settings.COCREATION_BENCH_ROUTES:
    # Benchmark only (bench/channels_bench.py): a bare Channels broadcast consumer to compare
    # against. Off unless PORTAL_BENCH_ROUTES=1; it has no authentication by design.
    from portal.cocreation.bench import BareBroadcastConsumer

    websocket_urlpatterns.append(
        path("ws/bench/broadcast/<int:room>/", BareBroadcastConsumer.as_asgi())
    )
