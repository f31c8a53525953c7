"""In-process checks of the degraded paths: a database outage answers 503, unstorable text is a
clear error, rate limits say how long to wait. (test_outages_live.py does the same against
real processes.)"""

import pytest
from django import forms
from django.db import DataError, OperationalError
from django.test import RequestFactory, override_settings

from portal.community.models import Municipality
from portal.core.middleware import UnstorableInputMiddleware
from portal.core.text import UNSTORABLE_TEXT_MESSAGE
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down(monkeypatch):
    def refuse(self):
        raise OperationalError("connection refused (test)")

    monkeypatch.setattr(
        "django.db.backends.base.base.BaseDatabaseWrapper.ensure_connection", refuse
    )


def _assert_unavailable(response, text: str):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert text in response.content.decode()


def test_pages_answer_503_in_the_users_language_when_the_database_is_down(client, database_down):
    client.raise_request_exception = False
    _assert_unavailable(client.get("/ja/requests/"), "ポータルは一時的に利用できません")
    _assert_unavailable(client.get("/en/requests/"), "The portal is temporarily unavailable")
    _assert_unavailable(client.get("/ja/"), "ポータルは一時的に利用できません")


def test_signed_in_pages_answer_503_too(client, official, monkeypatch):
    client.force_login(official, backend="django.contrib.auth.backends.ModelBackend")
    client.raise_request_exception = False

    def refuse(self):
        raise OperationalError("connection refused (test)")

    # From here on the session and user lookups in the middleware fail (handler500's path).
    monkeypatch.setattr(
        "django.db.backends.base.base.BaseDatabaseWrapper.ensure_connection", refuse
    )
    _assert_unavailable(client.get("/ja/notifications/"), "ポータルは一時的に利用できません")


def test_json_clients_get_a_json_503(client, database_down):
    client.raise_request_exception = False
    response = client.get("/ja/requests/", headers={"Accept": "application/json"})
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"] == "database_unavailable"
    assert response.json()["retry_after"] == 30


def test_the_503_page_needs_no_database(rf, django_assert_num_queries):
    from portal.core.outage import outage_response

    with django_assert_num_queries(0):
        response = outage_response(rf.get("/ja/requests/"))
    assert response.status_code == 503


# --- Unstorable text --------------------------------------------------------------------------


def test_nul_in_a_query_string_is_removed_and_the_page_says_so(client):
    response = client.get("/ja/requests/?q=%E5%89%8D%00%E6%A9%8B")
    assert response.status_code == 200
    html = response.content.decode()
    assert "使用できない文字（NUL文字または壊れた文字コード）をアドレスから取り除きました。" in html
    assert 'value="前橋"' in html


def test_nul_in_the_municipality_search_finds_as_without_it(client):
    response = client.get("/ja/municipalities/search/?q=%E5%89%8D%00%E6%A9%8B")
    assert response.status_code == 200
    assert "102016" in {row["code"] for row in response.json()["results"]}


def test_nul_in_a_path_is_a_translated_404(client):
    response = client.get("/ja/startups/invitations/abc%00def/")
    assert response.status_code == 404
    assert "error-page" in response.content.decode()


def test_a_cookie_with_nul_is_ignored(client):
    client.cookies["sessionid"] = "abc\x00def"
    assert client.get("/ja/requests/").status_code == 200


class _Sample(forms.Form):
    name = forms.CharField()
    municipality = forms.ModelChoiceField(queryset=Municipality.objects.all(), to_field_name="code")
    tags = forms.MultipleChoiceField(choices=[("a", "a")], required=False)


@pytest.mark.parametrize(
    "field, value",
    [
        ("name", "abc\x00def"),
        ("name", "abc\ud800def"),
        ("municipality", "10\x000"),
        ("tags", ["\x00"]),
    ],
)
def test_every_form_field_refuses_unstorable_text_before_using_it(
    field, value, django_assert_num_queries
):
    data = {"name": "ok", "municipality": "", field: value}
    form = _Sample(data)
    with django_assert_num_queries(0):
        assert not form.is_valid()
    assert form.errors[field] == [str(UNSTORABLE_TEXT_MESSAGE)]


def test_track_record_form_with_nul_shows_the_error_and_keeps_the_text(client, startup_user):
    client.force_login(startup_user, backend="django.contrib.auth.backends.ModelBackend")
    startup = startup_user.startup_memberships.first().startup
    url = f"/ja/startups/{startup.slug}/track-records/new/"
    response = client.post(
        url,
        {
            "title": "abc\x00def",
            "description": "説明",
            "year": "2025",
            "municipality_query": "\x00",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "保存できない文字" in html or "NUL" in html
    assert "abc" in html and "def" in html


def test_unstorable_post_data_that_reaches_the_database_is_a_400_not_a_500():
    request = RequestFactory().post("/ja/requests/", {"q": "a\x00b"})
    middleware = UnstorableInputMiddleware(lambda r: None)
    response = middleware.process_exception(request, DataError("NUL (0x00)"))
    assert response.status_code == 400
    assert (
        middleware.process_exception(RequestFactory().post("/", {"q": "ab"}), DataError()) is None
    )


# --- Rate limits say how long to wait ---------------------------------------------------------


def test_the_per_account_limit_says_how_long_to_wait_in_english(client):
    user = UserFactory()
    for _ in range(5):
        client.post("/en/accounts/login/", {"login": user.email, "password": "wrong"})
    response = client.post("/en/accounts/login/", {"login": user.email, "password": TEST_PASSWORD})
    assert "please wait 5 minutes and try again" in response.content.decode()


@override_settings(ACCOUNT_RATE_LIMITS={"login": "2/m/ip"})
def test_the_429_page_says_how_long_to_wait(client):
    for _ in range(2):
        client.post("/ja/accounts/login/", {"login": "a@example.jp", "password": "x"})
    response = client.post("/ja/accounts/login/", {"login": "a@example.jp", "password": "x"})
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert "1分ほど待ってからもう一度お試しください" in response.content.decode()
