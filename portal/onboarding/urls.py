from django.urls import path

from portal.onboarding import views

app_name = "onboarding"

urlpatterns = [
    path("after-login/", views.after_login, name="after_login"),
    path("onboarding/", views.onboarding, name="index"),
    path("onboarding/official/", views.onboarding_official, name="official"),
    path("onboarding/startup/", views.onboarding_startup, name="startup"),
]
