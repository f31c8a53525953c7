"""/ja/open-data/ (and /en/open-data/): the datasets, their downloads with size and last
update, the column dictionaries, the licence and how to cite the portal."""

from dataclasses import dataclass
from datetime import datetime

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from portal.opendata import datasets, downloads
from portal.opendata.licence import ATTRIBUTION, LICENSE_DEED_JA, LICENSE_NAME, LICENSE_URL


@dataclass(frozen=True)
class File:
    label: str
    url: str
    size: int


@dataclass(frozen=True)
class Entry:
    dataset: datasets.Dataset
    api_url: str
    columns_url: str
    files: list[File]
    updated: datetime | None


def _entry(request, dataset) -> Entry:
    latest = downloads.last_update(dataset)
    files = [
        File(
            label=label,
            url=request.build_absolute_uri(
                reverse("opendata_api:download", args=[dataset.slug, fmt])
            ),
            size=downloads.file_size(dataset=dataset, fmt=fmt, request=request, latest=latest),
        )
        for fmt, label in (("csv", "CSV"), ("jsonl", "JSON Lines"))
    ]
    return Entry(
        dataset=dataset,
        api_url=request.build_absolute_uri(reverse(f"opendata_api:{dataset.slug}-list")),
        columns_url=request.build_absolute_uri(
            reverse("opendata_api:columns", args=[dataset.slug])
        ),
        files=files,
        updated=latest,
    )


@require_GET
def open_data_page(request):
    context = {
        "entries": [_entry(request, dataset) for dataset in datasets.DATASETS],
        "license_name": LICENSE_NAME,
        "license_url": LICENSE_DEED_JA if request.LANGUAGE_CODE == "ja" else LICENSE_URL,
        "attribution": ATTRIBUTION,
        "api_root": request.build_absolute_uri("/api/v1/"),
        "docs_url": reverse("opendata_api:docs"),
        "openapi_url": request.build_absolute_uri(reverse("opendata_api:schema")),
        "catalog_url": request.build_absolute_uri(reverse("opendata_api:catalog")),
        "dashboard_api_url": request.build_absolute_uri(reverse("opendata_api:dashboard")),
    }
    return render(request, "opendata/open_data.html", context)
