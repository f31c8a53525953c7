from django.urls import path

from portal.opendata import views

app_name = "opendata"

urlpatterns = [path("open-data/", views.open_data_page, name="page")]
