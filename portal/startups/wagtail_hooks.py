from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.accounts.admin_queues import QueueViewSet, moderator_menu_item
from portal.startups import selectors
from portal.startups.admin_views import StartupDecideView, StartupQueueView


class StartupVerificationViewSet(QueueViewSet):
    name = "startup_verification"
    url_prefix = "startup-verification"
    icon = "group"
    menu_label = _("Verify startups")
    menu_order = 151
    menu_item_class = moderator_menu_item(count=lambda: selectors.pending_startups().count())
    queue_view = StartupQueueView
    decide_view = StartupDecideView
    # Listed in the "Moderation" menu group (portal.moderation.wagtail_hooks).
    menu_hook = "register_moderation_menu_item"


@hooks.register("register_admin_viewset")
def register_startup_verification():
    return StartupVerificationViewSet()
