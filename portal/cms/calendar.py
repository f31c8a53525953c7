"""iCalendar (RFC 5545) files for events, written with the `icalendar` library."""

from datetime import UTC

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//JCC//地域DX共創ポータル//JA"


def _uid(event) -> str:
    host = settings.PORTAL_BASE_URL.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    return f"event-{event.pk}@{host or 'localhost'}"


def _location(event) -> str:
    parts = [event.venue_name, event.venue_address]
    if event.format != "in_person":
        parts.append(str(event.get_format_display()))
    return " / ".join(part for part in parts if part)


def event_to_ics(*, event, url: str) -> bytes:
    """One VEVENT with times in UTC (valid everywhere without a VTIMEZONE block).

    The online meeting address is left out: only confirmed attendees may see it.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    vevent = Event()
    vevent.add("uid", _uid(event))
    vevent.add("dtstamp", timezone.now().astimezone(UTC))
    vevent.add("dtstart", event.start_at.astimezone(UTC))
    vevent.add("dtend", event.end_at.astimezone(UTC))
    vevent.add("summary", event.title)
    vevent.add("description", f"{event.intro}\n\n{url}")
    location = _location(event)
    if location:
        vevent.add("location", location)
    vevent.add("url", url)
    last_change = event.last_published_at or event.latest_revision_created_at
    if last_change:
        vevent.add("last-modified", last_change.astimezone(UTC))
    calendar.add_component(vevent)
    return calendar.to_ical()
