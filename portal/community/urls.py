from django.urls import path, register_converter

from portal.community import views


class LocalGovernmentCodeConverter:
    regex = "[0-9]{6}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(LocalGovernmentCodeConverter, "lgcode")

app_name = "community"

urlpatterns = [
    path("municipalities/search/", views.municipality_search, name="municipality_search"),
    path("municipalities/<lgcode:code>/", views.municipality_detail, name="municipality_detail"),
]
