"""What every open-data endpoint shares: anonymous reads only, the licence on every response,
Japanese as the data's language, the rate limit, and conditional GET (ETag / Last-Modified)."""

import hashlib

from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from portal.opendata import errors
from portal.opendata.licence import LINK_HEADER
from portal.opendata.throttling import ClientRateThrottle


class JSONWhateverAccepted(BaseContentNegotiation):
    """Every endpoint has one representation (JSON, or the file a download names): answer it
    whatever the Accept header says rather than 406."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class OpenDataMixin:
    """For DRF views of the open-data API.

    No authentication class runs, so every request is a visitor's whatever cookies it carries:
    the API cannot show more than the public pages. A view may set ``self.last_modified`` (an
    aware datetime) while answering; a 200 then carries Last-Modified and an ETag over the body,
    and a matching If-None-Match / If-Modified-Since gets 304.
    """

    authentication_classes: list = []
    permission_classes: list = []
    parser_classes: list = []
    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONWhateverAccepted
    throttle_classes = [ClientRateThrottle]
    last_modified = None

    def get_exception_handler(self):
        return errors.exception_handler

    def dispatch(self, request, *args, **kwargs):
        # Labels carry both languages; URLs and messages default to Japanese, as the site does.
        with translation.override("ja"):
            return super().dispatch(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Link"] = LINK_HEADER
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            response = self._conditional(request, response)
        return response

    def _conditional(self, request, response):
        if getattr(response, "streaming", False):
            return response
        if hasattr(response, "render"):
            response.render()
        response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        last_modified = None
        if self.last_modified is not None:
            last_modified = int(self.last_modified.timestamp())
            response["Last-Modified"] = http_date(last_modified)
        not_modified = get_conditional_response(
            request._request,
            etag=response["ETag"],
            last_modified=last_modified,
            response=response,
        )
        if not_modified is not response:
            not_modified["Link"] = LINK_HEADER
        return not_modified

    def note_modified(self, objects, field: str):
        """Last-Modified is the newest `field` among the objects shown."""
        stamps = [getattr(obj, field) for obj in objects if getattr(obj, field, None)]
        if stamps:
            self.last_modified = max(stamps)


class OpenDataAPIView(OpenDataMixin, APIView):
    pass
