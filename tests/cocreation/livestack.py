"""Real processes for the multi-process and browser tests: Daphne, a private Redis, a database.

The database is a copy of pytest-django's test database (already migrated): on SQLite the
in-memory test database is copied to a file with SQLite's backup API; on PostgreSQL it is cloned
with CREATE DATABASE … TEMPLATE. Every process of a stack uses that copy, so the test process's
own transactions never hide data from the servers.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.db import connections

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
DAPHNE = str(Path(PYTHON).with_name("daphne"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Readiness is polled, never assumed after a fixed wait: a loaded CI runner took 36.7 s to start
# Daphne (issue #12), so the bound is generous and a quick start returns at once.
READY_TIMEOUT = 180


def wait_for(check, *, timeout: float, what: str, process=None) -> None:
    """Poll `check()` until it is true; fail early if `process` (a Popen) exits meanwhile."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode} before it was ready")
        time.sleep(0.1)
    raise TimeoutError(f"{what} did not come up within {timeout}s")


def _port_open(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


class RedisServer:
    """A private redis-server on a free port (never the shared one), restartable."""

    def __init__(self, workdir: Path):
        self.port = free_port()
        self.workdir = workdir
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        command = [
            shutil.which("redis-server") or "redis-server",
            "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", str(self.workdir),
        ]  # fmt: skip
        self.process = subprocess.Popen(  # noqa: S603
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        wait_for(
            lambda: _port_open(self.port), timeout=READY_TIMEOUT, what="redis-server",
            process=self.process,
        )  # fmt: skip

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(5)
        self.process = None


class Daphne:
    """One Daphne process serving portal.asgi on a fixed port; can be restarted on that port."""

    def __init__(self, env: dict, logdir: Path, name: str):
        self.port = free_port()
        self.env = env
        self.log = logdir / f"{name}.log"
        self.process = None

    @property
    def http(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def _healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.http}/healthz", timeout=1) as response:  # noqa: S310
                return response.status == 200
        except OSError:
            return False

    def spawn(self) -> None:
        command = [DAPHNE, "-b", "127.0.0.1", "-p", str(self.port), "portal.asgi:application"]
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(  # noqa: S603
                command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )

    def wait_ready(self) -> None:
        wait_for(
            self._healthy, timeout=READY_TIMEOUT, what=f"daphne on {self.port}",
            process=self.process,
        )  # fmt: skip

    def start(self) -> None:
        self.spawn()
        self.wait_ready()

    def stop(self, *, hard: bool = False) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL if hard else signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.process = None

    @property
    def pid(self) -> int:
        return self.process.pid


def stack_env(database_url: str, redis_url: str | None, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    env.update(
        DATABASE_URL=database_url,
        DJANGO_DEBUG="1",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
        env["CHANNEL_LAYER_PREFIX"] = f"live{os.getpid()}"
        env["CACHE_KEY_PREFIX"] = f"live{os.getpid()}"
    env.update(extra)
    return env


def copy_test_database(workdir: Path) -> tuple[str, callable]:
    """A copy of the (migrated) test database for servers to share; returns (URL, cleanup)."""
    connection = connections["default"]
    name = str(connection.settings_dict["NAME"])
    if not (Path(name).name.startswith("test_") or "memorydb" in name or "mode=memory" in name):
        # Only reached when no test of the session asked for the database (pytest-django then
        # leaves the real one configured): refuse rather than copy a developer's data.
        raise RuntimeError(f"{name} is not a test database; mark the test django_db")
    if connection.vendor == "sqlite":
        path = workdir / "live.sqlite3"
        connection.ensure_connection()
        import sqlite3

        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.execute("PRAGMA journal_mode=WAL")
        target.close()
        return f"sqlite:///{path}", lambda: None
    return _clone_postgres(connection)


def _clone_postgres(connection):
    import psycopg

    settings = connection.settings_dict
    source = settings["NAME"]
    name = f"{source}_live"
    for alias in connections:
        connections[alias].close()
        if hasattr(connections[alias], "close_pool"):
            connections[alias].close_pool()
    dsn = {
        "host": settings["HOST"] or "127.0.0.1",
        "port": settings["PORT"] or 5432,
        "user": settings["USER"],
        "password": settings["PASSWORD"] or None,
        "dbname": "postgres",
    }
    with psycopg.connect(**dsn, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        # CREATE DATABASE … TEMPLATE needs the source to be unused; this process's own idle
        # connections (already closed above, but some may sit in other threads) are ended.
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            [source],
        )
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')

    def drop():
        with psycopg.connect(**dsn, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    url = f"postgres://{settings['USER']}{password}@{dsn['host']}:{dsn['port']}/{name}"
    return url, drop


def _script(env: dict, *args: str, stdin: str = "") -> str:
    result = subprocess.run(  # noqa: S603
        [PYTHON, "-m", "tests.cocreation.live_setup", *args],
        cwd=ROOT, env=env, input=stdin, capture_output=True, text=True,
    )  # fmt: skip
    if result.returncode:
        raise RuntimeError(f"live_setup failed:\n{result.stderr}")
    return result.stdout


def run_setup(env: dict, spec: dict) -> dict:
    """Create people and channels in the stack's database (tests/cocreation/live_setup.py)."""
    return json.loads(_script(env, stdin=json.dumps(spec)))


def stored_messages(env: dict, channel_id: int) -> list[dict]:
    return json.loads(_script(env, "messages", str(channel_id)))


def sign_out(env: dict, user_id: int) -> None:
    _script(env, "signout", str(user_id))


def remove_member(env: dict, channel_id: int, user_id: int) -> None:
    """The channel's owner removes a member, through the service, in the stack's database."""
    _script(env, "remove", str(channel_id), str(user_id))
