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
from tests.cms import factories as cms
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


def test_pattern_has_what_an_analyst_needs(client, public):
    pattern, case, subsidy = public["patterns"][0], public["cases"][0], public["subsidies"][0]
    data = client.get(f"/api/v1/patterns/{pattern.pk}/").json()
    assert data["id"] == pattern.pk and data["title"] == pattern.title
    assert data["url"] == f"http://testserver/ja/patterns/{pattern.slug}/"
    assert data["domain"] == "smart_agriculture"
    assert data["domain_label"] == {"ja": "スマート農業", "en": "Smart agriculture"}
    assert data["applies_to"] == ["水稲"] and data["networks"] == ["lpwa"]
    assert data["municipality_kinds"] == ["town", "village"]
    assert [label["ja"] for label in data["municipality_kind_labels"]] == ["町", "村"]
    assert data["problem"] == "見回りの負担が大きい"
    assert [(c["layer"], c["name"]) for c in data["components"]] == [
        ("device", "水位センサー"),
        ("network", "LPWA基地局"),
        ("application", "スマートフォンアプリ"),
    ]
    assert data["components"][0]["data"] == "水位・水温（10分ごと）"
    # Entered in 万円 (¥10,000), published in yen; a range end not given is null.
    assert (data["initial_cost_min_yen"], data["initial_cost_max_yen"]) == (3_000_000, 8_000_000)
    assert (data["yearly_cost_min_yen"], data["yearly_cost_max_yen"]) == (None, 1_200_000)
    assert [(s["title"], s["duration_weeks"]) for s in data["steps"]] == [
        ("実証", 12),
        ("本格導入", None),
    ]
    assert data["total_weeks"] == 12
    assert data["kpis"] == [{"label": "見回り回数", "typical_value": "50%削減", "note": ""}]
    assert [ref["id"] for ref in data["case_studies"]] == [case.pk]
    assert [ref["code"] for ref in data["municipalities"]] == [factories.MAEBASHI]
    assert [ref["id"] for ref in data["subsidies"]] == [subsidy.pk]
    assert [startup["verified"] for startup in data["startups"]] == [True, False]
    assert data["startups"][0]["id"] == public["startups"][0].pk
    assert data["first_published_at"] and data["updated_at"]


@pytest.fixture
def more_patterns(public):
    return {
        "telework": cms.pattern(
            title="テレワーク拠点",
            domain="telework",
            category="telework",
            applies_to="",
            networks=["fibre"],
            municipality_kinds=["city"],
        ),
        "wheat": cms.pattern(title="麦の生育管理", applies_to="小麦、大豆", networks=["lorawan"]),
    }


@pytest.mark.parametrize(
    "query",
    ["", "domain=telework", "crop=水稲", "crop=小麦", "network=lorawan", "kind=city", "kind=town"],
)
def test_pattern_filters_give_what_the_comparison_page_gives(client, more_patterns, query):
    api = {obj["id"] for obj in client.get(f"/api/v1/patterns/?{query}").json()["results"]}
    page = {pattern.pk for pattern in client.get(f"/ja/patterns/?{query}").context["results"]}
    assert api == page and api


def test_pattern_filters_keep_patterns_that_apply_to_any(client, public, more_patterns):
    def ids(query):
        return {obj["id"] for obj in client.get(f"/api/v1/patterns/?{query}").json()["results"]}

    telework, wheat = more_patterns["telework"], more_patterns["wheat"]
    rice = {pattern.pk for pattern in public["patterns"]}
    assert ids("domain=telework") == {telework.pk}
    assert ids("crop=小麦") == {wheat.pk, telework.pk}  # telework names no crop: any
    assert ids("crop=水稲") == rice | {telework.pk}
    assert ids("kind=city") == {telework.pk, wheat.pk}  # wheat names no kind: any
    assert ids("network=lorawan") == {wheat.pk}
    assert ids("crop=存在しない作物") == {telework.pk}


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
        ("/api/v1/patterns/?domain=nonsense", "invalid_parameter"),
        ("/api/v1/patterns/?network=5g", "invalid_parameter"),
        ("/api/v1/patterns/?kind=metropolis", "invalid_parameter"),
        ("/api/v1/patterns/?updated_since=2026-13-01", "invalid_parameter"),
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
