from django.urls import path

from portal.startups import views
from portal.startups.proposals.urls import urlpatterns as proposal_urlpatterns

app_name = "startups"

urlpatterns = [
    path("startups/", views.directory, name="directory"),
    path("startups/invitations/<str:token>/", views.invitation, name="invitation"),
    path("startups/<slug:slug>/", views.startup_detail, name="detail"),
    path("startups/<slug:slug>/edit/", views.startup_edit, name="edit"),
    path("startups/<slug:slug>/members/", views.members, name="members"),
    path("startups/<slug:slug>/members/invite/", views.member_invite, name="member_invite"),
    path(
        "startups/<slug:slug>/members/<int:pk>/role/", views.member_change_role, name="member_role"
    ),
    path(
        "startups/<slug:slug>/members/<int:pk>/remove/", views.member_remove, name="member_remove"
    ),
    path(
        "startups/<slug:slug>/invitations/<int:pk>/revoke/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path(
        "startups/<slug:slug>/join-requests/<int:pk>/",
        views.join_request_decide,
        name="join_request_decide",
    ),
    path("startups/<slug:slug>/track-records/", views.track_records, name="track_records"),
    path(
        "startups/<slug:slug>/track-records/new/", views.track_record_new, name="track_record_new"
    ),
    path("track-records/", views.track_record_review, name="track_record_review"),
    path("track-records/<int:pk>/decide/", views.track_record_decide, name="track_record_decide"),
]

urlpatterns += proposal_urlpatterns
