from csp.middleware import CSPMiddleware

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
