"""Signed one-click unsubscribe tokens: who and which kind, unforgeable without SECRET_KEY.

A token names a user and a scope: a kind's name, or `DIGEST_SCOPE` for the daily digest (every
kind the user receives by digest). Tokens do not expire: an unsubscribe link in an old email must
keep working, and all it can do is turn emails off for the user it names.
"""

from dataclasses import dataclass

from django.core import signing
from django.urls import reverse
from django.utils import translation

from portal.notifications.rendering import absolute_url, recipient_language

SALT = "portal.notifications.unsubscribe"
DIGEST_SCOPE = "digest"


@dataclass(frozen=True)
class UnsubscribeClaim:
    user_id: int
    scope: str


def unsubscribe_token(*, user, scope: str) -> str:
    return signing.dumps({"u": user.pk, "s": scope}, salt=SALT)


def unsubscribe_claim(token: str) -> UnsubscribeClaim | None:
    """The claim in a genuine token, or None for anything tampered with or malformed."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    user_id, scope = data.get("u"), data.get("s")
    if not isinstance(user_id, int) or not isinstance(scope, str):
        return None
    return UnsubscribeClaim(user_id=user_id, scope=scope)


def unsubscribe_url(*, user, scope: str) -> str:
    """Absolute one-click link, under the user's language prefix."""
    with translation.override(recipient_language(user)):
        path = reverse(
            "notifications:unsubscribe", kwargs={"token": unsubscribe_token(user=user, scope=scope)}
        )
    return absolute_url(path)


def preferences_url(*, user) -> str:
    with translation.override(recipient_language(user)):
        return absolute_url(reverse("notifications:preferences"))


def centre_url(*, user) -> str:
    with translation.override(recipient_language(user)):
        return absolute_url(reverse("notifications:centre"))
