from django.urls import path

from portal.dashboard import views

app_name = "dashboard"

urlpatterns = [
    path("dashboard/", views.public_dashboard, name="public"),
    path("dashboard/<slug:slug>.csv", views.public_csv, name="public_csv"),
]
