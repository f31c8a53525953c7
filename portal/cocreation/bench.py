"""The benchmark's baseline: a bare Channels broadcast consumer (bench/channels_bench.py).

Routed only when settings.COCREATION_BENCH_ROUTES is on (PORTAL_BENCH_ROUTES=1). It does what a
minimal Channels chat does — every text frame goes to the room's group, every group event goes
to the socket — with no authentication, storage or checks, so the benchmark can show what the
co-creation protocol costs on top of the same server and channel layer.
"""

from channels.generic.websocket import AsyncWebsocketConsumer


class BareBroadcastConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        self.room = f"bench.room.{int(self.scope['url_route']['kwargs']['room'])}"
        await self.channel_layer.group_add(self.room, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        await self.channel_layer.group_discard(self.room, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        await self.channel_layer.group_send(self.room, {"type": "room.text", "text": text_data})

    async def room_text(self, event):
        await self.send(text_data=event["text"])
