"""Every endpoint answers in a fixed number of queries whatever the number of rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.opendata import world

pytestmark = pytest.mark.django_db

# Pinned per endpoint (page of up to 50 objects); the same at both data sizes below.
EXPECTED = {
    "/api/v1/municipalities/": 1,
    "/api/v1/requests/": 8,
    "/api/v1/case-studies/": 9,
    # 3 view-restriction reads (patterns, cases, subsidies), the page of patterns, 7 for their
    # related rows, 1 for the site that their URLs are built from.
    "/api/v1/patterns/": 12,
    "/api/v1/subsidies/": 3,
    "/api/v1/events/": 3,
    "/api/v1/startups/": 4,
    "/api/v1/dashboard/": 14,  # 11 for the funnel and figures, 3 for the stage tracker
    "/api/v1/catalog.jsonld": 15,
}


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        assert response.status_code == 200
    return len(queries)


def test_query_counts_are_fixed_at_two_sizes(client):
    world.public_content(1)
    for url in EXPECTED:  # per-process lookups cached on first use (content types, site root)
        _count(client, url)
    small = {url: _count(client, url) for url in EXPECTED}
    world.public_content(3)
    large = {url: _count(client, url) for url in EXPECTED}
    assert small == large, (small, large)
    assert large == EXPECTED, large
