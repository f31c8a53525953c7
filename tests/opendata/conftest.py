import pytest

from tests.opendata import world


@pytest.fixture
def api(client):
    """The test client, as an outside program reads the API (no cookies, JSON)."""
    return client


@pytest.fixture
def public(db):
    return world.public_content(2)


@pytest.fixture
def private(db):
    return world.private_content()
