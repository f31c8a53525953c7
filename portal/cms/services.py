"""Writes of the CMS: event registrations and case-study drafts.

Event registration rules (all under a row lock on the event, so that concurrent requests never
confirm more people than the event has seats):

* registering when a seat is free confirms; when the event is full it puts the person on the
  waiting list, in the order they registered;
* cancelling a confirmed place moves the first people on the waiting list up into the seats that
  are free, and tells them;
* registering again after cancelling puts the person at the back of the queue.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.cms.locales import originals
from portal.cms.models import (
    CaseStudyIndexPage,
    CaseStudyMunicipality,
    CaseStudyPage,
    EventPage,
    EventRegistration,
    PatternPage,
    RegistrationStatus,
    split_applies_to,
)
from portal.notifications.services import notify

REGISTRATION_CLOSED = _("Registration for this event is closed.")
ALREADY_REGISTERED = _("You are already registered for this event.")
NOT_REGISTERED = _("You are not registered for this event.")
EVENT_OVER = _("This event has already started.")


def _locked_event(event: EventPage) -> EventPage:
    """The event row, locked until the transaction ends (a no-op lock on SQLite, which
    serialises writers itself)."""
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)


def _confirmed_count(event: EventPage) -> int:
    return EventRegistration.objects.filter(
        event=event, status=RegistrationStatus.CONFIRMED
    ).count()


def _has_free_seat(event: EventPage) -> bool:
    return event.capacity is None or _confirmed_count(event) < event.capacity


def _event_url(event: EventPage) -> str:
    return event.get_url() or ""


def _event_context(event: EventPage) -> dict:
    """What the event notifications show (every recipient may read the public event page)."""
    return {
        "url": _event_url(event),
        "event_title": event.title,
        "event_date": event.start_at,
        "venue": event.venue_name or str(event.get_format_display()),
    }


@transaction.atomic
def event_register(*, event: EventPage, user) -> EventRegistration:
    """Register `user` for `event`: confirmed if a seat is free, else on the waiting list.

    Raises ValidationError when registration is closed or the user already holds a place.
    """
    event = _locked_event(event)
    if not event.accepts_registrations:
        raise ValidationError(REGISTRATION_CLOSED, code="closed")
    registration = EventRegistration.objects.filter(event=event, user=user).first()
    if registration and registration.status != RegistrationStatus.CANCELLED:
        raise ValidationError(ALREADY_REGISTERED, code="duplicate")
    registration = registration or EventRegistration(event=event, user=user)
    registration.status = (
        RegistrationStatus.CONFIRMED if _has_free_seat(event) else RegistrationStatus.WAITLISTED
    )
    registration.registered_at = timezone.now()
    registration.cancelled_at = None
    registration.promoted_at = None
    registration.full_clean()
    registration.save()
    if registration.status == RegistrationStatus.CONFIRMED:
        notify(
            kind="event_registration_confirmed",
            recipients=[user],
            target=event,
            context=_event_context(event),
        )
    return registration


@transaction.atomic
def event_registration_cancel(*, event: EventPage, user) -> EventRegistration:
    """Cancel `user`'s place (confirmed or waiting) and move people up into freed seats."""
    event = _locked_event(event)
    registration = (
        EventRegistration.objects.select_for_update()
        .filter(event=event, user=user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .first()
    )
    if registration is None:
        raise ValidationError(NOT_REGISTERED, code="not_registered")
    if event.start_at <= timezone.now():
        raise ValidationError(EVENT_OVER, code="started")
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at", "updated_at"])
    event_waitlist_promote(event=event)
    return registration


@transaction.atomic
def event_waitlist_promote(*, event: EventPage) -> list[EventRegistration]:
    """Move people from the waiting list into free seats, first come first served.

    Called after a cancellation and after an editor raises the capacity.
    """
    event = _locked_event(event)
    if event.start_at <= timezone.now():
        return []
    waiting = (
        EventRegistration.objects.select_for_update(of=("self",))
        .filter(event=event, status=RegistrationStatus.WAITLISTED)
        .select_related("user")
        .order_by("registered_at", "pk")
    )
    if event.capacity is not None:
        waiting = waiting[: max(event.capacity - _confirmed_count(event), 0)]
    promoted = list(waiting)
    now = timezone.now()
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at", "updated_at"])
        notify(
            kind="event_waitlist_promoted",
            recipients=[registration.user],
            target=event,
            context=_event_context(event),
        )
    return promoted


# --- Case studies -------------------------------------------------------------------------------


def case_study_adoption_initial(*, case: CaseStudyPage) -> dict:
    """Initial values for a support request drafted from `case` (「この事例を導入したい」).

    The support request form (community app) prefills itself from this and stores
    `case.pk` as the linked case study.
    """
    lines = [
        str(_("We would like to adopt the advanced case “%(title)s”.") % {"title": case.title}),
        "",
        str(_("Challenge in the original case:")),
        case.challenge,
        "",
        str(_("Solution in the original case:")),
        case.solution,
    ]
    return {
        "title": str(_("Adopting: %(title)s") % {"title": case.title})[:200],
        "summary": case.intro,
        "body": "\n".join(lines),
        "category": case.category,
        "tags": [tag.name for tag in case.tags.all()],
        "case_study_id": case.pk,
        "subsidy_id": case.subsidy_used_id,
    }


def known_crop_or_industry(*, words) -> str:
    """The first of `words` (e.g. a request's tags) that case studies already use as their
    crop or industry, or that a standard pattern applies to, so a new case joins the same
    filter value; "" when none does."""
    words = [word for word in words if word]
    if not words:
        return ""
    known = set(
        originals(CaseStudyPage.objects.filter(crop_or_industry__in=words)).values_list(
            "crop_or_industry", flat=True
        )
    )
    for applies_to in PatternPage.objects.exclude(applies_to="").values_list(
        "applies_to", flat=True
    ):
        known.update(split_applies_to(applies_to))
    return next((word for word in words if word in known), "")


@transaction.atomic
def case_study_create_draft(
    *,
    index: CaseStudyIndexPage,
    author,
    title: str,
    intro: str,
    category: str,
    challenge: str,
    solution: str,
    results: str,
    municipality_codes: list[str],
    contract_route: str = "",
    lessons: str = "",
    source_request_id: int | None = None,
    tags: list[str] = (),
    crop_or_industry: str = "",
    municipality_kind: str = "",
    size_band: str = "",
    submit_for_moderation: bool = True,
) -> CaseStudyPage:
    """Create an unpublished case study under `index` and, by default, submit it to the
    moderation workflow so that a moderator reviews and publishes it.

    Used by "turn a completed support request into a case study" (the caller maps the
    request's outcome, tags and municipality to these arguments and passes the request's id),
    so that the library's filters find the draft before a moderator edits it.
    """
    page = CaseStudyPage(
        title=title[:255],
        intro=intro[:300],
        category=category,
        challenge=challenge,
        solution=solution,
        results=results,
        contract_route=contract_route,
        lessons=lessons,
        source_request_id=source_request_id,
        crop_or_industry=crop_or_industry[:60],
        municipality_kind=municipality_kind,
        size_band=size_band,
        live=False,
        owner=author,
    )
    for tag in dict.fromkeys(tags):
        page.tags.add(tag)
    page.case_municipalities = [
        CaseStudyMunicipality(municipality_id=code) for code in dict.fromkeys(municipality_codes)
    ]
    index.add_child(instance=page)
    page.save_revision(user=author, log_action=True)
    workflow = page.get_workflow()
    if submit_for_moderation and workflow is not None:
        workflow.start(page, author)
    return page
