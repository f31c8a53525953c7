from django.urls import path

from portal.cocreation import views

app_name = "cocreation"

urlpatterns = [
    path("channels/", views.channel_list, name="channel_list"),
    path("channels/new/", views.channel_create, name="channel_create"),
    path("channels/<int:pk>/", views.channel_detail, name="channel_detail"),
    path("channels/<int:pk>/history/", views.channel_history, name="channel_history"),
    path("channels/<int:pk>/post/", views.message_create, name="message_create"),
    path("channels/<int:pk>/read/", views.channel_mark_read, name="channel_mark_read"),
    path("channels/<int:pk>/join/", views.channel_join, name="channel_join"),
    path("channels/<int:pk>/leave/", views.channel_leave, name="channel_leave"),
    path("channels/<int:pk>/decline/", views.channel_decline, name="channel_decline"),
    path("channels/<int:pk>/members/", views.channel_members, name="channel_members"),
    path(
        "channels/<int:pk>/members/<int:user_id>/<str:action>/",
        views.member_change,
        name="member_change",
    ),
    path("channels/<int:pk>/messages/<int:seq>/edit/", views.message_edit, name="message_edit"),
    path(
        "channels/<int:pk>/messages/<int:seq>/delete/", views.message_delete, name="message_delete"
    ),
    path(
        "channels/<int:pk>/messages/<int:seq>/files/<int:attachment_id>/",
        views.message_attachment,
        name="message_attachment",
    ),
    path("channels/<int:pk>/search/", views.channel_search, name="channel_search"),
    path(
        "channels/<int:pk>/export.<str:fmt>",
        views.channel_export,
        name="channel_export",
    ),
]
