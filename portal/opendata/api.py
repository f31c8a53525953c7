"""The read-only endpoints of /api/v1/: one list + detail pair per dataset, the dashboard
figures, the bulk downloads and the DCAT catalogue. Thin: querysets come from ``selectors``
(through ``datasets``), shapes from ``serializers``."""

from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from portal.dashboard import figures
from portal.opendata import catalog, datasets, downloads, filters
from portal.opendata.base import OpenDataAPIView, OpenDataMixin
from portal.opendata.labels import bilingual
from portal.opendata.licence import LINK_HEADER, licence_block
from portal.opendata.pagination import StableCursorPagination

ERRORS = {
    400: OpenApiResponse(description="A filter, page size or cursor is not valid."),
    404: OpenApiResponse(description="No such object."),
    429: OpenApiResponse(description="Too many requests; retry after `Retry-After` seconds."),
}


class DatasetViewSet(OpenDataMixin, viewsets.ReadOnlyModelViewSet):
    dataset: datasets.Dataset
    pagination_class = StableCursorPagination
    filter_backends = [DjangoFilterBackend]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # generating the OpenAPI document
            return self.dataset.model.objects.none()
        return self.dataset.rows()

    def get_serializer_class(self):
        return self.dataset.serializer

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        self._note(page)
        serializer = self.get_serializer(page, many=True)
        return self.get_paginated_response(serializer.data)

    def retrieve(self, request, *args, **kwargs):
        obj = self.get_object()
        self._note([obj])
        return Response(self.get_serializer(obj).data)

    def _note(self, objects):
        if self.dataset.updated_field:
            self.note_modified(objects, self.dataset.updated_field)
        else:
            self.last_modified = datasets.selectors.MUNICIPALITY_DATA_UPDATED_AT


def _dataset_viewset(dataset, filterset, *, lookup="pk", lookup_pattern=r"[0-9]+"):
    tag = dataset.slug
    name = "".join(part.title() for part in dataset.slug.split("-")) + "ViewSet"
    viewset = type(
        name,
        (DatasetViewSet,),
        {
            "dataset": dataset,
            "filterset_class": filterset,
            "lookup_field": lookup,
            "lookup_value_regex": lookup_pattern,
            "__doc__": str(dataset.description),
        },
    )
    return extend_schema(tags=[tag], responses={200: dataset.serializer, **ERRORS})(viewset)


MunicipalityViewSet = _dataset_viewset(
    datasets.MUNICIPALITIES, filters.MunicipalityFilter, lookup="code", lookup_pattern=r"[0-9]{6}"
)
SupportRequestViewSet = _dataset_viewset(datasets.REQUESTS, filters.SupportRequestFilter)
CaseStudyViewSet = _dataset_viewset(datasets.CASE_STUDIES, filters.CaseStudyFilter)
PatternViewSet = _dataset_viewset(datasets.PATTERNS, filters.PatternFilter)
SubsidyViewSet = _dataset_viewset(datasets.SUBSIDIES, filters.SubsidyFilter)
EventViewSet = _dataset_viewset(datasets.EVENTS, filters.EventFilter)
StartupViewSet = _dataset_viewset(datasets.STARTUPS, filters.StartupFilter)


# --- Dashboard figures -----------------------------------------------------------------------


class FigureSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.DictField(child=serializers.CharField())
    definition = serializers.DictField(child=serializers.CharField())
    headers = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))
    rows = serializers.DictField(
        child=serializers.ListField(child=serializers.ListField(child=serializers.JSONField())),
        help_text="Rows in Japanese (`ja`) and English (`en`); numbers stay numbers, an empty "
        "string means no value.",
    )


class DashboardSerializer(serializers.Serializer):
    period = serializers.ChoiceField(choices=figures.PERIOD_KEYS)
    period_label = serializers.DictField(child=serializers.CharField())
    url = serializers.URLField()
    figures = FigureSerializer(many=True)
    license = serializers.DictField(child=serializers.CharField())


def _cells(row):
    return [cell if isinstance(cell, int | float) else str(cell) for cell in row]


def _figure_data(figure, data) -> dict:
    headers, rows = {}, {}
    for language in ("ja", "en"):
        with translation.override(language):
            table_headers, table_rows = figure.table(data)
            headers[language] = [str(header) for header in table_headers]
            rows[language] = [_cells(row) for row in table_rows]
    return {
        "slug": figure.slug,
        "title": bilingual(figure.title),
        "definition": bilingual(figure.definition),
        "headers": headers,
        "rows": rows,
    }


class DashboardView(OpenDataAPIView):
    """The public community figures, with the same definitions as /ja/dashboard/."""

    @extend_schema(
        tags=["dashboard"],
        operation_id="dashboard_retrieve",
        parameters=[
            OpenApiParameter(
                "period", str, enum=list(figures.PERIOD_KEYS), description="all (default) or 12m"
            )
        ],
        responses={200: DashboardSerializer, 400: ERRORS[400], 429: ERRORS[429]},
    )
    def get(self, request):
        value = request.query_params.get("period", figures.DEFAULT_PERIOD)
        if value not in figures.PERIOD_KEYS:
            raise serializers.ValidationError({"period": [_("Choose “all” or “12m”.")]})
        period = figures.period_from(value)
        shown = figures.figures_for(moderator=False)
        data = figures.build_all(shown, since=period.since)
        return Response(
            {
                "period": period.key,
                "period_label": bilingual(period.label),
                "url": request.build_absolute_uri("/ja/dashboard/"),
                "figures": [_figure_data(figure, data[figure.slug]) for figure in shown],
                "license": licence_block(),
            }
        )


# --- Downloads and catalogue -----------------------------------------------------------------

DOWNLOAD_RESPONSES = {
    (200, "text/csv"): OpenApiTypes.STR,
    (200, "application/jsonl"): OpenApiTypes.STR,
    404: ERRORS[404],
    429: ERRORS[429],
}


class DownloadView(OpenDataAPIView):
    """A whole dataset as CSV (UTF-8 with BOM, Japanese headers) or JSON Lines, streamed."""

    @extend_schema(
        tags=["downloads"],
        operation_id="download_retrieve",
        parameters=[
            OpenApiParameter(
                "dataset", str, OpenApiParameter.PATH, enum=list(datasets.DATASETS_BY_SLUG)
            ),
            OpenApiParameter("fmt", str, OpenApiParameter.PATH, enum=["csv", "jsonl"]),
        ],
        responses=DOWNLOAD_RESPONSES,
    )
    def get(self, request, dataset, fmt):
        found = datasets.DATASETS_BY_SLUG.get(dataset)
        if found is None or fmt not in downloads.GENERATORS:
            raise Http404
        return downloads.streaming_response(
            request=request,
            chunks=downloads.GENERATORS[fmt](found, request),
            content_type=downloads.MEDIA_TYPES[fmt],
            filename=f"{found.slug}.{fmt}",
        )


class ColumnDictionaryView(OpenDataAPIView):
    """The column dictionary of a dataset's CSV: header, English name, key, descriptions."""

    @extend_schema(
        tags=["downloads"],
        operation_id="columns_retrieve",
        parameters=[
            OpenApiParameter(
                "dataset", str, OpenApiParameter.PATH, enum=list(datasets.DATASETS_BY_SLUG)
            )
        ],
        responses={(200, "text/csv"): OpenApiTypes.STR, 404: ERRORS[404], 429: ERRORS[429]},
    )
    def get(self, request, dataset):
        found = datasets.DATASETS_BY_SLUG.get(dataset)
        if found is None:
            raise Http404
        return downloads.streaming_response(
            request=request,
            chunks=downloads.column_dictionary_lines(found),
            content_type=downloads.MEDIA_TYPES["csv"],
            filename=f"{found.slug}-columns.csv",
        )


CATALOG_TITLE = _("Open data of 地域DX共創ポータル")
CATALOG_DESCRIPTION = _(
    "Public data of the portal where Japanese municipalities and startups co-create regional "
    "DX: local governments, support requests, advanced cases, standard patterns, subsidy "
    "programmes, events and startups. Licensed under CC BY 4.0."
)


class CatalogView(OpenDataAPIView):
    """The DCAT catalogue (JSON-LD) for CKAN and other data portals to harvest."""

    @extend_schema(
        tags=["catalogue"],
        operation_id="catalog_retrieve",
        responses={(200, "application/ld+json"): OpenApiTypes.OBJECT, 429: ERRORS[429]},
    )
    def get(self, request):
        pairs = [(dataset, downloads.last_update(dataset)) for dataset in datasets.DATASETS]
        document = catalog.catalog_document(
            datasets_with_modified=pairs,
            absolute=request.build_absolute_uri,
            title=CATALOG_TITLE,
            description=CATALOG_DESCRIPTION,
        )
        stamps = [stamp for _dataset, stamp in pairs if stamp]
        self.last_modified = max(stamps) if stamps else None
        return Response(document, content_type="application/ld+json")


class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI from drf-spectacular-sidecar's static files, its start script a separate file
    (the site's CSP allows no inline script): readable on LGWAN, with no CDN."""

    template_name = "opendata/swagger_ui.html"
    url_name = "opendata_api:schema"
    title = _("Open data API documentation")


class SchemaView(SpectacularJSONAPIView):
    """The OpenAPI 3 document (JSON), with the data's licence linked like every API answer."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Link"] = LINK_HEADER
        return response
