import os

import pytest

from tests import factories, fast_restore


def pytest_configure(config):
    fast_restore.install()  # see tests/fast_restore.py: transactional tests restore in bulk


def pytest_collection_modifyitems(config, items):
    """Suite-wide rules.

    * Everything under tests/browser/ is marked `browser`. `make test` runs browser tests in a
      pytest process of their own: Playwright's sync API keeps an event loop running in the main
      thread, which async (WebSocket) tests and Django's connection handling cannot share.
    * Transactional tests flush the database when they end, which would delete the data that
      migrations load (municipalities, Wagtail's root and home page, the Moderators group).
      They restore it with `serialized_rollback`.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and "serialized_rollback" not in marker.kwargs
        ):
            item.add_marker(
                pytest.mark.django_db(*marker.args, **marker.kwargs, serialized_rollback=True),
                append=False,
            )
        if "/tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    """Cheap hashing, media (public and private) in a temp dir, a fresh cache (rate limits)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private_media"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    from django.core.cache import cache
    from django.utils import translation

    cache.clear()
    _forget_socket_state()
    # Requests leave their language active in the thread; every test starts in Japanese.
    translation.activate("ja")
    yield
    translation.activate("ja")
    cache.clear()
    _forget_channel_layers()
    _forget_socket_state()


def _forget_socket_state():
    """The sockets' in-process rate windows and membership answers (portal/cocreation/hotpath.py)
    are keyed by ids, which a flushed database hands out again."""
    from portal.cocreation import hotpath
    from portal.core import layer_watch, page_cache

    hotpath.reset()
    layer_watch.reset()
    page_cache.forget_local()  # its generation and pages belong to the flushed cache


def _forget_channel_layers():
    """Each test's event loop gets its own channel layer.

    channels-redis binds its locks and connection pools to the loop that first used them; a
    consumer task that a slow test leaves behind can keep such a lock held when that loop closes,
    and every later test sharing the layer then fails with "bound to a different event loop".
    """
    from channels.layers import channel_layers

    channel_layers.backends.clear()


@pytest.fixture
def no_page_cache(settings):
    """For tests that pin what rendering a page costs: a signed-out reader's second request is
    otherwise answered from the page cache (portal/core/page_cache.py, tests/core/test_page_cache.py)
    without a query."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def member(db):
    """Signed up and onboarding not finished."""
    return factories.UserFactory()


@pytest.fixture
def official(db):
    return factories.official(factories.MAEBASHI)


@pytest.fixture
def other_official(db):
    """An official of another municipality (IDOR checks)."""
    return factories.official(factories.SHIOJIRI)


@pytest.fixture
def pending_official(db):
    from portal.community.models import VerificationState

    return factories.official(factories.MAEBASHI, verification_state=VerificationState.PENDING)


@pytest.fixture
def startup_user(db):
    return factories.startup_member()


@pytest.fixture
def other_startup_user(db):
    return factories.startup_member()


@pytest.fixture
def moderator(db):
    return factories.moderator()


@pytest.fixture
def client_for(client):
    """Log `user` into a fresh test client."""

    def login(user):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return login
