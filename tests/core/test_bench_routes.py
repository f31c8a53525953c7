"""The benchmarks' baseline routes exist only when PORTAL_BENCH_ROUTES=1 (never in production)."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_trivial_view_is_not_routed_by_default(client):
    assert client.get("/bench-trivial/", follow=True).status_code == 404


@pytest.mark.urls("tests.core.bench_urls")
def test_the_trivial_view_answers_through_the_same_middleware(client):
    response = client.get("/bench-trivial/")
    assert response.status_code == 200 and response.content == b"ok"
    assert response["X-Frame-Options"] == "DENY", "the same middleware as every page"
