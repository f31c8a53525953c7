from django.urls import path

from portal.adoption import views

app_name = "adoption"

urlpatterns = [
    path("requests/similar/", views.request_similar, name="request_similar"),
    path("requests/adopt/<int:case_id>/", views.request_adopt, name="request_adopt"),
    path("requests/<int:pk>/case-study/", views.request_case_study, name="request_case_study"),
]
