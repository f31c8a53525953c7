from django.urls import path

from portal.sitesearch import views

app_name = "sitesearch"

urlpatterns = [path("search/", views.site_search, name="site")]
