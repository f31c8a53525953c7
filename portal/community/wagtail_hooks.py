from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.accounts.admin_queues import QueueViewSet, moderator_menu_item
from portal.community import selectors
from portal.community.views.admin import OfficialDecideView, OfficialQueueView


class OfficialVerificationViewSet(QueueViewSet):
    name = "official_verification"
    url_prefix = "officials"
    icon = "user"
    menu_label = _("Verify officials")
    menu_order = 150
    menu_item_class = moderator_menu_item(
        count=lambda: selectors.pending_official_profiles().count()
    )
    queue_view = OfficialQueueView
    decide_view = OfficialDecideView
    # Listed in the "Moderation" menu group (portal.moderation.wagtail_hooks).
    menu_hook = "register_moderation_menu_item"


@hooks.register("register_admin_viewset")
def register_official_verification():
    return OfficialVerificationViewSet()
