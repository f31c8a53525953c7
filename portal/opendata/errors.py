"""Errors of the open-data API as JSON: {"error": {"status", "code", "message", "message_en"}}.

Every failure the API can answer (400 bad filter or cursor, 404, 405, 429) goes through
``exception_handler``; unknown paths under /api/ answer the same 404 through ``not_found``.
"""

from django.http import Http404, JsonResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

from portal.opendata.licence import LINK_HEADER

NOT_FOUND = _("Not found.")


def _flatten(detail) -> str:
    """A DRF error detail (a string, a list or a dict of them) as one sentence."""
    if isinstance(detail, dict):
        return " ".join(f"{field}: {_flatten(value)}" for field, value in detail.items())
    if isinstance(detail, list):
        return " ".join(_flatten(item) for item in detail)
    return str(detail)


def _code(exc) -> str:
    if isinstance(exc, Http404):
        return "not_found"
    if isinstance(exc, exceptions.ValidationError):
        return "invalid_parameter"
    codes = exc.get_codes() if isinstance(exc, exceptions.APIException) else None
    return codes if isinstance(codes, str) else "error"


def error_body(*, status: int, code: str, message) -> dict:
    """The error object, its message in Japanese and in English."""
    texts = {}
    for language in ("ja", "en"):
        with translation.override(language):
            texts[language] = _flatten(message)
    return {
        "error": {"status": status, "code": code, "message": texts["ja"], "message_en": texts["en"]}
    }


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # not an API error: Django's 500 handling (and logging) applies
    detail = exc.detail if isinstance(exc, exceptions.APIException) else NOT_FOUND
    response.data = error_body(status=response.status_code, code=_code(exc), message=detail)
    return response


def not_found(request, *args, **kwargs):
    """404 for any path under /api/ that is not an endpoint."""
    response = JsonResponse(error_body(status=404, code="not_found", message=NOT_FOUND), status=404)
    response["Link"] = LINK_HEADER
    return response
