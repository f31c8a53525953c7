"""The API's contract: pagination, filters, labels, conditional requests, licence, errors,
CORS and the per-client rate limit."""

import datetime

import pytest
from django.utils import timezone
from django.utils.http import http_date

from portal.community.models import SupportRequest
from portal.dashboard import figures
from portal.opendata.licence import LICENSE_URL
from tests import factories
from tests.opendata.sweep import walk_list

LICENSE_LINK = f'<{LICENSE_URL}>; rel="license"'
pytestmark = pytest.mark.django_db


def test_cursor_walk_sees_every_public_request_once(client, public):
    extra = [factories.support_request() for _ in range(3)]
    objects, _pages = walk_list(client, "/api/v1/requests/", page_size=2)
    ids = [obj["id"] for obj in objects]
    assert len(ids) == len(set(ids))
    assert set(ids) == {r.pk for r in public["requests"] + extra}


def test_objects_have_stable_id_absolute_url_and_updated_at(client, public):
    request = public["requests"][0]
    data = client.get(f"/api/v1/requests/{request.pk}/").json()
    assert data["id"] == request.pk
    assert data["url"] == f"http://testserver/ja/requests/{request.pk}/"
    assert data["updated_at"].startswith(str(timezone.localdate(request.updated_at).year))
    assert data["category_label"] == {
        "ja": "行政手続のオンライン化",
        "en": "Online administrative procedures",
    }
    event = public["events"][0]
    data = client.get(f"/api/v1/events/{event.pk}/").json()
    assert data["ical_url"].endswith(f"/ja/events/{event.slug}/calendar/")
    assert client.get(data["ical_url"].removeprefix("http://testserver")).status_code == 200


def test_municipality_has_code_with_check_digit_kana_kind_and_parent(client):
    data = client.get("/api/v1/municipalities/141038/").json()  # 横浜市西区
    assert data["name"] == "西区"
    assert data["kind"] == "ward"
    assert data["parent_code"] == "141003"
    assert data["prefecture"]["name_en"] == "Kanagawa"
    assert data["kana"]
    assert client.get("/api/v1/municipalities/?prefecture=14&kind=ward").json()["results"]


def test_filters_follow_the_pages(client, public):
    other = factories.support_request(
        category="ai_rpa", municipality=factories.municipality("202151")
    )
    withdrawn = factories.support_request(state="withdrawn")

    def ids(query):
        return {obj["id"] for obj in client.get(f"/api/v1/requests/?{query}").json()["results"]}

    assert ids("category=ai_rpa") == {other.pk}
    assert ids("prefecture=20") == {other.pk}
    assert withdrawn.pk not in ids("")  # the list's default states, as on /ja/requests/
    assert ids("state=withdrawn") == {withdrawn.pk}
    SupportRequest.objects.filter(pk=other.pk).update(
        updated_at=timezone.now() + datetime.timedelta(days=1)
    )
    since = (timezone.now() + datetime.timedelta(hours=12)).isoformat()
    assert (
        client.get("/api/v1/requests/", {"updated_since": since}).json()["results"][0]["id"]
        == other.pk
    )
    assert {
        s["status"] for s in client.get("/api/v1/subsidies/?status=closing_soon").json()["results"]
    } == {"closing_soon"}
    startups = client.get("/api/v1/startups/?category=ai_rpa&verified=true").json()["results"]
    assert {s["id"] for s in startups} == {s.pk for s in public["startups"]}
    assert all(s["verified"] and s["track_records"] for s in startups)


@pytest.mark.parametrize(
    "url, code",
    [
        ("/api/v1/requests/?category=nonsense", "invalid_parameter"),
        ("/api/v1/requests/?prefecture=99", "invalid_parameter"),
        ("/api/v1/requests/?updated_since=yesterday", "invalid_parameter"),
        ("/api/v1/requests/?cursor=not-a-cursor", "invalid_cursor"),
        ("/api/v1/requests/?page_size=0", "invalid_page_size"),
        ("/api/v1/startups/?page_size=1000", "invalid_page_size"),
        ("/api/v1/dashboard/?period=week", "invalid_parameter"),
    ],
)
def test_bad_filters_and_cursors_are_400_json(client, url, code):
    response = client.get(url)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == code and error["status"] == 400
    assert error["message"] and error["message_en"]


@pytest.mark.parametrize(
    "url", ["/api/v1/requests/999999/", "/api/v1/nothing/", "/api/v2/", "/api/v1/downloads/x.csv"]
)
def test_unknown_is_404_json_with_licence(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["error"]["code"] == "not_found"


def test_writes_are_405_json(client, public):
    response = client.post("/api/v1/requests/", {"title": "x"})
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"
    assert client.delete(f"/api/v1/requests/{public['requests'][0].pk}/").status_code == 405


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/requests/",
        "/api/v1/municipalities/102016/",
        "/api/v1/dashboard/",
        "/api/v1/catalog.jsonld",
        "/api/v1/downloads/events.csv",
        "/api/v1/openapi.json",
        "/api/v1/requests/999999/",
    ],
)
def test_every_response_links_the_licence_and_allows_any_origin(client, url):
    response = client.get(url, headers={"Origin": "https://research.example.org"})
    assert response["Link"] == LICENSE_LINK
    assert response["Access-Control-Allow-Origin"] == "*"


def test_list_bodies_carry_the_licence(client, public):
    licence = client.get("/api/v1/events/").json()["license"]
    assert licence["url"] == LICENSE_URL and licence["name"] == "CC BY 4.0"


def test_cors_is_limited_to_the_api(client):
    response = client.get("/ja/open-data/", headers={"Origin": "https://elsewhere.example"})
    assert "Access-Control-Allow-Origin" not in response


def test_etag_answers_304_and_changes_with_the_data(client, public):
    first = client.get("/api/v1/requests/")
    etag = first["ETag"]
    assert etag and first["Last-Modified"]
    again = client.get("/api/v1/requests/", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again["Link"] == LICENSE_LINK
    request = public["requests"][0]
    request.title = "更新された題名"
    request.save()
    changed = client.get("/api/v1/requests/", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_if_modified_since_answers_304_until_a_change(client, public):
    request = public["requests"][0]
    url = f"/api/v1/requests/{request.pk}/"
    last_modified = client.get(url)["Last-Modified"]
    assert client.get(url, headers={"If-Modified-Since": last_modified}).status_code == 304
    earlier = http_date((request.updated_at - datetime.timedelta(days=1)).timestamp())
    assert client.get(url, headers={"If-Modified-Since": earlier}).status_code == 200


def test_rate_limit_answers_429_with_retry_after(client, settings):
    settings.OPENDATA_RATE_LIMIT = "3/min"
    for _ in range(3):
        assert client.get("/api/v1/municipalities/?page_size=1").status_code == 200
    response = client.get("/api/v1/municipalities/?page_size=1")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response.json()["error"]["code"] == "throttled"
    # Another client (address) is not limited by the first one's requests.
    other = client.get("/api/v1/municipalities/?page_size=1", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200


def test_dashboard_has_the_public_figures_of_the_page(client, public):
    data = client.get("/api/v1/dashboard/").json()
    public_slugs = [figure.slug for figure in figures.FIGURES if figure.public]
    assert [figure["slug"] for figure in data["figures"]] == public_slugs
    funnel = next(figure for figure in data["figures"] if figure["slug"] == "funnel")
    headers, rows = figures.FIGURES_BY_SLUG["funnel"].table(
        figures.FIGURES_BY_SLUG["funnel"].build(None)
    )
    assert [row[1] for row in funnel["rows"]["ja"]] == [row[1] for row in rows]
    assert funnel["title"]["en"] == "From request to adoption"
    assert "activity" not in [figure["slug"] for figure in data["figures"]]  # moderators only


def test_docs_page_is_served_without_a_cdn(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    assert "https://" not in html and "http://cdn" not in html
