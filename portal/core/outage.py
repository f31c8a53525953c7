"""What a user sees while the database cannot be reached: a 503 that says it is temporary.

A request that fails because PostgreSQL is down (or its connection pool timed out) answers
503 with `Retry-After`, in the user's language: an HTML page for browsers, a JSON body for API
and JSON clients. Nothing here touches the database: the page is rendered from a template with
no context processors (no user, no Wagtail site, no settings lookups), so it renders whatever
failed. Recovery needs no restart: the next request simply reaches the database again.

Two places call `outage_response`: `DatabaseOutageMiddleware.process_exception` (errors raised by
views and templates) and the project's handler500 (errors raised by other middleware, e.g. the
session or authentication lookups, which Django turns into a 500 before any view runs).
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext

logger = logging.getLogger(__name__)

# Seconds a client (or load balancer) should wait before asking again.
RETRY_AFTER_SECONDS = 30


def _unavailable_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [OperationalError, InterfaceError]
    try:  # raw psycopg errors (and the pool's PoolTimeout) when raised outside Django's wrapper
        import psycopg
        from psycopg_pool import PoolTimeout

        errors += [psycopg.OperationalError, psycopg.InterfaceError, PoolTimeout]
    except ImportError:  # SQLite-only installs
        pass
    return tuple(errors)


DATABASE_UNAVAILABLE = _unavailable_errors()


def is_database_unavailable(error: BaseException | None) -> bool:
    return isinstance(error, DATABASE_UNAVAILABLE)


def wants_json(request) -> bool:
    """API paths and clients that ask for JSON rather than a page get a JSON body."""
    if request.path_info.startswith("/api/") or request.path_info == "/healthz":
        return True
    accept = request.headers.get("Accept", "")
    return "application/json" in accept and "text/html" not in accept


def _language(request) -> str:
    return (
        translation.get_language_from_path(request.path_info) or translation.get_language() or "ja"
    )


def outage_response(request) -> HttpResponse:
    """503 + Retry-After, HTML or JSON, in the request's language; needs no database."""
    with translation.override(_language(request)):
        if wants_json(request):
            response = JsonResponse(
                {
                    "status": "unavailable",
                    "error": "database_unavailable",
                    "detail": gettext(
                        "The service is temporarily unavailable. Please try again shortly."
                    ),
                    "retry_after": RETRY_AFTER_SECONDS,
                },
                status=503,
            )
        else:
            body = loader.get_template("503.html").render(
                {"LANGUAGE_CODE": translation.get_language(), "retry_after": RETRY_AFTER_SECONDS}
            )
            response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    """Turns a database outage inside a view or template into `outage_response`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_unavailable(exception):
            return None
        logger.error("Database unavailable: %s %s", request.method, request.path, exc_info=True)
        return outage_response(request)
