"""Standard patterns (標準パターン): reference models by crop and industry, built from the cases.

A pattern turns several advanced cases into a model the next town can follow: what it applies to,
the standard system configuration as structured components (drawn as a diagram on the server),
typical costs as ranges, rollout steps, KPIs with what the linked cases achieved, risks, the
subsidies that fit and the startups that offer its components. Verified officials answer a
structured hearing (要望ヒアリング) on a pattern page and can start a support request from it.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.cms.blocks import BaseStreamBlock
from portal.cms.fields import ChoiceSetField
from portal.cms.models.base import EDITOR_ORDER, ListingIndexPage, PortalPage
from portal.cms.models.case_studies import SizeBand
from portal.community.models import MunicipalityKind
from portal.core.categories import DXCategory

APPLIES_TO_SEPARATORS = ",、，;；/／"


def split_applies_to(text: str) -> list[str]:
    """「水稲、麦・大豆」 → ["水稲", "麦・大豆"]: the crops or industries a pattern names."""
    for separator in APPLIES_TO_SEPARATORS[1:]:
        text = (text or "").replace(separator, APPLIES_TO_SEPARATORS[0])
    seen = []
    for part in (text or "").split(APPLIES_TO_SEPARATORS[0]):
        part = part.strip()
        if part and part not in seen:
            seen.append(part)
    return seen


COST_RANGE_INVERTED = _("The lower end of a cost range cannot be above its upper end.")


class PatternDomain(models.TextChoices):
    SMART_AGRICULTURE = "smart_agriculture", _("Smart agriculture")
    TELEWORK = "telework", _("Telework employment")
    WIRELESS = "wireless", _("Advanced wireless")
    PROCEDURES = "procedures", _("Administrative procedures")
    DISASTER = "disaster", _("Disaster prevention")
    OTHER = "other", _("Other")


class NetworkKind(models.TextChoices):
    LPWA = "lpwa", "LPWA"
    LORAWAN = "lorawan", "LoRaWAN"
    LOCAL_5G = "local5g", _("Local 5G")
    LTE = "lte", _("LTE / 4G")
    WIFI = "wifi", "Wi-Fi"
    BWA = "bwa", _("Regional BWA")
    FIBRE = "fibre", _("Optical fibre")
    OTHER = "other", _("Other network")


class ComponentLayer(models.TextChoices):
    """The columns of the configuration diagram, left to right (the order data flows in)."""

    DEVICE = "device", _("Devices and sensors")
    NETWORK = "network", _("Network")
    PLATFORM = "platform", _("Platform")
    APPLICATION = "application", _("Applications and users")


class PatternIndexPage(RoutablePageMixin, ListingIndexPage):
    """/ja/patterns/: the patterns side by side, filtered by domain, crop or industry and network."""

    section = "patterns"
    subpage_types = ["cms.PatternPage"]

    class Meta:
        verbose_name = _("standard pattern index")

    def listing(self, params) -> dict:
        from portal.cms import patterns

        return patterns.pattern_comparison(index=self, params=params)

    @path("feed/", name="feed")
    def feed(self, request):
        from portal.cms.feeds import PatternFeed

        return PatternFeed(self)(request)


class PatternPage(RoutablePageMixin, PortalPage):
    intro = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences shown in listings.")
    )
    domain = models.CharField(
        _("domain"), max_length=24, choices=PatternDomain.choices, db_index=True
    )
    category = models.CharField(
        _("DX area"),
        max_length=32,
        choices=DXCategory.choices,
        help_text=_("Used when a support request is started from this pattern."),
    )
    applies_to = models.CharField(
        _("crops or industries"),
        max_length=200,
        blank=True,
        help_text=_("Separated by commas, e.g. 水稲, 麦・大豆. Empty when it applies to any."),
    )
    municipality_kinds = ChoiceSetField(
        _("kinds of municipality"), choices=MunicipalityKind.choices
    )
    size_bands = ChoiceSetField(_("population bands"), choices=SizeBand.choices)
    networks = ChoiceSetField(_("networks"), choices=NetworkKind.choices)
    problem = models.TextField(_("problem it solves"))
    initial_cost_min = models.PositiveIntegerField(
        _("initial cost from (¥10,000)"), null=True, blank=True
    )
    initial_cost_max = models.PositiveIntegerField(
        _("initial cost up to (¥10,000)"), null=True, blank=True
    )
    yearly_cost_min = models.PositiveIntegerField(
        _("yearly cost from (¥10,000)"), null=True, blank=True
    )
    yearly_cost_max = models.PositiveIntegerField(
        _("yearly cost up to (¥10,000)"), null=True, blank=True
    )
    cost_note = models.CharField(
        _("cost note"),
        max_length=200,
        blank=True,
        help_text=_("What the ranges assume, e.g. 圃場50枚・センサー50台の場合."),
    )
    risks = models.TextField(_("risks"), blank=True)
    lessons = models.TextField(_("lessons learned"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("more about the pattern"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("domain"), FieldPanel("category")]),
                FieldPanel("applies_to"),
                FieldPanel("municipality_kinds"),
                FieldPanel("size_bands"),
                FieldPanel("networks"),
            ],
            heading=_("What it applies to"),
        ),
        FieldPanel("problem"),
        InlinePanel("components", heading=_("Standard system configuration"), label=_("Component")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("initial_cost_min"), FieldPanel("initial_cost_max")]),
                FieldRowPanel([FieldPanel("yearly_cost_min"), FieldPanel("yearly_cost_max")]),
                FieldPanel("cost_note"),
            ],
            heading=_("Typical costs"),
        ),
        InlinePanel("steps", heading=_("Rollout steps"), label=_("Step")),
        InlinePanel("kpis", heading=_("KPIs"), label=_("KPI")),
        FieldPanel("risks"),
        FieldPanel("lessons"),
        MultipleChooserPanel(
            "case_links", chooser_field_name="case", heading=_("Cases"), label=_("Case")
        ),
        MultipleChooserPanel(
            "subsidy_links",
            chooser_field_name="subsidy",
            heading=_("Subsidy programmes"),
            label=_("Subsidy programme"),
        ),
        MultipleChooserPanel(
            "startup_links",
            chooser_field_name="startup",
            heading=_("Startups offering components"),
            label=_("Startup"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("applies_to"),
        index.SearchField("problem"),
        index.SearchField("risks"),
        index.SearchField("lessons"),
        index.SearchField("body"),
        index.FilterField("domain"),
        index.RelatedFields(
            "components", [index.SearchField("name"), index.SearchField("description")]
        ),
    ]

    parent_page_types = ["cms.PatternIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("standard pattern")
        verbose_name_plural = _("standard patterns")

    def clean(self):
        super().clean()
        errors = {}
        for low, high in (
            ("initial_cost_min", "initial_cost_max"),
            ("yearly_cost_min", "yearly_cost_max"),
        ):
            low_value, high_value = getattr(self, low), getattr(self, high)
            if low_value is not None and high_value is not None and low_value > high_value:
                errors[low] = COST_RANGE_INVERTED
        if errors:
            raise ValidationError(errors)

    @property
    def applies_to_list(self) -> list[str]:
        return split_applies_to(self.applies_to)

    def get_context(self, request, *args, **kwargs):
        from portal.cms import patterns

        context = super().get_context(request, *args, **kwargs)
        context.update(patterns.pattern_detail(pattern=self, user=request.user))
        return context

    # Wagtail's routable pages route sub-paths of a page to views; the views live in
    # cms/pattern_views.py and import this module, so they are imported when a route runs.
    @path("request/")
    def start_request(self, request):
        from portal.cms import pattern_views

        return pattern_views.pattern_request_start(request, self)

    @path("hearing/")
    def hearing(self, request):
        from portal.cms import pattern_views

        return pattern_views.pattern_hearing(request, self)

    @path("hearing/<int:response_id>/request/")
    def hearing_request(self, request, response_id):
        from portal.cms import pattern_views

        return pattern_views.pattern_hearing_request(request, self, response_id)


class PatternComponent(Orderable):
    page = ParentalKey(PatternPage, on_delete=models.CASCADE, related_name="components")
    layer = models.CharField(_("layer"), max_length=16, choices=ComponentLayer.choices)
    name = models.CharField(_("component"), max_length=60, help_text=_("e.g. 水位センサー."))
    description = models.CharField(_("what it does"), max_length=200, blank=True)
    data = models.CharField(
        _("data it passes on"),
        max_length=80,
        blank=True,
        help_text=_("What flows to the next layer, e.g. 水位・水温（10分ごと）."),
    )
    operator = models.CharField(
        _("operated by"), max_length=60, blank=True, help_text=_("e.g. 農業者, 市, ベンダー.")
    )

    panels = [
        FieldRowPanel([FieldPanel("layer"), FieldPanel("name")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("data"), FieldPanel("operator")]),
    ]

    class Meta(Orderable.Meta):
        ordering = EDITOR_ORDER
        verbose_name = _("component")
        verbose_name_plural = _("components")

    def __str__(self):
        return self.name


class PatternStep(Orderable):
    page = ParentalKey(PatternPage, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(_("step"), max_length=80)
    duration_weeks = models.PositiveSmallIntegerField(_("duration (weeks)"), null=True, blank=True)
    description = models.CharField(_("description"), max_length=300, blank=True)

    panels = [FieldRowPanel([FieldPanel("title"), FieldPanel("duration_weeks")]), "description"]

    class Meta(Orderable.Meta):
        ordering = EDITOR_ORDER
        verbose_name = _("rollout step")
        verbose_name_plural = _("rollout steps")

    def __str__(self):
        return self.title


class PatternKPI(Orderable):
    page = ParentalKey(PatternPage, on_delete=models.CASCADE, related_name="kpis")
    label = models.CharField(_("indicator"), max_length=80, help_text=_("e.g. 見回り回数."))
    typical_value = models.CharField(
        _("typical value"), max_length=60, help_text=_("What the linked cases achieved.")
    )
    note = models.CharField(_("note"), max_length=120, blank=True)

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("typical_value")]), "note"]

    class Meta(Orderable.Meta):
        ordering = EDITOR_ORDER
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")

    def __str__(self):
        return f"{self.label}: {self.typical_value}"


class PatternCase(Orderable):
    page = ParentalKey(PatternPage, on_delete=models.CASCADE, related_name="case_links")
    case = models.ForeignKey(
        "cms.CaseStudyPage",
        on_delete=models.CASCADE,
        related_name="pattern_links",
        verbose_name=_("case study"),
    )

    panels = [PageChooserPanel("case", "cms.CaseStudyPage")]

    class Meta(Orderable.Meta):
        ordering = EDITOR_ORDER
        verbose_name = _("case implementing the pattern")
        verbose_name_plural = _("cases implementing the pattern")
        constraints = [models.UniqueConstraint(fields=["page", "case"], name="pattern_case_once")]

    def __str__(self):
        return str(self.case_id)


class PatternSubsidy(Orderable):
    page = ParentalKey(PatternPage, on_delete=models.CASCADE, related_name="subsidy_links")
    subsidy = models.ForeignKey(
        "cms.SubsidyProgrammePage",
        on_delete=models.CASCADE,
        related_name="pattern_links",
        verbose_name=_("subsidy programme"),
    )

    panels = [PageChooserPanel("subsidy", "cms.SubsidyProgrammePage")]

    class Meta(Orderable.Meta):
        ordering = EDITOR_ORDER
        verbose_name = _("applicable subsidy programme")
        verbose_name_plural = _("applicable subsidy programmes")

    def __str__(self):
        return str(self.subsidy_id)


class PatternStartup(Orderable):
    page = ParentalKey(PatternPage, on_delete=models.CASCADE, related_name="startup_links")
    startup = models.ForeignKey(
        "startups.Startup",
        on_delete=models.CASCADE,
        related_name="pattern_links",
        verbose_name=_("startup"),
    )
    offering = models.CharField(
        _("what it offers"), max_length=80, blank=True, help_text=_("e.g. 水位センサーと保守.")
    )

    panels = [FieldPanel("startup"), FieldPanel("offering")]

    class Meta(Orderable.Meta):
        ordering = EDITOR_ORDER
        verbose_name = _("startup offering components")
        verbose_name_plural = _("startups offering components")

    def __str__(self):
        return str(self.startup_id)


class HearingTiming(models.TextChoices):
    THIS_YEAR = "this_year", _("This fiscal year")
    NEXT_YEAR = "next_year", _("Next fiscal year")
    LATER = "later", _("In two years or later")
    UNDECIDED = "undecided", _("Not decided")


class PatternHearingResponse(models.Model):
    """One verified official's answer to a pattern's hearing (要望ヒアリング)."""

    pattern = models.ForeignKey(
        PatternPage,
        on_delete=models.CASCADE,
        related_name="hearing_responses",
        verbose_name=_("standard pattern"),
    )
    respondent = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        related_name="pattern_hearing_responses",
        verbose_name=_("respondent"),
    )
    municipality = models.ForeignKey(
        "community.Municipality",
        on_delete=models.PROTECT,
        related_name="pattern_hearing_responses",
        verbose_name=_("municipality"),
    )
    current_situation = models.TextField(
        _("current situation"), help_text=_("How the work is done today and what troubles you.")
    )
    scale = models.CharField(
        _("scale"), max_length=200, help_text=_("e.g. 水田 約300ha、農業者 約120戸.")
    )
    constraints = models.TextField(
        _("constraints"), blank=True, help_text=_("Network coverage, staff, systems, rules.")
    )
    budget = models.CharField(
        _("budget"),
        max_length=200,
        blank=True,
        help_text=_("e.g. 初期 500万円程度、補助金を活用したい."),
    )
    timing = models.CharField(_("timing"), max_length=16, choices=HearingTiming.choices)
    draft_request_id = models.PositiveIntegerField(
        _("draft support request"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("answered at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("hearing answer")
        verbose_name_plural = _("hearing answers")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.pattern_id} / {self.municipality_id}"
