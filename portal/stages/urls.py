from django.urls import path

from portal.stages import views

app_name = "stages"

urlpatterns = [
    path("co-creations/", views.waiting, name="waiting"),
    path("requests/<int:pk>/stages/", views.tracker, name="tracker"),
    path("requests/<int:pk>/stages/advance/", views.advance, name="advance"),
    path("requests/<int:pk>/stages/stop/", views.stop, name="stop"),
    path("requests/<int:pk>/stages/details/<slug:stage>/", views.details, name="details"),
    path("requests/<int:pk>/stages/kpis/new/", views.kpi_new, name="kpi_new"),
    path("requests/<int:pk>/stages/kpis/results/", views.kpi_results, name="kpi_results"),
    path("requests/<int:pk>/stages/propose/", views.propose, name="propose"),
    path(
        "requests/<int:pk>/stages/updates/<int:update_pk>/<slug:decision>/",
        views.decide,
        name="decide",
    ),
    path("requests/<int:pk>/stages/documents/new/", views.document_new, name="document_new"),
    path(
        "requests/<int:pk>/stages/documents/<int:document_pk>/",
        views.document,
        name="document",
    ),
    path(
        "requests/<int:pk>/stages/documents/<int:document_pk>/delete/",
        views.document_delete,
        name="document_delete",
    ),
]
