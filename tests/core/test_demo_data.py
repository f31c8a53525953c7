import pytest
from django.core.management import call_command

from portal.accounts.models import User
from portal.startups.models import Startup, TrackRecord

pytestmark = pytest.mark.django_db

DEMO_LOGINS = [
    "official1@example.jp",
    "official2@example.jp",
    "startup1@example.com",
    "startup2@example.com",
    "moderator@example.jp",
]


def _counts():
    return (User.objects.count(), Startup.objects.count(), TrackRecord.objects.count())


def test_seed_demo_is_idempotent_and_creates_the_demo_logins(settings):
    settings.DEBUG = True
    call_command("seed_demo", quiet_logins=True)
    first = _counts()
    call_command("seed_demo", quiet_logins=True)
    assert _counts() == first
    users = {u.email: u for u in User.objects.filter(email__in=DEMO_LOGINS)}
    assert set(users) == set(DEMO_LOGINS)
    assert users["official1@example.jp"].is_verified_official
    assert users["official2@example.jp"].official_profile.municipality_id != (
        users["official1@example.jp"].official_profile.municipality_id
    )
    assert users["startup1@example.com"].startup_membership.startup.is_verified
    assert users["startup2@example.com"].startup_membership.startup != (
        users["startup1@example.com"].startup_membership.startup
    )
    assert users["moderator@example.jp"].is_moderator
    assert Startup.objects.count() >= 15


def test_seed_demo_refuses_to_run_in_production(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_demo")
