import logging

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.utils import translation
from django.utils.translation import gettext

from portal.core import layer_watch
from portal.core.websocket import CLOSE_FORBIDDEN, CLOSE_UNAUTHENTICATED
from portal.notifications import selectors
from portal.notifications.groups import user_group
from portal.notifications.rendering import recipient_language

logger = logging.getLogger(__name__)


class NotificationConsumer(AsyncJsonWebsocketConsumer):
    """A signed-in user's personal socket: live notification events and session control.

    Every page of a signed-in user opens one; the group is the user's, so an event sent to it
    reaches all of that user's open pages (and can close them, e.g. on suspension). A socket
    without a signed-in user is accepted and closed with 4401 so the page can tell (an HTTP
    403 would reach it as 1006, a network failure). After a Redis restart the group is re-added
    and the page is sent the true unread count (portal.core.layer_watch).
    """

    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated or not user.is_active:
            await self.accept()
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        self.group_name = user_group(user.pk)
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        await self.accept()
        layer_watch.watch(self)
        # A (re)connected page may have missed events while it was away: start from the truth.
        await self._send_unread_count()

    async def _send_unread_count(self) -> None:
        user_id = self.scope["user"].pk
        count = await database_sync_to_async(selectors.unread_count)(user_id=user_id)
        await self.send_json({"type": "unread_count", "unread_count": count})

    async def layer_recovered(self) -> None:
        """Redis came back: rejoin the user's group and send the count events may have missed."""
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        await self._send_unread_count()

    async def disconnect(self, code):
        if hasattr(self, "group_name"):
            layer_watch.unwatch(self)
            try:
                await self.channel_layer.group_discard(self.group_name, self.channel_name)
            except Exception:  # noqa: BLE001 - the layer may be down; the group expires by itself
                logger.warning("Could not leave group %s", self.group_name)

    async def receive_json(self, content, **kwargs):
        with translation.override(recipient_language(self.scope["user"])):
            detail = gettext("This connection only delivers notifications; it accepts no input.")
        await self.send_json({"type": "error", "code": "read_only", "detail": detail})

    async def notification_event(self, event):
        """Forward a server-side event (already committed) to the browser."""
        await self.send_json(event["payload"])

    async def session_terminate(self, event):
        await self.close(code=CLOSE_FORBIDDEN)
