from django.urls import path, register_converter

from portal.community.views import municipalities, requests
from portal.community.views.feeds import OpenRequestsFeed


class LocalGovernmentCodeConverter:
    regex = "[0-9]{6}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(LocalGovernmentCodeConverter, "lgcode")

app_name = "community"

urlpatterns = [
    path("municipalities/search/", municipalities.municipality_search, name="municipality_search"),
    path(
        "municipalities/<lgcode:code>/",
        municipalities.municipality_detail,
        name="municipality_detail",
    ),
    path("requests/", requests.request_list, name="request_list"),
    path("requests/feed/", OpenRequestsFeed(), name="request_feed"),
    path("requests/new/", requests.request_create, name="request_create"),
    path("requests/dashboard/", requests.request_dashboard, name="request_dashboard"),
    path("requests/<int:pk>/", requests.request_detail, name="request_detail"),
    path("requests/<int:pk>/edit/", requests.request_edit, name="request_edit"),
    path("requests/<int:pk>/preview/", requests.request_preview, name="request_preview"),
    path("requests/<int:pk>/publish/", requests.request_publish, name="request_publish"),
    path(
        "requests/<int:pk>/state/<slug:to_state>/",
        requests.request_transition,
        name="request_transition",
    ),
    path("requests/<int:pk>/join/", requests.request_join, name="request_join"),
    path(
        "requests/<int:pk>/joins/<int:join_pk>/<slug:decision>/",
        requests.request_join_decide,
        name="request_join_decide",
    ),
    path(
        "requests/<int:pk>/attachments/",
        requests.request_attachment_add,
        name="request_attachment_add",
    ),
    path(
        "requests/<int:pk>/attachments/<int:attachment_pk>/",
        requests.request_attachment,
        name="request_attachment",
    ),
    path(
        "requests/<int:pk>/attachments/<int:attachment_pk>/delete/",
        requests.request_attachment_delete,
        name="request_attachment_delete",
    ),
]
