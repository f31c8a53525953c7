from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from portal.community.views.admin import OfficialDecideView, OfficialQueueView


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_moderator


class OfficialVerificationViewSet(ViewSet):
    name = "official_verification"
    url_prefix = "officials"
    icon = "user"
    menu_label = _("Verify officials")
    add_to_admin_menu = True
    menu_order = 10
    menu_item_class = ModeratorMenuItem
    # Listed in the "Moderation" menu group (portal.moderation.wagtail_hooks).
    menu_hook = "register_moderation_menu_item"

    def get_urlpatterns(self):
        return [
            path("", OfficialQueueView.as_view(), name="queue"),
            path("<int:pk>/", OfficialDecideView.as_view(), name="decide"),
        ]


@hooks.register("register_admin_viewset")
def register_official_verification():
    return OfficialVerificationViewSet()
