from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSet

from portal.accounts.admin_queues import ModeratorMenuItem
from portal.dashboard.views import AdminCsvView, AdminDashboardView


class CommunityDashboardViewSet(ViewSet):
    name = "community_dashboard"
    url_prefix = "community-dashboard"
    icon = "table"
    menu_label = _("Community figures")
    add_to_admin_menu = True
    menu_order = 160
    menu_item_class = ModeratorMenuItem

    def get_urlpatterns(self):
        return [
            path("", AdminDashboardView.as_view(), name="index"),
            path("<slug:slug>.csv", AdminCsvView.as_view(), name="csv"),
        ]


@hooks.register("register_admin_viewset")
def register_community_dashboard():
    return CommunityDashboardViewSet()
