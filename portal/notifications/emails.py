"""Email messages for notifications and digests, and sending each of them at most once.

Every email is plain text with an HTML alternative, in the recipient's language, with absolute
links that work on their own (officials often read mail on restricted networks), and RFC 8058
one-click unsubscribe headers.
"""

from collections.abc import Callable
from itertools import groupby

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from portal.notifications import tokens
from portal.notifications.kinds import all_kinds, get_kind
from portal.notifications.models import EmailDelivery
from portal.notifications.rendering import one_line, recipient_language, render_text


def _message(*, recipient, subject: str, text: str, html: str, unsubscribe: str):
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def _footer_values(*, recipient, scope: str) -> dict:
    return {
        "recipient": recipient,
        "unsubscribe_url": tokens.unsubscribe_url(user=recipient, scope=scope),
        "preferences_url": tokens.preferences_url(user=recipient),
        "centre_url": tokens.centre_url(user=recipient),
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
    }


def notification_email(notification) -> EmailMultiAlternatives:
    """The immediate email for one notification (texts were rendered when it was created)."""
    recipient = notification.recipient
    values = {
        **_footer_values(recipient=recipient, scope=notification.kind),
        "notification": notification,
        "kind": get_kind(notification.kind),
    }
    with translation.override(recipient_language(recipient)):
        values["LANGUAGE_CODE"] = translation.get_language()
        text = render_text("notifications/email/notification.txt", values)
        html = render_to_string("notifications/email/notification.html", values)
    return _message(
        recipient=recipient,
        subject=notification.title,
        text=text,
        html=html,
        unsubscribe=values["unsubscribe_url"],
    )


def _digest_sections(notifications) -> list[dict]:
    """Notifications grouped under their kind's group heading, groups in registry order."""
    order = {}
    for kind in all_kinds():
        order.setdefault(str(kind.group), len(order))

    def group_of(notification):
        return str(get_kind(notification.kind).group)

    def position(notification):
        return order.get(group_of(notification), len(order))

    ordered = sorted(notifications, key=position)
    return [
        {"heading": heading, "items": sorted(items, key=lambda n: n.last_event_at, reverse=True)}
        for heading, items in groupby(ordered, key=group_of)
    ]


def digest_email(*, recipient, notifications) -> EmailMultiAlternatives:
    values = {
        **_footer_values(recipient=recipient, scope=tokens.DIGEST_SCOPE),
        "total": len(notifications),
    }
    with translation.override(recipient_language(recipient)):
        values["LANGUAGE_CODE"] = translation.get_language()
        values["sections"] = _digest_sections(notifications)
        subject = one_line(render_text("notifications/email/digest_subject.txt", values), 300)
        text = render_text("notifications/email/digest.txt", values)
        html = render_to_string("notifications/email/digest.html", values)
    return _message(
        recipient=recipient,
        subject=subject,
        text=text,
        html=html,
        unsubscribe=values["unsubscribe_url"],
    )


def send_once(*, key: str, recipient, kind: str, build: Callable[[], EmailMultiAlternatives]):
    """Send the email `build()` returns unless one was already sent under `key`.

    The delivery row is claimed (row-locked on PostgreSQL; SQLite serialises writers) and marked
    sent in one transaction, so a retried or concurrent task sends nothing twice; if sending
    raises, the transaction rolls back and a retry sends it. Returns True when this call sent it.
    """
    with transaction.atomic():
        delivery, _created = EmailDelivery.objects.select_for_update().get_or_create(
            key=key, defaults={"recipient": recipient, "kind": kind}
        )
        if delivery.sent_at is not None:
            return False
        message = build()
        message.send()
        delivery.subject = message.subject[:300]
        delivery.sent_at = timezone.now()
        delivery.save(update_fields=["subject", "sent_at"])
    return True
