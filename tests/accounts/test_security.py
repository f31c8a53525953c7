import pytest
from django.urls import reverse

from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/ja/accounts/login/"


def test_failed_logins_are_rate_limited_per_account(client):
    user = UserFactory()
    for _ in range(5):
        response = client.post(LOGIN, {"login": user.email, "password": "wrong-password"})
        assert response.status_code == 200
        assert "メールアドレスもしくはパスワードが正しくありません" in response.content.decode()
    response = client.post(LOGIN, {"login": user.email, "password": TEST_PASSWORD})
    html = response.content.decode()
    assert response.status_code in (200, 429)
    # Says how long to wait (portal/accounts/ratelimits.py), not allauth's "try again later".
    assert "このアカウントへのログイン失敗が続いたため" in html
    assert "5分ほど待ってから" in html
    assert "_auth_user_id" not in client.session


def test_login_with_correct_password_goes_to_onboarding(client):
    user = UserFactory()
    response = client.post(LOGIN, {"login": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert client.get(response.url).url == "/ja/onboarding/"


def test_password_reset_does_not_reveal_whether_an_account_exists(client, mailoutbox):
    UserFactory(email="known@example.com")
    known = client.post("/ja/accounts/password/reset/", {"email": "known@example.com"})
    unknown = client.post("/ja/accounts/password/reset/", {"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url
    # allauth tells the unknown address by email rather than on the page.
    assert {m.to[0] for m in mailoutbox} == {"known@example.com", "nobody@example.com"}


def test_signup_with_existing_email_does_not_reveal_it(client, mailoutbox):
    UserFactory(email="taken@example.com")
    response = client.post(
        "/ja/accounts/signup/",
        {
            "email": "taken@example.com",
            "display_name": "重複",
            "preferred_language": "ja",
            "password1": "kirin-tonbo-2026!",
            "password2": "kirin-tonbo-2026!",
        },
    )
    assert response.status_code == 302
    assert response.url.endswith("/accounts/confirm-email/")


def test_logout_requires_post(client):
    user = UserFactory()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    client.get("/ja/accounts/logout/")
    assert "_auth_user_id" in client.session
    client.post("/ja/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_django_admin_login_goes_through_allauth(client):
    response = client.get("/django-admin/login/")
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)


def test_security_headers_and_csp(client):
    response = client.get("/ja/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_language_switch_keeps_the_page(client):
    response = client.post(
        reverse("set_language"), {"language": "en", "next": "/ja/accounts/login/"}
    )
    assert response.url == "/en/accounts/login/"
    page = client.get("/en/accounts/login/").content.decode()
    assert '<html lang="en">' in page and "Sign In" in page
