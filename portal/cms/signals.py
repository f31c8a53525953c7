"""Decoupled reactions to Wagtail events.

`page_published` fires for the Japanese original, again for each of its aliases (``alias=True``,
when Wagtail copies the new content into them) and for an English translation when that is
published. Reactions that concern the page as a thing in the world (its event's waiting list)
run for the original only, so that nothing happens twice; search indexing is per row and
indexes each copy in its own language.
"""

from django.db import transaction


def _is_original_publish(instance, kwargs) -> bool:
    from portal.cms.locales import default_language

    return not kwargs.get("alias") and instance.locale.language_code == default_language()


def promote_waitlist_on_publish(sender, instance, **kwargs):
    """Publishing an event (e.g. with a larger capacity) moves people up from the waiting list.

    Connected to `page_published`, which fires for direct, workflow and scheduled publishing.
    Registrations belong to the Japanese original, so only its publishing promotes.
    """
    from portal.cms.services import event_waitlist_promote

    if not _is_original_publish(instance, kwargs):
        return
    transaction.on_commit(lambda: event_waitlist_promote(event=instance))


def alias_on_first_publish(sender, instance, **kwargs):
    """A Japanese page made in code (not in the admin, where Wagtail aliases it itself) gets its
    English alias when published, so /en/ lists and serves it before anyone translates it."""
    from portal.cms.translation import page_aliases_create

    if _is_original_publish(instance, kwargs) and instance.alias_of_id is None:
        page_aliases_create(page=instance)


def connect():
    from wagtail.signals import page_published

    from portal.cms.models import EventPage

    page_published.connect(
        promote_waitlist_on_publish, sender=EventPage, dispatch_uid="cms_event_waitlist"
    )
    page_published.connect(alias_on_first_publish, dispatch_uid="cms_alias_on_first_publish")
