"""Decoupled reactions to Wagtail events."""

from django.db import transaction


def promote_waitlist_on_publish(sender, instance, **kwargs):
    """Publishing an event (e.g. with a larger capacity) moves people up from the waiting list.

    Connected to `page_published`, which fires for direct, workflow and scheduled publishing.
    """
    from portal.cms.services import event_waitlist_promote

    transaction.on_commit(lambda: event_waitlist_promote(event=instance))


def connect():
    from wagtail.signals import page_published

    from portal.cms.models import EventPage

    page_published.connect(
        promote_waitlist_on_publish, sender=EventPage, dispatch_uid="cms_event_waitlist"
    )
