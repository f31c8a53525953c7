from django.urls import path

from portal.accounts import views

app_name = "accounts"

urlpatterns = [
    path("after-login/", views.after_login, name="after_login"),
    path("onboarding/", views.onboarding, name="onboarding"),
    path("onboarding/official/", views.onboarding_official, name="onboarding_official"),
    path("onboarding/startup/", views.onboarding_startup, name="onboarding_startup"),
    path("me/profile/", views.profile, name="profile"),
    path("terms/consent/", views.terms_consent, name="terms_consent"),
]
