"""The officials' dashboard reads a fixed number of rows and queries, however many requests
the municipality has posted (a window function keeps the latest per state)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.community.selectors.support_requests import DASHBOARD_PER_STATE
from tests.factories import support_request

pytestmark = pytest.mark.django_db

URL = "/ja/requests/dashboard/"


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL).status_code == 200
    return len(captured)


def test_dashboard_query_count_is_the_same_for_3_and_30_requests(client_for, official):
    client = client_for(official)
    client.get(URL)  # warm the per-process caches
    counts = []
    for total in (3, 30):
        while official.support_requests.count() < total:
            support_request(author=official, title="窓口改善", state="open")
        counts.append(_queries(client))
    assert counts[0] == counts[1]


def test_dashboard_shows_the_latest_of_each_state_and_the_total(client_for, official):
    for number in range(DASHBOARD_PER_STATE + 2):
        support_request(author=official, title=f"公開中の依頼{number:02d}", state="open")
    support_request(author=official, title="下書きの依頼", state="draft")
    response = client_for(official).get(URL)
    groups = {state: (rows, total) for state, rows, total in response.context["by_state"]}
    open_rows, open_total = groups["open"]
    assert open_total == DASHBOARD_PER_STATE + 2 and len(open_rows) == DASHBOARD_PER_STATE
    assert [row.title for row in groups["draft"][0]] == ["下書きの依頼"]
    assert f"（{DASHBOARD_PER_STATE + 2}）" in response.content.decode()
