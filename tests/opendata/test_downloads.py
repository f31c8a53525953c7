"""Bulk downloads, column dictionaries, the DCAT catalogue and the open-data page."""

import csv
import io
import json

import pytest

from portal.opendata.datasets import DATASETS
from portal.opendata.licence import LICENSE_URL
from tests.opendata.sweep import read

pytestmark = pytest.mark.django_db
SLUGS = [dataset.slug for dataset in DATASETS]


def _raw(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.streaming  # streamed row by row, never built whole in memory
    return response, b"".join(response.streaming_content)


@pytest.mark.parametrize("slug", SLUGS)
def test_csv_has_a_bom_japanese_headers_and_opens_with_the_csv_module(client, public, slug):
    response, raw = _raw(client, f"/api/v1/downloads/{slug}.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Link"] == f'<{LICENSE_URL}>; rel="license"'
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows
    headers = list(rows[0])
    assert "ライセンス" in headers
    assert all(row["ライセンス"] == LICENSE_URL for row in rows)
    dataset = next(d for d in DATASETS if d.slug == slug)
    assert len(headers) == len(dataset.columns) + 1


def test_requests_csv_rows_match_the_api(client, public):
    _response, raw = _raw(client, "/api/v1/downloads/requests.csv")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    api = client.get("/api/v1/requests/").json()["results"]
    assert [int(row["ID"]) for row in rows] == [obj["id"] for obj in api]
    first = rows[0]
    assert first["タイトル"] == api[0]["title"]
    assert first["分野"] == "行政手続のオンライン化"
    assert first["共同提案自治体コード"] == "141003"


@pytest.mark.parametrize("slug", SLUGS)
def test_json_lines_are_api_objects_with_the_licence(client, public, slug):
    response, raw = _raw(client, f"/api/v1/downloads/{slug}.jsonl")
    assert response["Content-Type"].startswith("application/jsonl")
    objects = [json.loads(line) for line in raw.decode().splitlines()]
    assert objects and all(obj["license"] == LICENSE_URL and "url" in obj for obj in objects)


@pytest.mark.parametrize("slug", SLUGS)
def test_column_dictionary_describes_every_csv_column(client, slug):
    _response, raw = _raw(client, f"/api/v1/downloads/{slug}-columns.csv")
    entries = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    dataset = next(d for d in DATASETS if d.slug == slug)
    assert [entry["key"] for entry in entries] == [c.path for c in dataset.columns] + ["license"]
    assert all(entry["列名"] and entry["説明"] and entry["description"] for entry in entries)


def test_patterns_csv_has_configuration_costs_and_links(client, public):
    _response, raw = _raw(client, "/api/v1/downloads/patterns.csv")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    api = client.get("/api/v1/patterns/").json()["results"]
    assert [int(row["ID"]) for row in rows] == [obj["id"] for obj in api]
    first, data = rows[0], api[0]
    assert first["分野"] == "スマート農業" and first["分野コード"] == "smart_agriculture"
    assert first["構成要素"] == "水位センサー|LPWA基地局|スマートフォンアプリ"
    assert first["構成要素の層"] == "device|network|application"
    assert first["初期費用の下限（円）"] == "3000000" and first["年間費用の下限（円）"] == ""
    assert first["導入ステップ"] == "実証|本格導入" and first["導入期間（週）"] == "12"
    assert first["関連する先進事例"] == str(public["cases"][0].pk)
    assert first["自治体コード"] == "102016"
    startup_ids = "|".join(str(startup["id"]) for startup in data["startups"])
    assert first["構成要素を提供するスタートアップ"] == startup_ids
    assert first["スタートアップの確認済み"] == "true|false"


def test_csv_neutralises_formulas_in_user_text(client, public):
    request = public["requests"][0]
    request.summary = '=HYPERLINK("http://evil.example")'
    request.save()
    _response, raw = _raw(client, "/api/v1/downloads/requests.csv")
    rows = {row["ID"]: row for row in csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))}
    assert rows[str(request.pk)]["概要"].startswith("'=")


def test_catalogue_is_dcat_json_ld_with_every_dataset_and_distribution(client, public):
    response = client.get("/api/v1/catalog.jsonld")
    assert response["Content-Type"].startswith("application/ld+json")
    catalog = response.json()
    assert catalog["@type"] == "dcat:Catalog"
    assert catalog["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    assert [d["dct:identifier"] for d in catalog["dcat:dataset"]] == SLUGS
    for dataset in catalog["dcat:dataset"]:
        assert dataset["@type"] == "dcat:Dataset"
        assert {"ja", "en"} == {title["@language"] for title in dataset["dct:title"]}
        assert dataset["dct:description"] and dataset["dct:publisher"]["foaf:name"]
        assert dataset["dct:license"] == {"@id": LICENSE_URL}
        assert dataset["dct:modified"]["@value"]
        kinds = {dist["dcat:mediaType"] for dist in dataset["dcat:distribution"]}
        assert kinds == {"text/csv", "application/jsonl", "application/json"}
        for dist in dataset["dcat:distribution"]:
            assert dist["@type"] == "dcat:Distribution"
            url = dist["dcat:downloadURL"]["@id"]
            assert dist["dcat:accessURL"]["@id"]
            assert read(client, url.removeprefix("http://testserver"))[0] == 200


@pytest.mark.parametrize("language", ["ja", "en"])
def test_open_data_page_lists_every_download_with_size_and_update(client, public, language):
    response = client.get(f"/{language}/open-data/")
    html = response.content.decode()
    assert response.status_code == 200
    for slug in SLUGS:
        for suffix in (".csv", ".jsonl", "-columns.csv"):
            assert f"http://testserver/api/v1/downloads/{slug}{suffix}" in html
    assert html.count("<time datetime=") == len(SLUGS)
    assert "creativecommons.org/licenses/by/4.0" in html and "CC BY 4.0" in html
    assert "/api/v1/docs/" in html and "/api/v1/catalog.jsonld" in html
    sizes = [file.size for entry in response.context["entries"] for file in entry.files]
    csv_size = len(b"".join(client.get("/api/v1/downloads/events.csv").streaming_content))
    assert csv_size in sizes and all(size > 0 for size in sizes)


def test_footer_links_the_open_data_page(client):
    html = client.get("/ja/dashboard/").content.decode()
    assert 'href="/ja/open-data/"' in html
