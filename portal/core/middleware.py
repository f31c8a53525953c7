from csp.middleware import CSPMiddleware
from django.db import DataError
from django.http import Http404, QueryDict
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from portal.core import text
from portal.core.views import page_not_found

# Wagtail's admin relies on inline scripts, inline styles and blob: previews; the public site does
# not, so only admin responses get these extra sources.
ADMIN_CSP_UPDATE = {
    "script-src": ["'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
    "frame-src": ["'self'"],
}
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class PortalCSPMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        if request.path.startswith(ADMIN_PREFIXES) and not hasattr(response, "_csp_update"):
            response._csp_update = ADMIN_CSP_UPDATE
        return super().process_response(request, response)


class UnstorableInputMiddleware:
    """Text the database cannot store (portal/core/text.py) never reaches a query from the URL,
    the query string or a cookie:

    * a path holding such characters names nothing, so it is a 404;
    * query-string values lose those characters (they are invisible, so the search box still
      shows what was typed) and the page says so (`request.unstorable_query` holds the message
      that includes/messages.html shows);
    * a cookie holding them is ignored (a forged session cookie would otherwise be looked up);
    * anything that still reaches the database with them (a view reading raw POST data) is
      answered 400 with the translated message instead of a 500 (`process_exception`).

    Form fields give a field error instead (text.install_form_field_guard).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.unstorable_query = ""
        if text.has_unstorable_characters(request.path_info):
            return page_not_found(request, Http404())
        if text.has_unstorable_characters(dict(request.GET.lists())):
            request.GET = _storable_query(request.GET)
            request.unstorable_query = text.UNSTORABLE_QUERY_MESSAGE
        for name, value in list(request.COOKIES.items()):
            if text.has_unstorable_characters(name) or text.has_unstorable_characters(value):
                del request.COOKIES[name]
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DataError | ValueError):
            return None
        if not text.has_unstorable_characters(dict(request.POST.lists())):
            return None
        return render(request, "400.html", {"reason": text.UNSTORABLE_TEXT_MESSAGE}, status=400)


def _storable_query(query):
    cleaned = QueryDict(mutable=True)
    for key, values in query.lists():
        cleaned.setlist(text.without_unstorable(key), [text.without_unstorable(v) for v in values])
    cleaned._mutable = False
    return cleaned


class PortalLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 under a path outside the language prefixes
    that answers for itself (the JSON API under /api/) is not redirected to /ja/…: the site's
    catch-all page route would make every such path look valid."""

    NO_REDIRECT_PREFIXES = ("/api/",)

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(self.NO_REDIRECT_PREFIXES):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)
