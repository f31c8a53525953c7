from csp.middleware import CSPMiddleware
from django.middleware.locale import LocaleMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

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
