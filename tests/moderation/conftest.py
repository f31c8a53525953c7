import pytest
from allauth.mfa.models import Authenticator

from tests import factories
from tests.cocreation.conftest import (  # noqa: F401 - fixtures shared with the channel tests
    _master_data_for_transactional_tests,
    make_channel,
    sockets,
)

ROLES = ["visitor", "member", "official", "other_official", "startup_user", "other_startup_user"]


def with_totp(user):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, generate_totp_secret())  # a real secret: codes can be checked
    return user


@pytest.fixture
def admin_client(client_for, moderator):
    """A moderator who passed the admin's MFA gate (TOTP set up)."""
    return client_for(with_totp(moderator))


@pytest.fixture
def people(member, official, other_official, startup_user, other_startup_user, moderator):
    return {
        "visitor": None,
        "member": member,
        "official": official,
        "other_official": other_official,
        "startup_user": startup_user,
        "other_startup_user": other_startup_user,
        "moderator": moderator,
    }


@pytest.fixture
def as_role(client, people):
    """A client signed in as `role` (the visitor is anonymous)."""

    def login(role):
        client.logout()
        user = people[role]
        if user is not None:
            client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return login


@pytest.fixture
def request_of_official(official):
    return factories.support_request(author=official, title="公民館予約のオンライン化")
