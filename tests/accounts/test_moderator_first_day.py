"""A moderator's first day: sign-in opens the console, TOTP set-up continues to /admin/."""

import pytest
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

from tests.accounts.test_mfa import _current_code
from tests.factories import TEST_PASSWORD, moderator

pytestmark = pytest.mark.django_db

LOGIN = "/ja/accounts/login/"


def test_moderator_sign_in_goes_to_the_console_not_role_onboarding(client):
    mod = moderator()
    response = client.post(LOGIN, {"login": mod.email, "password": TEST_PASSWORD}, follow=True)
    paths = [url for url, _status in response.redirect_chain]
    assert "/admin/" in paths
    assert not any("/onboarding/" in url for url in paths)


def test_moderator_status_page_offers_no_role_choice(client):
    client.force_login(moderator())
    html = client.get("/ja/onboarding/").content.decode()
    assert 'name="role"' not in html


def test_totp_set_up_continues_to_the_admin_after_the_recovery_codes(client):
    mod = moderator()
    client.post(LOGIN, {"login": mod.email, "password": TEST_PASSWORD})
    to_setup = client.get("/admin/")
    assert to_setup.status_code == 302
    assert to_setup.url.startswith("/ja/accounts/2fa/totp/activate/?next=%2Fadmin%2F")
    reauthenticate = client.get(to_setup.url)
    if reauthenticate.status_code == 302:  # allauth may ask for the password again first
        client.post(reauthenticate.url, {"password": TEST_PASSWORD})
    assert client.get(to_setup.url).status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    done = client.post("/ja/accounts/2fa/totp/activate/", {"code": _current_code(secret)})
    assert done.url == "/ja/accounts/2fa/recovery-codes/"
    codes = client.get(done.url).content.decode()
    assert 'href="/admin/"' in codes
    assert client.get("/admin/").status_code == 200
