"""The "モデレーション" menu group in the Wagtail admin, its views, and the dashboard panel.

Other apps' moderator queues join the group by setting on their ViewSet
``menu_hook = MODERATION_MENU_HOOK`` (the officials' verification queue does).
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup

from portal.accounts.admin_queues import ModeratorMenuItem
from portal.moderation import admin_views, selectors

MODERATION_MENU_HOOK = "register_moderation_menu_item"


class ModerationViewSet(ViewSet):
    name = "moderation_admin"
    url_prefix = "moderation"
    icon = "warning"
    menu_label = _("User reports")
    menu_item_class = ModeratorMenuItem
    menu_order = 1

    def get_urlpatterns(self):
        return [
            path("", admin_views.QueueView.as_view(), name="queue"),
            path("bulk/", admin_views.BulkActionView.as_view(), name="bulk"),
            path("users/", admin_views.UsersView.as_view(), name="users"),
            path("audit/", admin_views.AuditLogView.as_view(), name="audit"),
            path("audit/export.csv", admin_views.AuditExportView.as_view(), name="audit_csv"),
            path("<slug:kind>/<int:pk>/", admin_views.TargetView.as_view(), name="target"),
            path(
                "<slug:kind>/<int:pk>/<slug:action>/",
                admin_views.TargetActionView.as_view(),
                name="act",
            ),
        ]


class ModerationGroup(ViewSetGroup):
    menu_label = _("Moderation")
    menu_name = "moderation"
    menu_icon = "warning"
    menu_order = 140
    items = (ModerationViewSet,)
    submenu_hook = MODERATION_MENU_HOOK


@hooks.register("register_admin_viewset")
def register_moderation():
    return ModerationGroup()


@hooks.register(MODERATION_MENU_HOOK)
def register_users_menu_item():
    return ModeratorMenuItem(
        _("Accounts"), reverse("moderation_admin:users"), icon_name="user", order=50
    )


@hooks.register(MODERATION_MENU_HOOK)
def register_audit_menu_item():
    return ModeratorMenuItem(
        _("Audit log"), reverse("moderation_admin:audit"), icon_name="history", order=60
    )


class WaitingQueuesPanel(Component):
    """The admin home: how many items wait in each moderators' queue."""

    name = "moderation_waiting"
    order = 50
    template_name = "moderation/admin/waiting_panel.html"

    def get_context_data(self, parent_context=None):
        return {"counts": selectors.waiting_counts()}


@hooks.register("construct_homepage_panels")
def add_waiting_panel(request, panels):
    if request.user.is_moderator:
        panels.insert(0, WaitingQueuesPanel())
