"""The one way to notify users. Every app calls `notify`; nothing else sends user emails.

Contract (stable; the notifications issue builds the centre, preferences and digests behind it):

    notify(kind="official_verified", recipients=[user], target=profile, actor=moderator,
           context={"reason": "..."})

* `kind` names templates under `templates/notifications/kinds/<kind>/`: `subject.txt` (one line)
  and `body.txt` (plain text). They are rendered once per recipient in the recipient's
  preferred language with `recipient`, `actor`, `target`, `url` and `context` in the context.
* `url` is `context["url"]` if given, else `target.get_absolute_url()`; it is made absolute.
* Delivery happens after the surrounding transaction commits, so nothing is sent for work that
  is rolled back. The caller must pass only what every recipient may read.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def absolute_url(path: str) -> str:
    if not path or path.startswith(("http://", "https://")):
        return path
    return settings.PORTAL_BASE_URL.rstrip("/") + path


def _target_url(target, context: dict) -> str:
    if context.get("url"):
        return absolute_url(context["url"])
    if target is not None and hasattr(target, "get_absolute_url"):
        return absolute_url(target.get_absolute_url())
    return ""


def render_for(*, kind: str, recipient, target=None, actor=None, context=None) -> tuple[str, str]:
    """Subject and plain-text body of a notification, in the recipient's language."""
    context = dict(context or {})
    values = {
        "recipient": recipient,
        "actor": actor,
        "target": target,
        "context": context,
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
    }
    with translation.override(recipient.preferred_language or settings.LANGUAGE_CODE):
        values["url"] = _target_url(target, context)
        subject = render_to_string(f"notifications/kinds/{kind}/subject.txt", values)
        body = render_to_string(f"notifications/kinds/{kind}/body.txt", values)
    return " ".join(subject.split()), body.strip() + "\n"


def notify(*, kind: str, recipients: Iterable, target=None, actor=None, context=None) -> None:
    """Tell each active recipient about `kind`; delivered after the transaction commits."""
    people = [user for user in dict.fromkeys(recipients) if user is not None and user.is_active]
    if not people:
        return

    def deliver():
        for recipient in people:
            subject, body = render_for(
                kind=kind, recipient=recipient, target=target, actor=actor, context=context
            )
            send_mail(subject, body, None, [recipient.email])

    transaction.on_commit(deliver)
