"""Creates people, channels and sessions in a live stack's database (run in a subprocess).

The live stacks (multi-process and browser tests) run Daphne processes on a database file or
PostgreSQL database of their own, which the test process's ORM does not use; this script runs
with that stack's environment. Input (stdin) and output (stdout) are JSON:

    {"users": {"official": "official", "startup": "startup"},
     "channels": {"pair": {"owner": "official", "members": ["startup"]}}}
 -> {"users": {"official": {"id": 1, "email": "...", "name": "...", "cookie": "sessionid=..."}},
     "channels": {"pair": 7}}

`python -m tests.cocreation.live_setup messages <channel_id>` prints the stored messages;
`… remove <channel_id> <user_id>` has the channel's owner remove a member (services, so the
member's sockets are told through the stack's channel layer); `… signout <user_id>` ends the
user's sessions.
"""

import json
import os
import sys
import uuid

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402

from portal.accounts.models import Role, User  # noqa: E402
from portal.cocreation.models import Channel, ChannelKind, Membership, Message  # noqa: E402
from portal.community.models import Municipality  # noqa: E402

NAMES = {"official": "佐藤 美咲", "official2": "田中 健一", "startup": "鈴木 翔太"}


def _ensure_master_data():
    """A transactional test may have flushed the database this one was cloned from."""
    if not Municipality.objects.exists():
        from portal.community.master_data import load_municipalities  # noqa: PLC0415
        from portal.community.models import Prefecture  # noqa: PLC0415

        load_municipalities(Prefecture, Municipality)


def _person(key: str, kind: str) -> User:
    from tests import factories  # noqa: PLC0415

    tag = uuid.uuid4().hex[:8]
    email = f"{key}-{tag}@example.jp"
    name = NAMES.get(key, key) + f" {tag[:3]}"
    if kind == "official":
        user = factories.OfficialProfileFactory(
            user__email=email, user__display_name=name, user__role=Role.OFFICIAL
        ).user
    elif kind == "startup":
        user = factories.StartupMemberFactory(
            user__email=email,
            user__display_name=name,
            user__role=Role.STARTUP,
            startup__slug=f"live-{tag}",
            startup__name=f"株式会社ライブ{tag}",
        ).user
    else:
        user = factories.OnboardedUserFactory(email=email, display_name=name)
    return user


def _cookie(user: User) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def setup(spec: dict) -> dict:
    _ensure_master_data()
    users = {key: _person(key, kind) for key, kind in spec.get("users", {}).items()}
    channels = {}
    for key, channel_spec in spec.get("channels", {}).items():
        owner = users[channel_spec["owner"]]
        channel = Channel.objects.create(
            kind=ChannelKind.SUPPORT_REQUEST,
            name=channel_spec.get("name", "共創チャンネル"),
            owner=owner,
        )
        Membership.objects.create(channel=channel, user=owner, role="owner")
        for member in channel_spec.get("members", []):
            Membership.objects.create(channel=channel, user=users[member], role="member")
        channels[key] = channel.pk
    return {
        "users": {
            key: {"id": u.pk, "email": u.email, "name": u.display_name, "cookie": _cookie(u)}
            for key, u in users.items()
        },
        "channels": channels,
    }


def messages(channel_id: int) -> list:
    return list(
        Message.objects.filter(channel_id=channel_id)
        .order_by("seq")
        .values("seq", "client_id", "author_id", "body")
    )


def remove(channel_id: int, user_id: int) -> None:
    from portal.cocreation.services import membership_remove  # noqa: PLC0415

    channel = Channel.objects.get(pk=channel_id)
    user = User.objects.get(pk=user_id)
    membership_remove(channel=channel, user=user, actor=channel.owner)


def sign_out(user_id: int) -> None:
    """End every session of the user (as if they signed out in another tab)."""
    from django.contrib.sessions.models import Session  # noqa: PLC0415

    for session in Session.objects.all():
        if session.get_decoded().get(SESSION_KEY) == str(user_id):
            session.delete()


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[1] == "remove":
        remove(int(sys.argv[2]), int(sys.argv[3]))
    elif len(sys.argv) > 2 and sys.argv[1] == "signout":
        sign_out(int(sys.argv[2]))
    elif len(sys.argv) > 2 and sys.argv[1] == "messages":
        json.dump(messages(int(sys.argv[2])), sys.stdout, ensure_ascii=False)
    else:
        json.dump(setup(json.load(sys.stdin)), sys.stdout, ensure_ascii=False)
