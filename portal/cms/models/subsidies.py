"""Subsidy and support programmes (補助金・支援制度) with a status derived from their dates."""

import datetime
from zoneinfo import ZoneInfo

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.cms.blocks import BaseStreamBlock
from portal.cms.fields import ChoiceSetField
from portal.cms.locales import LocalisedPageQuerySet
from portal.cms.models.base import ListingIndexPage, PortalPage
from portal.core.categories import DXCategory

CLOSING_SOON_DAYS = 14
JAPAN = ZoneInfo("Asia/Tokyo")


class Ministry(models.TextChoices):
    CABINET_OFFICE = "cabinet_office", _("Cabinet Office")
    DIGITAL_AGENCY = "digital_agency", _("Digital Agency")
    MIC = "mic", _("Ministry of Internal Affairs and Communications")
    MAFF = "maff", _("Ministry of Agriculture, Forestry and Fisheries")
    METI = "meti", _("Ministry of Economy, Trade and Industry")
    MLIT = "mlit", _("Ministry of Land, Infrastructure, Transport and Tourism")
    MHLW = "mhlw", _("Ministry of Health, Labour and Welfare")
    MEXT = "mext", _("Ministry of Education, Culture, Sports, Science and Technology")
    ENV = "env", _("Ministry of the Environment")
    PREFECTURE = "prefecture", _("Prefecture")
    OTHER = "other", _("Other")


class EligibleBody(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipalities")
    PREFECTURE = "prefecture", _("Prefectures")
    COMPANY = "company", _("Private companies")
    NONPROFIT = "nonprofit", _("Non-profit organisations")
    CONSORTIUM = "consortium", _("Consortia of municipalities and companies")


class SubsidyStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Not yet open")
    OPEN = "open", _("Open")
    CLOSING_SOON = "closing_soon", _("Closing soon")
    CLOSED = "closed", _("Closed")


def today_in_japan() -> datetime.date:
    """Today's date in Asia/Tokyo (the deadlines are Japanese calendar days)."""
    return timezone.localdate(timezone.now(), timezone=JAPAN)


def subsidy_status(
    *, opens_on: datetime.date | None, closes_on: datetime.date | None, today: datetime.date
) -> SubsidyStatus:
    """Status on `today`. The closing day itself is still open; "closing soon" is the last 14 days
    before it (inclusive)."""
    if opens_on and today < opens_on:
        return SubsidyStatus.UPCOMING
    if closes_on is None:
        return SubsidyStatus.OPEN
    if today > closes_on:
        return SubsidyStatus.CLOSED
    if (closes_on - today).days <= CLOSING_SOON_DAYS:
        return SubsidyStatus.CLOSING_SOON
    return SubsidyStatus.OPEN


class SubsidyProgrammeQuerySet(LocalisedPageQuerySet, PageQuerySet):
    def with_status(self, status: str, *, today: datetime.date | None = None):
        """Programmes whose derived status on `today` (Japan) is `status`."""
        today = today or today_in_japan()
        soon = today + datetime.timedelta(days=CLOSING_SOON_DAYS)
        started = models.Q(opens_on__isnull=True) | models.Q(opens_on__lte=today)
        if status == SubsidyStatus.UPCOMING:
            return self.filter(opens_on__gt=today)
        if status == SubsidyStatus.CLOSED:
            return self.filter(started, closes_on__lt=today)
        if status == SubsidyStatus.CLOSING_SOON:
            return self.filter(started, closes_on__gte=today, closes_on__lte=soon)
        if status == SubsidyStatus.OPEN:
            return self.filter(started).filter(
                models.Q(closes_on__isnull=True) | models.Q(closes_on__gt=soon)
            )
        return self.none()

    def accepting(self, *, today: datetime.date | None = None):
        """Open or closing soon: applications are accepted today."""
        today = today or today_in_japan()
        started = models.Q(opens_on__isnull=True) | models.Q(opens_on__lte=today)
        return self.filter(started).filter(
            models.Q(closes_on__isnull=True) | models.Q(closes_on__gte=today)
        )

    def by_deadline(self, *, today: datetime.date | None = None):
        """Deadline soonest first, as the listing says: programmes accepting applications by
        closing day, then those not open yet, then those without a deadline, closed ones last
        (the most recently closed first)."""
        today = today or today_in_japan()
        closed = models.Q(closes_on__lt=today)
        upcoming = models.Q(opens_on__gt=today)
        group = models.Case(
            models.When(closed, then=3),
            models.When(upcoming, then=1),
            models.When(closes_on__isnull=True, then=2),
            default=0,
            output_field=models.IntegerField(),
        )
        return self.annotate(deadline_group=group).order_by(
            "deadline_group",
            models.Case(models.When(closed, then=None), default=models.F("closes_on")).asc(
                nulls_last=True
            ),
            models.F("closes_on").desc(nulls_last=True),
            "title",
        )

    def targeting(self, category: str):
        return self.filter(**ChoiceSetField.contains_lookup("target_areas", category))

    def for_body(self, body: str):
        return self.filter(**ChoiceSetField.contains_lookup("eligible_bodies", body))


SubsidyProgrammeManager = PageManager.from_queryset(SubsidyProgrammeQuerySet)


class SubsidyProgrammeIndexPage(ListingIndexPage):
    section = "subsidies"
    subpage_types = ["cms.SubsidyProgrammePage"]

    class Meta:
        verbose_name = _("subsidy programme index")

    def listing(self, params) -> dict:
        from portal.cms import selectors

        return selectors.subsidy_listing(index=self, params=params)


class SubsidyProgrammePage(PortalPage):
    """A national or prefectural programme that funds municipal DX."""

    intro = models.CharField(_("summary"), max_length=300, help_text=_("One or two sentences."))
    ministry = models.CharField(
        _("ministry or agency"), max_length=32, choices=Ministry.choices, db_index=True
    )
    window = models.CharField(
        _("contact window"),
        max_length=200,
        blank=True,
        help_text=_(
            "The office that answers questions, e.g. 総務省 情報流通行政局 地域通信振興課."
        ),
    )
    max_amount_yen = models.PositiveBigIntegerField(
        _("maximum amount (yen)"),
        null=True,
        blank=True,
        help_text=_("Per applicant; leave empty if not fixed."),
    )
    amount_note = models.CharField(
        _("amount note"), max_length=200, blank=True, help_text=_("e.g. 1団体あたり、事業費の上限.")
    )
    subsidy_rate = models.CharField(
        _("subsidy rate"), max_length=60, blank=True, help_text=_("e.g. 1/2, 2/3, 定額.")
    )
    eligible_bodies = ChoiceSetField(
        _("eligible bodies"), choices=EligibleBody.choices, blank=False
    )
    eligibility_note = models.TextField(_("eligibility details"), blank=True, max_length=2000)
    target_areas = ChoiceSetField(_("target areas"), choices=DXCategory.choices, blank=False)
    opens_on = models.DateField(
        _("applications open on"),
        null=True,
        blank=True,
        help_text=_("Japan time; empty if open now."),
    )
    closes_on = models.DateField(
        _("applications close on"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("The last day applications are accepted (Japan time); empty if rolling."),
    )
    official_url = models.URLField(
        _("official page"), help_text=_("The programme's official page.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("details"), blank=True)

    objects = SubsidyProgrammeManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("ministry"), FieldPanel("window"), FieldPanel("official_url")],
            heading=_("Who runs it"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("max_amount_yen"), FieldPanel("subsidy_rate")]),
                FieldPanel("amount_note"),
            ],
            heading=_("Money"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("eligible_bodies"),
                FieldPanel("eligibility_note"),
                FieldPanel("target_areas"),
            ],
            heading=_("Who and what it funds"),
        ),
        FieldRowPanel(
            [FieldPanel("opens_on"), FieldPanel("closes_on")], heading=_("Application period")
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("window"),
        index.SearchField("eligibility_note"),
        index.SearchField("body"),
        index.FilterField("ministry"),
        index.FilterField("closes_on"),
    ]

    parent_page_types = ["cms.SubsidyProgrammeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("subsidy programme")
        verbose_name_plural = _("subsidy programmes")

    @property
    def status(self) -> SubsidyStatus:
        return subsidy_status(
            opens_on=self.opens_on, closes_on=self.closes_on, today=today_in_japan()
        )

    @property
    def days_left(self) -> int | None:
        if self.closes_on is None:
            return None
        return (self.closes_on - today_in_japan()).days

    def get_target_area_labels(self) -> list[str]:
        return [
            DXCategory(value).label for value in self.target_areas if value in DXCategory.values
        ]

    def get_eligible_body_labels(self) -> list[str]:
        return [
            EligibleBody(value).label
            for value in self.eligible_bodies
            if value in EligibleBody.values
        ]

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError(
                {"closes_on": _("The closing day must not be before the opening day.")}
            )
