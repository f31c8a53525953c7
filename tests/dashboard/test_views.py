"""The dashboard's pages and CSVs: who reaches what, what they show, and their query counts."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.cms.factories import with_totp
from tests.dashboard.conftest import build_events, build_requests

pytestmark = pytest.mark.django_db

PUBLIC = "/ja/dashboard/"
ADMIN = "/admin/community-dashboard/"
PUBLIC_SLUGS = [
    "funnel",
    "timing",
    "adoption",
    "categories",
    "prefectures",
    "months",
    "joint",
    "attendance",
]
PRIVATE_SLUGS = ["activity", "events"]


def read_csv(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


@pytest.fixture
def users(db):
    """Every role but the moderator (signed in with MFA set up through `admin_client`)."""
    return {
        "visitor": None,
        "member": factories.UserFactory(),
        "official": factories.official(),
        "startup": factories.startup_member(),
        "moderator without MFA": factories.moderator(),
    }


@pytest.fixture
def admin_client(client_for):
    return client_for(with_totp(factories.moderator()))


def _client(client, client_for, user):
    return client if user is None else client_for(user)


def test_public_page_shows_the_public_figures_to_everyone(client, client_for, users, community):
    for user in users.values():
        response = _client(client, client_for, user).get(PUBLIC)
        assert response.status_code == 200
        content = response.content.decode()
        assert 'data-testid="funnel-adopted"' in content
        assert 'data-testid="kpi-adoption">50.0%<' in content
        assert 'data-testid="kpi-first-proposal">3.0<' in content
        assert 'data-testid="kpi-selection">12.0<' in content
        assert 'data-testid="kpi-events">3<' in content
        # Moderators' figures and names of events, requests or startups never appear.
        assert "kpi-active-startups" not in content and 'id="figure-events"' not in content
        assert "ICT利活用サミット" not in content
        assert community["startups"][0].name not in content
        assert community["requests"][0].title not in content


def test_public_page_renders_charts_with_text_alternatives(client, community):
    content = client.get(PUBLIC).content.decode()
    assert '<svg class="dash-columns' in content and 'role="img"' in content
    assert '<title id="months-svg-title">' in content
    assert "2026-02: 2" in content  # the chart's description lists every month
    assert "<script" not in content.split("<main", 1)[1]
    assert " style=" not in content


def test_public_page_period_filter(client, community):
    response = client.get(PUBLIC, {"period": "12m"})
    assert response.context["data"]["funnel"][0].count == 5
    assert 'data-testid="kpi-published">5<' in response.content.decode()
    assert client.get(PUBLIC, {"period": "nonsense"}).context["period"].key == "all"


@pytest.mark.parametrize("slug", PUBLIC_SLUGS)
def test_every_public_figure_downloads_as_csv_for_visitors(client, community, slug):
    response = client.get(f"/ja/dashboard/{slug}.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="dashboard-{slug}-all.csv"' in response["Content-Disposition"]
    assert len(read_csv(response)) >= 2


@pytest.mark.parametrize("slug", [*PRIVATE_SLUGS, "unknown"])
def test_private_figures_are_not_downloadable_from_the_public_page(
    client, client_for, admin_client, users, community, slug
):
    for http in [client, client_for(users["official"]), admin_client]:
        assert http.get(f"/ja/dashboard/{slug}.csv").status_code == 404


def test_funnel_csv_has_japanese_headers_and_exact_figures(client, community):
    rows = read_csv(client.get("/ja/dashboard/funnel.csv"))
    assert rows == [
        ["段階", "支援要請数", "前段階からの割合（%）", "公開数に対する割合（%）"],
        ["公開された支援要請", "6", "", "100.0"],
        ["提案が1件以上", "4", "66.7", "66.7"],
        ["提案を選定", "3", "75.0", "50.0"],
        ["共創中", "3", "100.0", "50.0"],
        ["完了", "2", "66.7", "33.3"],
        ["ソリューションを採用", "1", "50.0", "16.7"],
    ]


def test_csvs_of_timing_months_and_prefectures(client, community):
    timing = read_csv(client.get("/ja/dashboard/timing.csv"))
    assert timing[1:] == [
        ["公開から最初の提案まで", "4", "3.0", "3.2"],
        ["公開から選定まで", "3", "12.0", "14.0"],
    ]
    months = read_csv(client.get("/ja/dashboard/months.csv", {"period": "12m"}))
    assert months[0] == ["月", "支援要請数"] and len(months) == 13
    assert ["2026-02", "2"] in months
    prefectures = read_csv(client.get("/ja/dashboard/prefectures.csv"))
    assert prefectures[1:] == [["群馬県", "3"], ["長野県", "2"], ["神奈川県", "1"]]


def test_english_csv_has_english_headers(client, community):
    rows = read_csv(client.get("/en/dashboard/adoption.csv"))
    assert rows == [["Completed requests", "Adopted", "Adoption rate (%)"], ["2", "1", "50.0"]]


def test_admin_dashboard_is_for_moderators_only(client, client_for, users, community):
    for role, user in users.items():
        http = _client(client, client_for, user)
        for url in [ADMIN, *(f"{ADMIN}{slug}.csv" for slug in PRIVATE_SLUGS + PUBLIC_SLUGS)]:
            response = http.get(url)
            assert response.status_code in {302, 403}, (role, url)
            assert "text/csv" not in response.get("Content-Type", ""), (role, url)


def test_moderator_reads_every_figure_in_the_admin(admin_client, community):
    response = admin_client.get(ADMIN)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'data-testid="kpi-active-startups"' in content
    assert "ICT利活用サミット" in content and "DX推進セミナー" in content
    assert "非公開のイベント" not in content
    for slug in PRIVATE_SLUGS + PUBLIC_SLUGS:
        assert f'href="{ADMIN}{slug}.csv?period=all"' in content


def test_admin_event_csv(admin_client, community):
    rows = read_csv(admin_client.get(f"{ADMIN}events.csv"))
    assert rows[0][0] == "イベント"
    assert [row[0] for row in rows[1:]] == ["ICT利活用サミット", "DX推進セミナー"]
    assert rows[1][2:] == ["2", "2", "1", "1", "100.0"]
    assert rows[2][2:] == ["", "1", "0", "0", ""]


def test_admin_menu_shows_the_dashboard_to_moderators(admin_client):
    content = admin_client.get("/admin/").content.decode()
    # The sidebar is rendered from JSON, where Japanese is escaped.
    assert (
        json.dumps("コミュニティ指標") in content
        and '"url": "/admin/community-dashboard/"' in content
    )


def _queries(http, url):
    with CaptureQueriesContext(connection) as captured:
        assert http.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", [PUBLIC, ADMIN, "/ja/dashboard/funnel.csv", f"{ADMIN}events.csv"])
def test_query_count_does_not_grow_with_the_data(
    client, admin_client, community, django_assert_num_queries, url
):
    http = admin_client if url.startswith("/admin/") else client
    _queries(http, url)  # warm caches (site, content types)
    small = _queries(http, url)
    startups = [factories.StartupFactory(), factories.StartupFactory()]
    for _round in range(3):
        build_requests(startups)
        build_events([factories.UserFactory() for _n in range(4)])
    with django_assert_num_queries(small):
        assert http.get(url).status_code == 200


def test_footer_links_to_the_public_page(client):
    assert 'href="/ja/dashboard/"' in client.get("/ja/requests/").content.decode()


def test_english_prefecture_csv_uses_english_names(client, community):
    rows = read_csv(client.get("/en/dashboard/prefectures.csv"))
    assert rows == [["Prefecture", "Requests"], ["Gunma", "3"], ["Nagano", "2"], ["Kanagawa", "1"]]


def test_funnel_and_timing_rows_are_labelled(client, community):
    content = client.get(PUBLIC).content.decode()
    assert "6. ソリューションを採用</th>" in content
    assert "公開から選定まで</th>" in content


def test_scrolling_figures_are_keyboard_reachable_regions_with_a_name(client, community):
    import re

    html = client.get(PUBLIC).content.decode()
    scrollers = re.findall(r'<div class="dash-scroll"[^>]*>', html)
    assert scrollers
    for tag in scrollers:
        assert 'tabindex="0"' in tag and 'role="region"' in tag
        assert re.search(r'aria-label="[^"]+"', tag), tag


def test_the_lead_link_is_underlined_not_only_coloured():
    from pathlib import Path

    css = (Path(__file__).resolve().parents[2] / "static/css/dashboard.css").read_text()
    assert ".dash-lead a { text-decoration: underline; }" in css
