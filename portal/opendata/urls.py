"""/api/v1/: the open-data API, its OpenAPI document and docs, downloads and catalogue."""

from django.urls import path, re_path
from rest_framework.routers import SimpleRouter

from portal.opendata import api, errors

app_name = "opendata_api"

router = SimpleRouter()
router.register("municipalities", api.MunicipalityViewSet, basename="municipalities")
router.register("requests", api.SupportRequestViewSet, basename="requests")
router.register("case-studies", api.CaseStudyViewSet, basename="case-studies")
router.register("patterns", api.PatternViewSet, basename="patterns")
router.register("subsidies", api.SubsidyViewSet, basename="subsidies")
router.register("events", api.EventViewSet, basename="events")
router.register("startups", api.StartupViewSet, basename="startups")

urlpatterns = [
    *router.urls,
    path("dashboard/", api.DashboardView.as_view(), name="dashboard"),
    path(
        "downloads/<slug:dataset>-columns.csv",
        api.ColumnDictionaryView.as_view(),
        name="columns",
    ),
    path("downloads/<slug:dataset>.<str:fmt>", api.DownloadView.as_view(), name="download"),
    path("catalog.jsonld", api.CatalogView.as_view(), name="catalog"),
    path("openapi.json", api.SchemaView.as_view(), name="schema"),
    path("docs/", api.DocsView.as_view(), name="docs"),
    re_path(r"^.*$", errors.not_found),
]
