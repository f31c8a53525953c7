import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)

from tests.factories import TEST_PASSWORD, UserFactory, moderator

pytestmark = pytest.mark.django_db

LOGIN = "/ja/accounts/login/"


def _current_code(secret: str) -> str:
    counter = next(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counter))


def _user_with_totp(user):
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def test_login_with_totp_asks_for_the_code_and_accepts_a_valid_one(client):
    user = UserFactory(onboarded_at="2026-01-01T00:00:00+09:00")
    secret = _user_with_totp(user)
    response = client.post(LOGIN, {"login": user.email, "password": TEST_PASSWORD})
    assert response.url == "/ja/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    wrong = client.post(response.url, {"code": "000000"})
    assert wrong.status_code == 200 and "_auth_user_id" not in client.session
    ok = client.post(response.url, {"code": _current_code(secret)})
    assert ok.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_moderator_with_totp_signs_in_with_code_and_reaches_admin(client):
    mod = moderator()
    secret = _user_with_totp(mod)
    response = client.post(LOGIN, {"login": mod.email, "password": TEST_PASSWORD})
    client.post(response.url, {"code": _current_code(secret)})
    assert client.get("/admin/").status_code == 200


def test_mfa_pages_are_available_to_every_signed_in_user(client):
    user = UserFactory()
    client.post(LOGIN, {"login": user.email, "password": TEST_PASSWORD})
    assert client.get("/ja/accounts/2fa/").status_code == 200
    # Turning MFA on asks for the password again first (allauth's reauthentication).
    activate = client.get("/ja/accounts/2fa/totp/activate/")
    assert activate.url.startswith("/ja/accounts/reauthenticate/")
    client.post(activate.url, {"password": TEST_PASSWORD})
    assert client.get("/ja/accounts/2fa/totp/activate/").status_code == 200
    assert Authenticator.objects.count() == 0
