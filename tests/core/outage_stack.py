"""Helpers for the outage tests: a production-mode Daphne, a browser-like client, a TCP proxy.

The proxy stands in front of the shared PostgreSQL (never stopped: the proxy is what goes
away); on SQLite the stack's database directory is moved away and back instead, which makes
every new connection fail the same way ("unable to open database file").
"""

import contextlib
import re
import socket
import threading
import time
from urllib.parse import urlsplit, urlunsplit

import requests

from tests.cocreation.livestack import Daphne, free_port, stack_env

READY_SECONDS = 180  # generous: the machine is shared and a cold Daphne imports a lot
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def production_env(database_url: str, redis_url: str | None) -> dict:
    """DJANGO_DEBUG=0 (the real handler500, secure cookies) behind an https proxy header."""
    return stack_env(
        database_url,
        redis_url,
        DJANGO_DEBUG="0",
        PORTAL_TESTING="1",  # static files from the finders: no collectstatic in a test
        DJANGO_SECRET_KEY="outage-test-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        CACHE_RETRY_SECONDS="1",
        DATABASE_POOL_TIMEOUT="3",
    )


def start_daphne(env: dict, workdir, name: str) -> Daphne:
    server = Daphne(env, workdir, name)
    server.spawn()
    wait_until(lambda: _answers(server), what=f"{name} serving /ja/")
    return server


def _answers(server) -> bool:
    try:
        return requests.get(f"{server.http}/ja/", timeout=5).status_code == 200
    except requests.RequestException:
        return False


def wait_until(check, *, what: str, timeout: float = READY_SECONDS) -> float:
    """Poll `check` until it is true; the seconds it took."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if check():
            return time.monotonic() - started
        time.sleep(0.25)
    raise TimeoutError(f"{what}: not within {timeout}s")


class Browser:
    """A client that behaves like a browser behind the TLS proxy (Secure cookies, Origin)."""

    def __init__(self, server, cookie: str = ""):
        self.server = server
        self.session = requests.Session()
        self.session.headers.update(
            {"X-Forwarded-Proto": "https", "Origin": f"https://127.0.0.1:{server.port}"}
        )
        if cookie:
            name, _, value = cookie.partition("=")
            self.session.cookies.set(name, value)

    def _plain_cookies(self) -> None:
        # The stack speaks plain HTTP to the test; the cookies are Secure as in production.
        for cookie in self.session.cookies:
            cookie.secure = False

    def get(self, path: str, **kwargs) -> requests.Response:
        response = self.session.get(
            self.server.http + path, timeout=30, allow_redirects=False, **kwargs
        )
        self._plain_cookies()
        return response

    def post(self, path: str, data: dict, **kwargs) -> requests.Response:
        page = self.get(path)
        token = CSRF_INPUT.search(page.text)
        payload = {**data, "csrfmiddlewaretoken": token.group(1) if token else ""}
        response = self.session.post(
            self.server.http + path, data=payload, timeout=30, allow_redirects=False, **kwargs
        )
        self._plain_cookies()
        return response

    def sign_in(self, email: str, password: str) -> requests.Response:
        return self.post("/ja/accounts/login/", {"login": email, "password": password})


class TcpProxy:
    """Forwards 127.0.0.1:<port> to a target; `cut()` drops every connection and refuses new
    ones (the database is "unreachable"), `restore()` forwards again."""

    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self.port = free_port()
        self._open = True
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self._stopped = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while not self._stopped:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if not self._open:
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self._sockets |= {client, upstream}
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                self._close(sock)

    def _close(self, sock):
        with self._lock:
            self._sockets.discard(sock)
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()

    def cut(self):
        self._open = False
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            self._close(sock)

    def restore(self):
        self._open = True

    def stop(self):
        self._stopped = True
        self.cut()
        self._listener.close()


def through_proxy(database_url: str, proxy: TcpProxy) -> str:
    parts = urlsplit(database_url)
    credentials = parts.netloc.rpartition("@")[0]
    netloc = f"{credentials}@127.0.0.1:{proxy.port}" if credentials else f"127.0.0.1:{proxy.port}"
    return urlunsplit(parts._replace(netloc=netloc))


def postgres_address(database_url: str) -> tuple[str, int]:
    parts = urlsplit(database_url)
    return parts.hostname or "127.0.0.1", parts.port or 5432
