"""Sign-up records consent to the current terms; a new version asks again at the next sign-in."""

import pytest
from django.test import Client

from portal.accounts.forms import TERMS_REQUIRED_ERROR
from portal.accounts.models import TermsConsent, User
from portal.accounts.services import terms_consent_record
from portal.cms.models import HomePage, TermsPage
from tests import factories
from tests.cms.factories import publish

pytestmark = pytest.mark.django_db

SIGNUP_URL = "/ja/accounts/signup/"
PASSWORD = "kirin-tonbo-2026!"


def _publish_terms(version="2026-04-01"):
    existing = TermsPage.objects.first()
    if existing:
        existing.version = version
        existing.save_revision().publish()
        return existing
    page = TermsPage(title="利用規約", slug="terms", version=version)
    publish(HomePage.objects.get(), page)
    return page


def _signup(client, **extra):
    data = {
        "email": "hanako@city.maebashi.lg.jp",
        "display_name": "前橋 花子",
        "preferred_language": "ja",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **extra,
    }
    return client.post(SIGNUP_URL, data)


def test_signup_shows_the_terms_box_linking_terms_and_privacy(client):
    _publish_terms()
    html = client.get(SIGNUP_URL).content.decode()
    assert 'name="accept_terms"' in html
    assert 'href="/ja/terms/"' in html
    assert 'href="/ja/privacy/"' in html


def test_signup_without_consent_is_refused_and_keeps_what_was_typed(client):
    _publish_terms()
    response = _signup(client)
    assert response.status_code == 200
    assert str(TERMS_REQUIRED_ERROR) in response.content.decode()
    assert "前橋 花子" in response.content.decode()
    assert not User.objects.filter(email="hanako@city.maebashi.lg.jp").exists()


def test_signup_records_consent_to_the_current_version(client):
    _publish_terms("2026-04-01")
    response = _signup(client, accept_terms="on")
    assert response.status_code == 302
    user = User.objects.get(email="hanako@city.maebashi.lg.jp")
    assert list(user.terms_consents.values_list("version", flat=True)) == ["2026-04-01"]


def test_without_published_terms_signup_asks_nothing(client):
    assert 'name="accept_terms"' not in client.get(SIGNUP_URL).content.decode()


def _login(client, user):
    return client.post("/ja/accounts/login/", {"login": user.email, "password": PASSWORD})


def _user_with_consent(version):
    user = factories.UserFactory(password=PASSWORD)
    terms_consent_record(user=user, version=version)
    return user


def test_a_new_terms_version_asks_again_at_next_sign_in():
    _publish_terms("2026-04-01")
    user = _user_with_consent("2026-04-01")
    _publish_terms("2026-10-01")
    client = Client()
    assert _login(client, user).status_code == 302
    response = client.get("/ja/requests/")
    assert response.status_code == 302
    assert response.url.startswith("/ja/terms/consent/?next=")
    page = client.get(response.url)
    assert "2026-10-01" in page.content.decode()
    # The terms themselves stay readable while the question is open.
    assert client.get("/ja/terms/").status_code == 200
    refused = client.post("/ja/terms/consent/", {"next": "/ja/requests/"})
    assert refused.status_code == 200
    accepted = client.post("/ja/terms/consent/", {"next": "/ja/requests/", "accept_terms": "on"})
    assert accepted.status_code == 302
    assert accepted.url == "/ja/requests/"
    assert client.get("/ja/requests/").status_code == 200
    versions = set(TermsConsent.objects.filter(user=user).values_list("version", flat=True))
    assert versions == {"2026-04-01", "2026-10-01"}


def test_an_unchanged_version_signs_in_straight_through():
    _publish_terms("2026-04-01")
    user = _user_with_consent("2026-04-01")
    client = Client()
    _login(client, user)
    assert client.get("/ja/requests/").status_code == 200


def test_consent_page_refuses_an_outside_next():
    _publish_terms("2026-04-01")
    user = _user_with_consent("2025-01-01")
    client = Client()
    _login(client, user)
    response = client.post(
        "/ja/terms/consent/", {"next": "https://evil.example/", "accept_terms": "on"}
    )
    assert response.status_code == 302
    assert not response.url.startswith("https://evil.example")


def test_consent_is_recorded_once_per_version():
    user = factories.UserFactory()
    terms_consent_record(user=user, version="v1")
    terms_consent_record(user=user, version="v1")
    assert user.terms_consents.count() == 1
