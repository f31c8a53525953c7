from django.urls import path

from portal.moderation import views

app_name = "moderation"

urlpatterns = [
    path("report/<slug:kind>/<int:pk>/", views.report_create, name="report"),
]
