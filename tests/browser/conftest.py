"""Shared Playwright fixtures: Debian's Chromium, a Japanese browser context, axe checks.

Browser tests run against pytest-django's live server. In CI (CI=true) a missing browser is an
error, never a skip.
"""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make in the
# same thread are safe because nothing else uses that loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
BLOCKING_IMPACTS = {"serious", "critical"}

_SERIALIZED_DATABASES: dict[str, str] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """pytest-django's set-up, then remember the serialized test database (see below)."""
    from django.db import connections

    for alias in connections:
        contents = getattr(connections[alias], "_test_serialized_contents", None)
        if contents is not None:
            _SERIALIZED_DATABASES[alias] = contents


@pytest.fixture(autouse=True)
def _serialized_rollback_under_playwright(request):
    """Keep `serialized_rollback` working while Playwright runs.

    Playwright's sync API can leave an event loop running in the main thread; Django's
    thread-critical connection storage (asgiref) then hands out context-local connection objects
    that lack the serialized test database, so pytest-django neither restores it before a
    transactional test nor skips post_migrate when flushing after it. Give the connection the
    serialized data and restore it here (saving rows that already exist just updates them).
    """
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("transaction")):
        return
    from django.db import connections

    for alias, contents in _SERIALIZED_DATABASES.items():
        connection = connections[alias]
        if not hasattr(connection, "_test_serialized_contents"):
            connection._test_serialized_contents = contents
            connection.creation.deserialize_db_from_string(contents)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium fonts-noto-cjk)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def new_context(browser):
    contexts = []

    def make(**kwargs):
        options = {
            "locale": "ja-JP",
            "timezone_id": "Asia/Tokyo",
            "viewport": {"width": 1280, "height": 900},
        }
        options.update(kwargs)
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()


def login(page, base_url: str, email: str, password: str) -> None:
    page.goto(f"{base_url}/ja/accounts/login/")
    page.get_by_label("メールアドレス").fill(email)
    page.locator("input[name=password]").fill(password)
    page.get_by_role("button", name="ログイン").click()
    page.wait_for_load_state()


def serious_axe_violations(page) -> list[dict]:
    """axe-core violations with serious or critical impact on the current page (once it has
    loaded: right after a click on a link the old document may already be gone)."""
    from axe_playwright_python.sync_playwright import Axe

    page.wait_for_load_state("load")
    results = Axe().run(page)
    violations = results.response["violations"]
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in violations
        if v.get("impact") in BLOCKING_IMPACTS
    ]
