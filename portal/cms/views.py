"""Thin views: event registration actions (routes of EventPage), iCalendar, CSV and robots.txt.

The event views receive the live, public EventPage that Wagtail routed to, so no object is
looked up by a user-supplied id here. Registrations belong to the Japanese original of an event
(`locales.original_of`): a seat booked on the English page is the same seat, counted once.
"""

import csv

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from portal.accounts.permissions import NOT_MODERATOR
from portal.cms import calendar, selectors, services
from portal.cms.locales import original_of
from portal.cms.models import RegistrationStatus
from portal.core.csv import csv_cell

REGISTERED = gettext_lazy("You are registered. A confirmation has been sent by email.")
WAITLISTED = gettext_lazy(
    "The event is full: you are on the waiting list. We email you if a seat frees up."
)
CANCELLED = gettext_lazy("Your registration has been cancelled.")


def _require_login(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None


def _require_moderator(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.is_moderator:
        raise PermissionDenied(NOT_MODERATOR)
    return None


def event_register(request, event):
    """POST: register the signed-in user (GET shows the event page)."""
    if request.method != "POST":
        return redirect(event.url)
    if denied := _require_login(request):
        return denied
    try:
        registration = services.event_register(event=original_of(event), user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(event.url)
    if registration.status == RegistrationStatus.CONFIRMED:
        messages.success(request, REGISTERED)
    else:
        messages.info(request, WAITLISTED)
    return redirect(event.url)


def event_cancel(request, event):
    """GET: ask for confirmation; POST: cancel the signed-in user's place."""
    if denied := _require_login(request):
        return denied
    original = original_of(event)
    registration = selectors.event_registration_of(event=original, user=request.user)
    if request.method != "POST":
        context = {"page": event, "self": event, "registration": registration}
        return TemplateResponse(request, "cms/event_cancel.html", context)
    try:
        services.event_registration_cancel(event=original, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(event.url)
    messages.success(request, CANCELLED)
    return redirect(event.url)


def event_attendees(request, event):
    if denied := _require_moderator(request):
        return denied
    original = original_of(event)
    attendees = list(selectors.event_attendees(event=original))
    for row in attendees:
        row.affiliation = selectors.user_affiliation(row.user)
    context = {
        "page": event,
        "self": event,
        "attendees": attendees,
        "seats": selectors.event_seat_counts(event=original),
    }
    return TemplateResponse(request, "cms/event_attendees.html", context)


def event_attendees_csv(request, event):
    if denied := _require_moderator(request):
        return denied
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}-attendees.csv"'
    response.write("\ufeff")  # BOM: spreadsheet software in Japan then reads UTF-8 correctly.
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Full name"),
            _("Email address"),
            _("Affiliation"),
            _("Registration status"),
            _("Registered at (Japan time)"),
        ]
    )
    for row in selectors.event_attendees(event=original_of(event)):
        writer.writerow(
            [
                csv_cell(row.user.display_name),
                csv_cell(row.user.email),
                csv_cell(selectors.user_affiliation(row.user)),
                row.get_status_display(),
                timezone.localtime(row.registered_at).strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return response


def event_ics(request, event):
    response = HttpResponse(
        calendar.event_to_ics(event=event, url=request.build_absolute_uri(event.url)),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    """Crawlers may read the public site; accounts, admin and per-user pages are off limits."""
    disallowed = ["/admin/", "/django-admin/"]
    for code, _name in settings.LANGUAGES:
        disallowed += [f"/{code}/accounts/", f"/{code}/onboarding/", f"/{code}/notifications/"]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallowed)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
