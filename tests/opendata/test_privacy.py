"""Privacy by construction: private content planted with canaries never leaves through the API,
the downloads, the catalogue or the open-data page, whoever asks."""

import pytest

from tests import factories
from tests.opendata.sweep import LIST_ENDPOINTS, sweep, walk_list
from tests.opendata.world import CANARY

PRIVATE_KEYS = {
    "requests": "requests",
    "cases": "case-studies",
    "patterns": "patterns",
    "events": "events",
    "subsidies": "subsidies",
    "startups": "startups",
}


def _assert_no_canary(bodies):
    leaks = [
        body[max(0, body.find(CANARY) - 200) : body.find(CANARY) + 100]
        for body in bodies
        if CANARY in body
    ]
    assert not leaks, leaks[:3]


def _assert_private_absent(found, private):
    for key, slug in PRIVATE_KEYS.items():
        listed = {obj["id"] for obj in found[slug]}
        for obj in private[key]:
            assert obj.pk not in listed, (slug, obj.pk)


@pytest.mark.django_db
def test_sweep_of_every_endpoint_page_and_download_finds_no_canary(client, public, private):
    found, bodies = sweep(client)
    assert all(found[slug] for slug in LIST_ENDPOINTS)  # the sweep did read public data
    assert len(found["requests"]) >= 3 and len(found["startups"]) >= 2
    _assert_no_canary(bodies)
    _assert_private_absent(found, private)


@pytest.mark.django_db
def test_signed_in_moderator_reads_no_more_than_a_visitor(client, public, private):
    """The API ignores sessions: a moderator's cookie does not open private content."""
    client.force_login(factories.moderator())
    found, bodies = sweep(client)
    _assert_no_canary(bodies)
    _assert_private_absent(found, private)


@pytest.mark.django_db
@pytest.mark.parametrize("key", sorted(PRIVATE_KEYS))
def test_private_objects_answer_404_by_id(client, public, private, key):
    for obj in private[key]:
        response = client.get(f"/api/v1/{PRIVATE_KEYS[key]}/{obj.pk}/")
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"


@pytest.mark.django_db
def test_case_study_does_not_link_a_draft_source_request(client, public, private):
    cases, _bodies = walk_list(client, "/api/v1/case-studies/", page_size=50)
    assert all(case["source_request"] is None for case in cases)
    draft_id = private["draft_request"].pk
    for case in cases:
        assert draft_id not in [request["id"] for request in case["support_requests"]]


@pytest.mark.django_db
def test_pattern_links_only_what_a_visitor_can_read(client, public, private):
    """A public pattern linking a draft case, a draft subsidy and a hidden startup shows none."""
    linking = private["pattern_linking_private"]
    data = client.get(f"/api/v1/patterns/{linking.pk}/").json()
    assert data["case_studies"] == [] and data["municipalities"] == []
    assert data["subsidies"] == [] and data["startups"] == []


@pytest.mark.django_db
def test_patterns_are_listed_once_in_japanese(client, public, private):
    """Wagtail localisation adds an English translation and aliases beside a page; the dataset
    lists the Japanese original only, once."""
    patterns, _bodies = walk_list(client, "/api/v1/patterns/", page_size=50)
    ids = [pattern["id"] for pattern in patterns]
    assert len(ids) == len(set(ids))
    translated = private["translated_pattern"]
    assert ids.count(translated.pk) == 1
    assert sum(pattern["title"] == translated.title for pattern in patterns) == 1
    assert all(pattern["url"].startswith("http://testserver/ja/patterns/") for pattern in patterns)
