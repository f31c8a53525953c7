"""Any other path under /api/ answers the API's JSON 404 (not the site's HTML page)."""

from django.urls import re_path

from portal.opendata import errors

urlpatterns = [re_path(r"^.*$", errors.not_found)]
