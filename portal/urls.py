from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal.cms import views as cms_views
from portal.cms.sitemaps import SITEMAPS
from portal.core import views as core_views
from portal.core.page_cache import anonymous_page_cache

# The Django admin (superusers only) signs in through allauth, so MFA and rate limits apply.
admin.autodiscover()

# Wagtail's page serving, with anonymous readers served from the page cache
# (portal/core/page_cache.py); its other routes (password and login forms) as Wagtail has them.
cached_serve = anonymous_page_cache(wagtail_views.serve)
wagtail_page_urls = [
    *(route for route in wagtail_urls.urlpatterns if route.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, cached_serve, name="wagtail_serve"),
]
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", cms_views.robots_txt, name="robots_txt"),
    path("api/v1/", include("portal.opendata.urls")),
    path("api/", include("portal.opendata.fallback_urls")),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("", include("portal.accounts.urls")),
    path("", include("portal.onboarding.urls")),
    path("", include("portal.adoption.urls")),
    path("", include("portal.community.urls")),
    path("", include("portal.startups.urls")),
    path("", include("portal.sitesearch.urls")),
    path("", include("portal.cocreation.urls")),
    path("", include("portal.notifications.urls")),
    path("", include("portal.dashboard.urls")),
    path("", include("portal.stages.urls")),
    path("", include("portal.moderation.urls")),
    path("", include("portal.opendata.page_urls")),
    path("", cached_serve, {"path": ""}, name="home"),
    # Wagtail's page serving catches everything else, so it comes last.
    path("", include(wagtail_page_urls)),
    prefix_default_language=True,
)

if settings.COCREATION_BENCH_ROUTES:
    # Benchmark only (bench/pages_http_bench.py): the trivial view pages are compared with.
    urlpatterns.insert(0, path("bench-trivial/", core_views.bench_trivial))

if settings.DEBUG:
    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

handler403 = "portal.core.views.permission_denied"
handler404 = "portal.core.views.page_not_found"
handler500 = "portal.core.views.server_error"
# allauth's rate limits answer through this (it looks up `<ROOT_URLCONF>.handler429`).
handler429 = "portal.accounts.ratelimits.too_many_requests"
