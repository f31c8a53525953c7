from django.urls import path

from portal.accounts import views

app_name = "accounts"

urlpatterns = [
    path("me/profile/", views.profile, name="profile"),
]
