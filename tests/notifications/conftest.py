import pytest

from portal.notifications.services import notify


@pytest.fixture
def notify_now(django_capture_on_commit_callbacks):
    """Call `notify` and run what it schedules after commit (emails, live events)."""

    def call(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return notify(**kwargs)

    return call
