"""Bulk downloads of each dataset: CSV (UTF-8 with a BOM, Japanese headers) and JSON Lines,
streamed row by row so that no file is ever built in memory; and each CSV's column dictionary.

Rows are the API's objects (the same serializers), so a download says what the API says.
"""

import csv
import json
from collections.abc import Iterator

from asgiref.sync import sync_to_async
from django.core.cache import cache
from django.core.handlers.asgi import ASGIRequest
from django.db.models import Max
from django.http import StreamingHttpResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.core.csv import UTF8_BOM, csv_cell
from portal.opendata.licence import LICENSE_URL, LINK_HEADER
from portal.opendata.selectors import MUNICIPALITY_DATA_UPDATED_AT

ROWS_PER_CHUNK = 200
ITERATOR_CHUNK = 500
SIZE_CACHE_SECONDS = 60 * 60
LICENSE_HEADER = _("License")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/jsonl; charset=utf-8"}


class _Line:
    """A file-like object for csv.writer that hands back what it is given."""

    def write(self, value):
        return value


def _walk(value, parts):
    if not parts:
        return value
    if isinstance(value, list):
        return [_walk(item, parts) for item in value]
    if not isinstance(value, dict):
        return None
    return _walk(value.get(parts[0]), parts[1:])


def _flat(value) -> list:
    if isinstance(value, list):
        return [leaf for item in value for leaf in _flat(item)]
    return [] if value is None else [value]


def cell(data: dict, path: str) -> str:
    """The CSV text of `path` in an API object: lists joined with "|", booleans as true/false."""
    values = _flat(_walk(data, path.split(".")))
    texts = [("true" if v else "false") if isinstance(v, bool) else str(v) for v in values]
    return csv_cell("|".join(texts))


def serialised_rows(dataset, request) -> Iterator[dict]:
    serializer = dataset.serializer
    for obj in dataset.rows().iterator(chunk_size=ITERATOR_CHUNK):
        yield serializer(obj, context={"request": request}).data


def _batched(lines: Iterator[str]) -> Iterator[str]:
    batch = []
    for line in lines:
        batch.append(line)
        if len(batch) >= ROWS_PER_CHUNK:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def csv_lines(dataset, request) -> Iterator[str]:
    writer = csv.writer(_Line())
    with translation.override("ja"):
        headers = [str(column.header) for column in dataset.columns] + [str(LICENSE_HEADER)]
        yield UTF8_BOM + writer.writerow(headers)
        for data in serialised_rows(dataset, request):
            yield writer.writerow([cell(data, c.path) for c in dataset.columns] + [LICENSE_URL])


def jsonl_lines(dataset, request) -> Iterator[str]:
    with translation.override("ja"):
        for data in serialised_rows(dataset, request):
            yield json.dumps({**data, "license": LICENSE_URL}, ensure_ascii=False) + "\n"


def column_dictionary_lines(dataset) -> Iterator[str]:
    """The CSV's columns: Japanese header, English name, JSON path, descriptions in both."""
    writer = csv.writer(_Line())
    rows = []
    for language in ("ja", "en"):
        with translation.override(language):
            rows.append(
                [(str(c.header), str(c.description)) for c in dataset.columns]
                + [(str(LICENSE_HEADER), LICENSE_URL)]
            )
    yield UTF8_BOM + writer.writerow(["列名", "column", "key", "説明", "description"])
    paths = [c.path for c in dataset.columns] + ["license"]
    for (ja_header, ja_text), (en_header, en_text), path in zip(*rows, paths, strict=True):
        yield writer.writerow([ja_header, en_header, path, ja_text, en_text])


GENERATORS = {"csv": csv_lines, "jsonl": jsonl_lines}


async def _async_chunks(chunks: Iterator[str]):
    """Pull the sync chunks one at a time in the ORM's thread: Daphne streams them as they come
    (Django would otherwise collect a sync iterator into a list before sending it)."""
    done = object()
    pull = sync_to_async(next, thread_sensitive=True)
    while (chunk := await pull(chunks, done)) is not done:
        yield chunk.encode()


def streaming_response(*, request, chunks: Iterator[str], content_type: str, filename: str):
    batched = _batched(chunks)
    django_request = getattr(request, "_request", request)
    content = _async_chunks(batched) if isinstance(django_request, ASGIRequest) else batched
    response = StreamingHttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Link"] = LINK_HEADER
    return response


def last_update(dataset):
    if dataset.updated_field is None:
        return MUNICIPALITY_DATA_UPDATED_AT
    return dataset.rows().aggregate(latest=Max(dataset.updated_field))["latest"]


def file_size(*, dataset, fmt: str, request, latest) -> int:
    """Bytes of the download now; cached while the dataset's row count and newest change hold."""
    count = dataset.rows().count()
    key = f"opendata:size:{dataset.slug}:{fmt}:{count}:{latest.isoformat() if latest else ''}"
    size = cache.get(key)
    if size is None:
        chunks = GENERATORS[fmt](dataset, request)
        size = sum(len(chunk.encode()) for chunk in chunks)
        cache.set(key, size, SIZE_CACHE_SECONDS)
    return size
