"""Outages under a running production-mode Daphne: Redis stopped and restarted, the database
made unreachable and reachable again. Real processes, a private Redis, a proxy we control.

* Redis down: pages, sign-in and signed-in pages keep answering 200 (only live updates are
  lost; the limits counting per process are checked in test_cache_fallback.py), /healthz says
  503; when
  Redis is back the shared cache is used again without a restart.
* Database down: every page answers 503 with Retry-After in the user's language (JSON for
  JSON clients), signed-in or not; when it is back the same session works again.
"""

import shutil
import socket

import pytest

from tests.cocreation.livestack import RedisServer, copy_test_database, run_setup
from tests.core.outage_stack import (
    Browser,
    TcpProxy,
    postgres_address,
    production_env,
    start_daphne,
    through_proxy,
    wait_until,
)
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.multiprocess, pytest.mark.django_db]

PUBLIC_PAGES = [
    "/ja/",
    "/ja/requests/",
    "/ja/startups/",
    "/ja/municipalities/search/?q=前橋",
    "/en/",
]
SIGNED_IN_PAGES = ["/ja/notifications/", "/ja/channels/"]
PEOPLE = {"official": "official", "startup": "startup", "member": "member"}


def _assert_pages_answer(server, signed_in: Browser) -> None:
    for path in PUBLIC_PAGES:
        assert Browser(server).get(path).status_code == 200, path
    for path in SIGNED_IN_PAGES:
        # 200, not a redirect to the sign-in page: the session still works.
        assert signed_in.get(path).status_code == 200, path


def _assert_sign_in_works(server, email: str) -> None:
    browser = Browser(server)
    response = browser.sign_in(email, TEST_PASSWORD)
    assert response.status_code == 302, response.text[:500]
    assert browser.get("/ja/notifications/").status_code == 200


@pytest.fixture(scope="module")
def database(django_db_setup, django_db_blocker, tmp_path_factory):
    """One copy of the test database for this module's stacks, made outside any test's
    transaction (SQLite's backup waits forever on a database its own connection is writing)."""
    workdir = tmp_path_factory.mktemp("outages") / "database"
    workdir.mkdir()
    with django_db_blocker.unblock():
        url, drop = copy_test_database(workdir)
    yield url, workdir
    drop()


def test_redis_outage_keeps_pages_and_sign_in_and_recovers(database, tmp_path):
    database_url, _ = database
    redis = RedisServer(tmp_path)
    redis.start()
    env = production_env(database_url, redis.url)
    people = run_setup(env, {"users": PEOPLE})["users"]
    server = start_daphne(env, tmp_path, "daphne-redis")
    try:
        signed_in = Browser(server, people["official"]["cookie"])
        _assert_pages_answer(server, signed_in)

        redis.stop()
        _assert_pages_answer(server, signed_in)
        _assert_sign_in_works(server, people["startup"]["email"])
        assert Browser(server).get("/healthz").status_code == 503

        redis.start()
        wait_until(
            lambda: Browser(server).get("/healthz").status_code == 200,
            what="/healthz after Redis came back",
        )
        _assert_pages_answer(server, signed_in)
        _assert_sign_in_works(server, people["member"]["email"])
    finally:
        server.stop()
        redis.stop()


class _SqliteOutage:
    """Moves the stack's database directory away: every new connection fails to open it."""

    def __init__(self, workdir):
        self.workdir = workdir
        self.away = workdir.with_name(workdir.name + "-away")

    def cut(self):
        shutil.move(self.workdir, self.away)

    def restore(self):
        shutil.move(self.away, self.workdir)

    def stop(self):
        if self.away.exists():
            self.restore()


def _outage_and_url(database_url: str, workdir):
    if database_url.startswith("postgres"):
        proxy = TcpProxy(*postgres_address(database_url))
        return proxy, through_proxy(database_url, proxy)
    return _SqliteOutage(workdir), database_url


def _assert_unavailable(response, *, language: str) -> None:
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert response.headers["Cache-Control"] == "no-store"
    if language == "ja":
        assert '<html lang="ja">' in response.text
        assert "ポータルは一時的に利用できません" in response.text
    else:
        assert '<html lang="en">' in response.text
        assert "The portal is temporarily unavailable" in response.text


def test_database_outage_answers_503_in_the_users_language_and_recovers(database, tmp_path):
    database_url, workdir = database
    outage, served_url = _outage_and_url(database_url, workdir)
    env = production_env(served_url, None)
    people = run_setup(env, {"users": {"official": "official"}})["users"]
    server = start_daphne(env, tmp_path, "daphne-db")
    try:
        signed_in = Browser(server, people["official"]["cookie"])
        assert signed_in.get("/ja/notifications/").status_code == 200

        outage.cut()
        _assert_unavailable(Browser(server).get("/ja/"), language="ja")
        _assert_unavailable(Browser(server).get("/ja/requests/"), language="ja")
        _assert_unavailable(Browser(server).get("/en/requests/"), language="en")
        _assert_unavailable(signed_in.get("/ja/notifications/"), language="ja")
        as_json = Browser(server).get("/ja/requests/", headers={"Accept": "application/json"})
        assert as_json.status_code == 503
        assert as_json.json()["error"] == "database_unavailable"
        assert "一時的に利用できません" in as_json.json()["detail"]
        assert Browser(server).get("/healthz").status_code == 503

        outage.restore()
        wait_until(
            lambda: Browser(server).get("/ja/").status_code == 200,
            what="/ja/ after the database came back",
        )
        assert signed_in.get("/ja/notifications/").status_code == 200
        assert Browser(server).get("/ja/requests/").status_code == 200
    finally:
        server.stop()
        outage.stop()


def _raw_exchange(server, request: bytes) -> bytes:
    """Send `request` on a plain socket and read until the server closes its side."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        sock.sendall(request)
        chunks = []
        while data := sock.recv(65536):  # a reset here would raise ConnectionResetError
            chunks.append(data)
    return b"".join(chunks)


def test_over_long_request_lines_and_headers_get_414_and_431(database, tmp_path):
    database_url, _ = database
    server = start_daphne(production_env(database_url, None), tmp_path, "daphne-limits")
    try:
        host = f"Host: 127.0.0.1:{server.port}\r\nX-Forwarded-Proto: https\r\n".encode()
        long_url = b"/ja/search/?q=" + b"a" * 20_000
        answer = _raw_exchange(server, b"GET " + long_url + b" HTTP/1.1\r\n" + host + b"\r\n")
        assert answer.startswith(b"HTTP/1.1 414 URI Too Long\r\n")
        big_headers = b"".join(b"X-Filler-%d: %s\r\n" % (i, b"b" * 1000) for i in range(40))
        answer = _raw_exchange(server, b"GET /ja/ HTTP/1.1\r\n" + host + big_headers + b"\r\n")
        assert answer.startswith(b"HTTP/1.1 431 Request Header Fields Too Large\r\n")
        # Below the limits the portal answers as usual (a 9,000-character search; a Japanese
        # character is 9 bytes once percent-encoded, so the limit counts bytes on the wire).
        fine = Browser(server).get("/ja/municipalities/search/?q=" + "a" * 9000)
        assert fine.status_code == 200
    finally:
        server.stop()
