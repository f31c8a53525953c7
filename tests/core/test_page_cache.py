"""The anonymous page cache (portal/core/page_cache.py): who is served from it, what makes it
stale, and that every cached page still carries the reader's own working CSRF token."""

import re

import pytest
from django.db import transaction
from django.test import Client

from portal.core import page_cache
from tests import factories
from tests.cms import factories as cms_factories

pytestmark = pytest.mark.django_db

CACHED_PAGES = ["/ja/requests/", "/ja/startups/", "/ja/search/?q=防災", "/ja/"]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _site():
    cms_factories.case_index()


def _served_from_cache(client, url, django_assert_num_queries):
    client.get(url)
    with django_assert_num_queries(0):
        response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("url", [*CACHED_PAGES, "/ja/cases/", "/en/requests/"])
def test_a_page_rendered_for_one_signed_out_reader_is_served_to_the_next(
    url, django_assert_num_queries
):
    first = Client().get(url)
    second = _served_from_cache(Client(), url, django_assert_num_queries)
    assert _without_tokens(first) == _without_tokens(second)
    assert first["Content-Type"] == second["Content-Type"]
    assert second["Content-Language"] == url.split("/")[1]


def test_each_reader_gets_a_token_of_their_own_that_the_language_switch_accepts():
    readers = [Client(enforce_csrf_checks=True) for _ in range(3)]
    for reader in readers:
        page = reader.get("/ja/requests/")
        assert page_cache.CSRF_PLACEHOLDER not in page.content.decode()
        token = TOKEN.search(page.content.decode()).group(1)
        answer = reader.post(
            "/i18n/setlang/",
            {"language": "en", "next": "/en/requests/", "csrfmiddlewaretoken": token},
        )
        assert answer.status_code == 302, "the cached page's form must pass the CSRF check"
        assert answer["Location"] == "/en/requests/"


def test_a_published_request_shows_on_the_next_anonymous_request(client, official):
    client.get("/ja/requests/")
    factories.support_request(author=official, title="除雪車の運行状況を住民に知らせたい")
    assert "除雪車の運行状況" in client.get("/ja/requests/").content.decode()


def test_a_write_is_also_announced_once_on_commit(official):
    """A reader rendering between a write and its commit caches the old content under the new
    generation; the bump on commit makes that entry stale too, once per transaction."""
    from django.db import connection

    def scheduled():
        return [
            entry for entry in connection.run_on_commit if entry[1] is page_cache.bump_generation
        ]

    with transaction.atomic():
        factories.support_request(author=official)
        factories.support_request(author=official)
        assert len(scheduled()) == 1
    try:
        with transaction.atomic():
            factories.support_request(author=official)
            raise RuntimeError("rolled back")
    except RuntimeError:
        pass
    assert len(scheduled()) == 1, "a bump scheduled before the savepoint survives its rollback"


def test_writes_readers_cannot_see_leave_the_cache_alone(official, django_assert_num_queries):
    from portal.notifications.models import Notification

    client = Client()
    client.get("/ja/requests/")
    Notification.objects.create(recipient=official, kind="request_published", title="x", body="x")
    with django_assert_num_queries(0):
        client.get("/ja/requests/")


def test_signed_in_readers_always_get_their_own_page(client, official):
    anonymous = Client()
    anonymous.get("/ja/requests/")
    client.force_login(official)
    page = client.get("/ja/requests/").content.decode()
    assert official.display_name in page
    assert 'action="/ja/accounts/logout/"' in page


def test_a_reader_with_a_session_is_not_served_from_the_cache(client, official):
    Client().get("/ja/requests/")
    client.force_login(official)
    client.logout()  # a session cookie stays, now anonymous
    client.cookies["sessionid"] = "some-session"
    factories.support_request(author=official, title="未キャッシュの確認")
    assert "未キャッシュの確認" in client.get("/ja/requests/").content.decode()


def test_errors_and_other_answers_are_not_kept(client):
    client.get("/ja/requests/999999/")
    assert _queries_of(client, "/ja/requests/999999/") > 0


def test_no_cache_when_turned_off(settings, client):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/ja/requests/")
    assert _queries_of(client, "/ja/requests/") > 0


def test_the_key_is_the_whole_address(client, official, django_assert_num_queries):
    factories.support_request(author=official, title="防災アプリの導入")
    factories.support_request(author=official, title="農業用水の見える化")
    pages = {
        url: _text(client.get(url)) for url in ("/ja/requests/?q=防災", "/ja/requests/?q=農業")
    }
    assert (
        "防災アプリ" in pages["/ja/requests/?q=防災"]
        and "農業用水" not in pages["/ja/requests/?q=防災"]
    )
    assert "農業用水" in pages["/ja/requests/?q=農業"]
    assert _queries_of(client, "/en/requests/?q=防災") > 0, "another language is another page"
    with django_assert_num_queries(0):
        again = _text(client.get("/ja/requests/?q=農業"))
    assert "農業用水" in again and "防災アプリ" not in again


def test_pages_render_while_the_shared_cache_fails(client, monkeypatch):
    from django.core.cache import cache

    def refuse(*args, **kwargs):
        raise ConnectionError("cache down")

    client.get("/ja/requests/")
    page_cache.forget_local()
    monkeypatch.setattr(cache, "get", refuse)
    monkeypatch.setattr(cache, "set", refuse)
    response = client.get("/ja/requests/")
    assert response.status_code == 200
    assert "窓口" in response.content.decode() or 'class="empty"' in response.content.decode()


def test_another_process_s_write_shows_within_the_generation_check(
    client, monkeypatch, django_assert_num_queries
):
    """Each process keeps its pages in memory and reads the shared generation at most every
    GENERATION_CHECK_SECONDS: within that window a hit costs no round trip; after it, a write
    made elsewhere (the shared generation changed) makes the page render again."""
    from django.core.cache import cache

    client.get("/ja/requests/")
    cache.set(page_cache.GENERATION_KEY, "written-by-another-process", None)
    with django_assert_num_queries(0):
        client.get("/ja/requests/")  # within the window: this process's copy
    monkeypatch.setattr(page_cache, "GENERATION_CHECK_SECONDS", 0)
    assert _queries_of(client, "/ja/requests/") > 0
    with django_assert_num_queries(0):
        client.get("/ja/requests/")  # kept again, under the new generation


def test_a_page_kept_by_another_process_is_served_without_rendering(
    client, django_assert_num_queries
):
    client.get("/ja/startups/")
    page_cache.forget_local()  # as a second process sees it: only the shared cache has it
    with django_assert_num_queries(0):
        response = client.get("/ja/startups/")
    assert response.status_code == 200


def _without_tokens(response) -> str:
    return TOKEN.sub("", response.content.decode())


def _text(response) -> str:
    """The page without tags (a search highlights the matched words with <mark>)."""
    return re.sub(r"<[^>]+>", "", response.content.decode())


def _queries_of(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)
