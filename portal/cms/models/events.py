"""Events (summits, field visits, seminars) and the registrations for them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.cms.blocks import BaseStreamBlock
from portal.cms.locales import LocalisedPageQuerySet
from portal.cms.models.base import ListingIndexPage, PortalPage
from portal.core.models import TimeStampedModel


class EventKind(models.TextChoices):
    SUMMIT = "summit", _("Summit")
    FIELD_VISIT = "field_visit", _("Field visit")
    SEMINAR = "seminar", _("Seminar")


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


class EventQuerySet(LocalisedPageQuerySet, PageQuerySet):
    def upcoming(self):
        """Events that have not ended yet, soonest first."""
        return self.filter(end_at__gte=timezone.now()).order_by("start_at", "pk")

    def past(self):
        return self.filter(end_at__lt=timezone.now()).order_by("-start_at", "-pk")


EventManager = PageManager.from_queryset(EventQuerySet)


class EventIndexPage(RoutablePageMixin, ListingIndexPage):
    section = "events"
    subpage_types = ["cms.EventPage"]

    class Meta:
        verbose_name = _("event index")

    def listing(self, params) -> dict:
        from portal.cms import selectors

        return selectors.event_listing(index=self, params=params)

    @path("feed/", name="feed")
    def feed(self, request):
        from portal.cms.feeds import EventFeed

        return EventFeed(self)(request)


class EventPage(RoutablePageMixin, PortalPage):
    """One event. Signed-in users register; when it is full they join the waiting list."""

    kind = models.CharField(_("kind"), max_length=16, choices=EventKind.choices, db_index=True)
    intro = models.CharField(_("summary"), max_length=300, help_text=_("One or two sentences."))
    start_at = models.DateTimeField(_("starts at"), db_index=True, help_text=_("Japan time."))
    end_at = models.DateTimeField(_("ends at"), db_index=True, help_text=_("Japan time."))
    format = models.CharField(
        _("format"), max_length=16, choices=EventFormat.choices, default=EventFormat.IN_PERSON
    )
    venue_name = models.CharField(_("venue"), max_length=120, blank=True)
    venue_address = models.CharField(_("venue address"), max_length=200, blank=True)
    online_url = models.URLField(
        _("online meeting address"),
        blank=True,
        help_text=_("Shown only to people whose registration is confirmed."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Seats; leave empty for no limit.")
    )
    registration_open = models.BooleanField(_("registration open"), default=True)
    registration_closes_at = models.DateTimeField(
        _("registration closes at"),
        null=True,
        blank=True,
        help_text=_("Japan time; if empty, registration closes when the event starts."),
    )
    organiser = models.ForeignKey(
        "cms.CommunityGroupPage",
        verbose_name=_("organising group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("programme"), blank=True)
    report_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The report of the event, attached after it has ended."),
    )

    objects = EventManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("start_at"), FieldPanel("end_at")], heading=_("Date and time")),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("online_url"),
            ],
            heading=_("Place"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldPanel("registration_open"),
                FieldPanel("registration_closes_at"),
            ],
            heading=_("Registration"),
        ),
        PageChooserPanel("organiser", "cms.CommunityGroupPage"),
        FieldPanel("body"),
        FieldPanel("report_document"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("venue_name"),
        index.SearchField("venue_address"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("start_at"),
    ]

    parent_page_types = ["cms.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_at and self.end_at and self.end_at <= self.start_at:
            errors["end_at"] = _("The end must be after the start.")
        if self.format != EventFormat.ONLINE and not self.venue_name:
            errors["venue_name"] = _("Give the venue of an in-person event.")
        if self.format != EventFormat.IN_PERSON and not self.online_url:
            errors["online_url"] = _("Give the meeting address of an online event.")
        if self.report_document_id and self.end_at and self.end_at > timezone.now():
            errors["report_document"] = _("Attach the report after the event has ended.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from portal.cms import selectors
        from portal.cms.locales import original_of

        context = super().get_context(request, *args, **kwargs)
        event = original_of(self)  # registrations belong to the Japanese original
        context["registration"] = selectors.event_registration_of(event=event, user=request.user)
        context["seats"] = selectors.event_seat_counts(event=event)
        return context

    @property
    def has_ended(self) -> bool:
        return self.end_at < timezone.now()

    @property
    def registration_deadline(self):
        return self.registration_closes_at or self.start_at

    @property
    def accepts_registrations(self) -> bool:
        return self.registration_open and timezone.now() < self.registration_deadline

    @path("register/", name="register")
    def register(self, request):
        from portal.cms.views import event_register

        return event_register(request, self)

    @path("cancel/", name="cancel")
    def cancel(self, request):
        from portal.cms.views import event_cancel

        return event_cancel(request, self)

    @path("attendees/", name="attendees")
    def attendees(self, request):
        from portal.cms.views import event_attendees

        return event_attendees(request, self)

    @path("attendees/csv/", name="attendees_csv")
    def attendees_csv(self, request):
        from portal.cms.views import event_attendees_csv

        return event_attendees_csv(request, self)

    @path("calendar/", name="ics")
    def ics(self, request):
        from portal.cms.views import event_ics

        return event_ics(request, self)


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Seat confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class EventRegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("registered_at", "pk")

    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)


class EventRegistration(TimeStampedModel):
    """One person's place at an event. The waiting list is ordered by `registered_at`."""

    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="event_registrations",
        verbose_name=_("user"),
    )
    status = models.CharField(
        _("registration status"), max_length=16, choices=RegistrationStatus.choices
    )
    registered_at = models.DateTimeField(_("registered at"), default=timezone.now)
    promoted_at = models.DateTimeField(
        _("moved up from the waiting list at"), null=True, blank=True
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    objects = EventRegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        ordering = ["registered_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="event_registration_unique_user")
        ]
        indexes = [models.Index(fields=["event", "status", "registered_at"])]

    def __str__(self):
        return f"{self.user} @ {self.event_id} ({self.status})"
