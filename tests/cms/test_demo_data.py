"""The demo data an official would read: checked once, on one seeded site."""

import io

import pytest
from django.core.management import call_command


@pytest.fixture
def seeded(db):
    call_command("seed_demo", "--quiet-logins", "--force", stdout=io.StringIO())


def test_demo_trust_pages_say_what_is_collected_why_how_long_and_who_sees_it(seeded, client):
    privacy = client.get("/ja/privacy/").content.decode()
    for heading in ("取得する情報", "利用目的", "誰が閲覧できるか", "保存期間"):
        assert heading in privacy
    terms = client.get("/ja/terms/").content.decode()
    assert "2026-04-01" in terms
    assert 'href="mailto:' in client.get("/ja/contact/").content.decode()
    assert client.get("/ja/operator/").status_code == 200
