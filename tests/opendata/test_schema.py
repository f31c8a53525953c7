"""The OpenAPI document is valid, and every operation's responses conform to it: property-based
tests generated from the document by Schemathesis, against the app in-process (bounded:
a few derandomized examples per operation)."""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from openapi_spec_validator import validate
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from portal.opendata.licence import LICENSE_URL
from tests.opendata import world
from tests.opendata.sweep import LIST_ENDPOINTS

pytestmark = pytest.mark.django_db
MAX_EXAMPLES = 8
LOOKUPS = {"municipalities": "code"}
# Every response check; not "schema-valid request accepted", because a cursor is an opaque string
# in the document yet only the API's own cursors are valid (others are a documented 400).
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


def test_openapi_document_validates_and_states_the_licence(client):
    document = client.get("/api/v1/openapi.json").json()
    validate(document)
    assert document["openapi"].startswith("3.")
    assert document["info"]["license"] == {"name": "CC BY 4.0", "url": LICENSE_URL}
    paths = set(document["paths"])
    for slug in LIST_ENDPOINTS:
        assert {f"/api/v1/{slug}/", f"/api/v1/{slug}/{{{LOOKUPS.get(slug, 'id')}}}/"} <= paths
    assert {"/api/v1/dashboard/", "/api/v1/catalog.jsonld"} <= paths
    assert all(path.startswith("/api/v1/") for path in paths)


@pytest.fixture
def wsgi_app(db):
    """The app in-process (WSGI) with public and private content in the database. Django's test
    client keeps the test's transaction by not closing connections between requests; so does
    this app."""
    world.public_content(2)
    world.private_content()
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield WSGIHandler()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _check_operation(operation):
    @given(case=operation.as_strategy())
    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        response = case.call_and_validate(checks=CHECKS)
        assert world.CANARY not in response.text

    check()


def test_every_operation_conforms_to_the_document(wsgi_app):
    """Schemathesis generates requests for every operation from the document and checks each
    response: no server error, a documented status code, content type, headers and body."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    # Every dataset's list and detail are picked up from the document, with nothing to register.
    paths = {operation.path for operation in operations}
    for slug in LIST_ENDPOINTS:
        assert {f"/api/v1/{slug}/", f"/api/v1/{slug}/{{{LOOKUPS.get(slug, 'id')}}}/"} <= paths
    assert len(operations) >= 2 * len(LIST_ENDPOINTS) + 4
    failures = []
    for operation in operations:
        try:
            _check_operation(operation)
        except Exception as error:  # collect every operation's failure, then report them all
            failures.append(f"{operation.method.upper()} {operation.path}: {error}")
    assert not failures, "\n\n".join(failures)
