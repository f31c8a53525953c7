"""A URLconf for testing role gates with the portal's real error handlers."""

from django.http import HttpResponse
from django.urls import path

from portal.accounts.permissions import verified_official_required
from portal.urls import handler403, handler404, handler500
from portal.urls import urlpatterns as portal_patterns


@verified_official_required
def official_only(request):
    return HttpResponse("ok")


urlpatterns = [path("ja/official-only/", official_only), *portal_patterns]

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]
