"""Proposal URLs, included in the ``startups`` namespace (see portal/startups/urls.py)."""

from django.urls import path

from portal.startups.proposals import views

urlpatterns = [
    path("proposals/", views.dashboard, name="proposal_dashboard"),
    path("proposals/review/", views.review, name="proposal_review"),
    path("proposals/requests/<int:request_pk>/new/", views.create, name="proposal_new"),
    path("proposals/requests/<int:request_pk>/compare/", views.compare, name="proposal_compare"),
    path("proposals/<int:pk>/", views.detail, name="proposal_detail"),
    path("proposals/<int:pk>/edit/", views.edit, name="proposal_edit"),
    path("proposals/<int:pk>/submit/", views.submit, name="proposal_submit"),
    path("proposals/<int:pk>/withdraw/", views.withdraw, name="proposal_withdraw"),
    path("proposals/<int:pk>/attachments/", views.attachment_add, name="proposal_attachment_add"),
    path(
        "proposals/<int:pk>/attachments/<int:attachment_pk>/",
        views.attachment,
        name="proposal_attachment",
    ),
    path(
        "proposals/<int:pk>/attachments/<int:attachment_pk>/delete/",
        views.attachment_delete,
        name="proposal_attachment_delete",
    ),
    path(
        "proposals/<int:pk>/decide/<slug:decision>/",
        views.decide,
        name="proposal_decide",
    ),
]
