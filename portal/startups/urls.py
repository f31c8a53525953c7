from django.urls import path

from portal.startups import views

app_name = "startups"

urlpatterns = [
    path("startups/<slug:slug>/", views.startup_detail, name="detail"),
]
