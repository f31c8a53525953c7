import logging
import sys

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from portal.core.outage import is_database_unavailable, outage_response

logger = logging.getLogger(__name__)


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.exception("Health check: database unavailable")
        return False


def _redis_ok() -> bool:
    import redis

    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_timeout=2, socket_connect_timeout=2
        )
        return bool(client.ping())
    except redis.RedisError:
        logger.exception("Health check: Redis unavailable")
        return False


@never_cache
@require_GET
def healthz(request):
    """200 when the database (and Redis, when configured) answer; 503 naming what failed."""
    checks = {"database": _database_ok()}
    if settings.REDIS_URL:
        checks["redis"] = _redis_ok()
    failing = [name for name, ok in checks.items() if not ok]
    body = {"status": "ok" if not failing else "unavailable", "checks": checks}
    if failing:
        body["reason"] = f"{', '.join(failing)} not answering"
    return JsonResponse(body, status=503 if failing else 200)


def permission_denied(request, exception=None):
    message = str(exception) if exception and str(exception) else ""
    return render(request, "403.html", {"reason": message}, status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """Rendered without context processors: the database may be what failed.

    Django calls this inside its `except` block, so the error is at hand: a database outage
    raised by a middleware (session, user, MFA gate) answers 503 like one raised by a view.
    """
    if is_database_unavailable(sys.exc_info()[1]):
        return outage_response(request)
    body = loader.get_template("500.html").render({"LANGUAGE_CODE": get_language() or "ja"})
    return HttpResponseServerError(body)


def bench_trivial(request):
    """Benchmark only (bench/pages_http_bench.py): the cheapest answer through the same
    middleware, the baseline a page's throughput is compared with. Routed only when
    PORTAL_BENCH_ROUTES=1."""
    return HttpResponse("ok", content_type="text/plain")
