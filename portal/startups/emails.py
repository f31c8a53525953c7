"""Email to people who have no account yet (everyone else is reached through `notify`)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from portal.notifications.services import absolute_url


def send_invitation(*, invitation) -> None:
    """Invitation to join a startup, in Japanese with an English part (language unknown)."""
    context = {
        "invitation": invitation,
        "startup": invitation.startup,
        "inviter": invitation.invited_by,
        "url": absolute_url(invitation.get_absolute_url()),
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
    }
    with translation.override("ja"):
        subject = render_to_string("startups/email/invitation_subject.txt", context)
        body = render_to_string("startups/email/invitation_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, [invitation.email])
