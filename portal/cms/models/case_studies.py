"""Advanced cases (先進事例): structured so that other municipalities can find and adopt them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
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
from portal.cms.models.base import EDITOR_ORDER, ListingIndexPage, PortalPage
from portal.community.models import MunicipalityKind
from portal.core.categories import ContractRoute, DXCategory


class SizeBand(models.TextChoices):
    """Population of the municipality (or the largest one, for a joint project)."""

    UNDER_10K = "under_10k", _("Under 10,000 residents")
    FROM_10K = "10k_50k", _("10,000–50,000 residents")
    FROM_50K = "50k_100k", _("50,000–100,000 residents")
    FROM_100K = "100k_300k", _("100,000–300,000 residents")
    FROM_300K = "300k_plus", _("300,000 residents or more")


# Each band's lowest population, largest first: the boundaries the labels above state.
SIZE_BAND_FLOORS = (
    (300_000, SizeBand.FROM_300K),
    (100_000, SizeBand.FROM_100K),
    (50_000, SizeBand.FROM_50K),
    (10_000, SizeBand.FROM_10K),
    (1, SizeBand.UNDER_10K),
)


def size_band_for_population(population: int | None) -> str:
    """The band of `population` residents; "" when the figure is unknown."""
    if not population:
        return ""
    return next(band for floor, band in SIZE_BAND_FLOORS if population >= floor)


class CostBand(models.TextChoices):
    UNDER_1M = "under_1m", _("Under ¥1 million")
    FROM_1M = "1m_5m", _("¥1–5 million")
    FROM_5M = "5m_10m", _("¥5–10 million")
    FROM_10M = "10m_50m", _("¥10–50 million")
    OVER_50M = "50m_plus", _("¥50 million or more")


class CaseStudyIndexPage(RoutablePageMixin, ListingIndexPage):
    """Lists the case studies with filters for every structured field."""

    section = "cases"
    subpage_types = ["cms.CaseStudyPage"]

    class Meta:
        verbose_name = _("case study index")

    def listing(self, params) -> dict:
        from portal.cms import selectors

        return selectors.case_study_listing(index=self, params=params)

    @path("feed/", name="feed")
    def feed(self, request):
        from portal.cms.feeds import CaseStudyFeed

        return CaseStudyFeed(self)(request)


class CaseStudyTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.CaseStudyPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CaseStudyPage(PortalPage):
    """One advanced case: who did what, with which partners and money, and what it achieved."""

    intro = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences shown in listings.")
    )
    category = models.CharField(
        _("DX area"), max_length=32, choices=DXCategory.choices, db_index=True
    )
    tags = ClusterTaggableManager(
        through=CaseStudyTag,
        blank=True,
        verbose_name=_("technology tags"),
        help_text=_("Technologies used, e.g. LPWA, ローカル5G, RPA, 電子申請."),
    )
    crop_or_industry = models.CharField(
        _("crop or industry"),
        max_length=60,
        blank=True,
        db_index=True,
        help_text=_("For smart agriculture and industry cases, e.g. 水稲, いちご, 畜産, 製造業."),
    )
    municipality_kind = models.CharField(
        _("kind of municipality"),
        max_length=16,
        choices=MunicipalityKind.choices,
        blank=True,
        db_index=True,
    )
    size_band = models.CharField(
        _("population band"), max_length=16, choices=SizeBand.choices, blank=True, db_index=True
    )
    challenge = models.TextField(_("challenge"), help_text=_("The problem the municipality had."))
    solution = models.TextField(_("solution"), help_text=_("What was introduced and how."))
    results = models.TextField(
        _("results"), help_text=_("What changed; the key figures go in the KPI list below.")
    )
    cost = models.CharField(
        _("cost"),
        max_length=200,
        blank=True,
        help_text=_("In words, e.g. 初期費用 約300万円、運用費 年額 約60万円."),
    )
    cost_band = models.CharField(
        _("cost band"), max_length=16, choices=CostBand.choices, blank=True, db_index=True
    )
    subsidy_used = models.ForeignKey(
        "cms.SubsidyProgrammePage",
        verbose_name=_("subsidy used"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_studies",
    )
    contract_route = models.CharField(
        _("contract route"), max_length=16, choices=ContractRoute.choices, blank=True, db_index=True
    )
    lessons = models.TextField(
        _("lessons learned"), blank=True, help_text=_("Advice for the next municipality.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("story"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured = models.BooleanField(_("featured on the home page"), default=False, db_index=True)
    source_request_id = models.PositiveIntegerField(
        _("from support request"),
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text=_("The completed support request this case was drafted from."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("category"),
                FieldPanel("tags"),
                FieldPanel("crop_or_industry"),
                FieldRowPanel([FieldPanel("municipality_kind"), FieldPanel("size_band")]),
            ],
            heading=_("Classification"),
        ),
        MultipleChooserPanel(
            "case_municipalities",
            chooser_field_name="municipality",
            heading=_("Municipalities"),
            label=_("Municipality"),
            min_num=1,
        ),
        FieldPanel("challenge"),
        FieldPanel("solution"),
        FieldPanel("results"),
        InlinePanel("kpis", heading=_("Results and KPIs"), label=_("KPI")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("cost"), FieldPanel("cost_band")]),
                PageChooserPanel("subsidy_used", "cms.SubsidyProgrammePage"),
                FieldPanel("contract_route"),
            ],
            heading=_("Money and contract"),
        ),
        MultipleChooserPanel(
            "partner_links",
            chooser_field_name="startup",
            heading=_("Partner startups"),
            label=_("Partner"),
        ),
        FieldPanel("lessons"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("featured"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("challenge"),
        index.SearchField("solution"),
        index.SearchField("results"),
        index.SearchField("lessons"),
        index.SearchField("crop_or_industry"),
        index.SearchField("body"),
        index.FilterField("category"),
        index.FilterField("municipality_kind"),
        index.FilterField("size_band"),
        index.FilterField("contract_route"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields(
            "case_municipalities",
            [index.RelatedFields("municipality", [index.SearchField("name")])],
        ),
    ]

    parent_page_types = ["cms.CaseStudyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    def get_context(self, request, *args, **kwargs):
        from portal.cms.patterns import patterns_of_case

        context = super().get_context(request, *args, **kwargs)
        context["standard_patterns"] = patterns_of_case(self)
        return context

    @property
    def municipalities(self) -> list:
        return [link.municipality for link in self.case_municipalities.all()]

    @property
    def partners(self) -> list:
        return [link.startup for link in self.partner_links.all()]


class CaseStudyMunicipality(Orderable):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="case_municipalities")
    municipality = models.ForeignKey(
        "community.Municipality",
        on_delete=models.PROTECT,
        related_name="case_study_links",
        verbose_name=_("municipality"),
    )

    panels = [FieldPanel("municipality")]

    class Meta(Orderable.Meta):
        ordering = EDITOR_ORDER
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return str(self.municipality_id)


class CaseStudyPartner(Orderable):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="partner_links")
    startup = models.ForeignKey(
        "startups.Startup",
        on_delete=models.CASCADE,
        related_name="case_study_links",
        verbose_name=_("startup"),
    )
    role = models.CharField(
        _("role in the project"), max_length=80, blank=True, help_text=_("e.g. システム開発.")
    )

    panels = [FieldPanel("startup"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        ordering = EDITOR_ORDER
        verbose_name = _("partner startup")
        verbose_name_plural = _("partner startups")

    def __str__(self):
        return str(self.startup_id)


class CaseStudyKPI(Orderable):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="kpis")
    label = models.CharField(_("indicator"), max_length=80, help_text=_("e.g. オンライン申請率."))
    value = models.CharField(_("value"), max_length=40, help_text=_("e.g. 62%, 年間1,200時間削減."))
    note = models.CharField(_("note"), max_length=120, blank=True)

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("value")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        ordering = EDITOR_ORDER
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")

    def __str__(self):
        return f"{self.label}: {self.value}"
