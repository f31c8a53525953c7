"""The portal's URLs as PORTAL_BENCH_ROUTES=1 routes them (portal/urls.py), for a test."""

from django.urls import path

from portal.core.views import bench_trivial
from portal.urls import handler403, handler404, handler500
from portal.urls import urlpatterns as portal_urlpatterns

urlpatterns = [path("bench-trivial/", bench_trivial), *portal_urlpatterns]
__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]
