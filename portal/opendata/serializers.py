"""What each open dataset publishes: the public fields only, with labels in Japanese and English.

Every object has a stable `id`, the absolute `url` of its page and `updated_at`. Related objects
are included only when a visitor could read them (the querysets in ``selectors`` prefetch them
through the same visibility rules as the pages).
"""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from portal.cms.models import (
    ComponentLayer,
    CostBand,
    EligibleBody,
    EventFormat,
    EventKind,
    Ministry,
    NetworkKind,
    PatternDomain,
    SizeBand,
)
from portal.cms.models.subsidies import SubsidyStatus
from portal.community.models import BudgetRange, MunicipalityKind, RequestState
from portal.core.categories import ContractRoute, DXCategory
from portal.opendata import labels
from portal.opendata.selectors import MUNICIPALITY_DATA_UPDATED_AT
from portal.startups.models import CompanySize, Stage


class BilingualSerializer(serializers.Serializer):
    """A label in both languages of the portal."""

    ja = serializers.CharField()
    en = serializers.CharField()


@extend_schema_field(BilingualSerializer(allow_null=True))
class LabelField(serializers.Field):
    """The Japanese and English labels of a choice value (null when the value is blank)."""

    def __init__(self, choices, **kwargs):
        self.choice_class = choices
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return labels.label(self.choice_class, value)


@extend_schema_field(serializers.ListField(child=BilingualSerializer()))
class LabelListField(serializers.Field):
    """The labels of a list of choice values."""

    def __init__(self, choices, **kwargs):
        self.choice_class = choices
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return [labels.label(self.choice_class, code) for code in value if code]


def absolute_url(request, obj, suffix: str = "") -> str:
    """`obj`'s page as an absolute URL; `request` may be DRF's or Django's."""
    if hasattr(obj, "get_url"):  # a Wagtail page
        path = obj.get_url(request=getattr(request, "_request", request))
    else:
        path = obj.get_absolute_url()
    return request.build_absolute_uri(path + suffix)


@extend_schema_field(OpenApiTypes.URI)
class AbsoluteUrlField(serializers.Field):
    """The absolute address of the object's page (Japanese pages, /ja/…)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, obj):
        return absolute_url(self.context["request"], obj)


@extend_schema_field(serializers.ListField(child=serializers.CharField()))
class TagNamesField(serializers.Field):
    """Tag names from a prefetched `tags` relation."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, manager):
        return sorted(tag.name for tag in manager.all())


class PrefectureSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="JIS X 0401 code, 01–47")
    name = serializers.CharField()
    name_en = serializers.CharField()


class MunicipalityRefSerializer(serializers.Serializer):
    """A municipality as other datasets refer to it."""

    code = serializers.CharField(source="pk", help_text="全国地方公共団体コード (6 digits)")
    name = serializers.CharField(source="full_name")


class MunicipalitySerializer(serializers.Serializer):
    id = serializers.CharField(source="code", help_text="Same as `code`.")
    code = serializers.CharField(
        help_text="全国地方公共団体コード: 6 digits, the last one a check digit."
    )
    name = serializers.CharField()
    full_name = serializers.CharField()
    kana = serializers.CharField()
    kind = serializers.ChoiceField(choices=MunicipalityKind.choices)
    kind_label = LabelField(MunicipalityKind, source="kind", allow_null=False)
    prefecture = PrefectureSerializer()
    parent_code = serializers.CharField(source="parent_id", allow_null=True)
    url = AbsoluteUrlField()
    updated_at = serializers.SerializerMethodField()

    def get_updated_at(self, obj) -> OpenApiTypes.DATETIME:
        return serializers.DateTimeField().to_representation(MUNICIPALITY_DATA_UPDATED_AT)


class PageRefSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField()
    url = AbsoluteUrlField()


class RequestRefSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField()
    url = AbsoluteUrlField()


class SourceRequestSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField()


class OutcomeSerializer(serializers.Serializer):
    adopted = serializers.BooleanField(source="outcome_adopted", allow_null=True)
    contract_route = serializers.CharField(source="outcome_contract_route")
    contract_route_label = LabelField(ContractRoute, source="outcome_contract_route")
    budget_secured = serializers.BooleanField(source="outcome_budget_secured", allow_null=True)
    lessons = serializers.CharField(source="outcome_lessons")
    completed_at = serializers.DateTimeField(allow_null=True)


class SupportRequestSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField()
    summary = serializers.CharField()
    body = serializers.CharField(help_text="Markdown, as written by the municipality.")
    category = serializers.ChoiceField(choices=DXCategory.choices)
    category_label = LabelField(DXCategory, source="category", allow_null=False)
    tags = TagNamesField()
    municipality = MunicipalityRefSerializer()
    prefecture = PrefectureSerializer(source="municipality.prefecture")
    co_sponsors = serializers.SerializerMethodField()
    municipality_count = serializers.IntegerField()
    state = serializers.ChoiceField(choices=RequestState.choices)
    state_label = LabelField(RequestState, source="state", allow_null=False)
    budget_range = serializers.ChoiceField(choices=BudgetRange.choices)
    budget_range_label = LabelField(BudgetRange, source="budget_range", allow_null=False)
    proposal_deadline = serializers.DateField(allow_null=True)
    expected_start = serializers.DateField(allow_null=True)
    published_at = serializers.DateTimeField()
    outcome = serializers.SerializerMethodField()
    linked_case_studies = PageRefSerializer(source="public_case_studies", many=True)
    linked_subsidies = PageRefSerializer(source="public_subsidies", many=True)
    url = AbsoluteUrlField()
    updated_at = serializers.DateTimeField()

    def get_co_sponsors(self, obj) -> MunicipalityRefSerializer(many=True):
        """Municipalities that joined the request (accepted co-sponsorships)."""
        return MunicipalityRefSerializer(
            [join.municipality for join in obj.accepted_joins], many=True
        ).data

    def get_outcome(self, obj) -> OutcomeSerializer(allow_null=True):
        """Recorded when the request is completed; null before."""
        if obj.state != RequestState.COMPLETED:
            return None
        return OutcomeSerializer(obj).data


class KPISerializer(serializers.Serializer):
    label = serializers.CharField()
    value = serializers.CharField()
    note = serializers.CharField()


class PartnerSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="startup.pk")
    name = serializers.CharField(source="startup.name")
    role = serializers.CharField()
    url = AbsoluteUrlField(source="startup")


class CaseStudySerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField()
    summary = serializers.CharField(source="intro")
    category = serializers.ChoiceField(choices=DXCategory.choices)
    category_label = LabelField(DXCategory, source="category", allow_null=False)
    technology_tags = TagNamesField(source="tags")
    crop_or_industry = serializers.CharField()
    municipalities = MunicipalityRefSerializer(many=True)
    municipality_kind = serializers.CharField()
    municipality_kind_label = LabelField(MunicipalityKind, source="municipality_kind")
    size_band = serializers.CharField()
    size_band_label = LabelField(SizeBand, source="size_band")
    challenge = serializers.CharField()
    solution = serializers.CharField()
    results = serializers.CharField()
    kpis = KPISerializer(many=True, source="kpis.all")
    cost = serializers.CharField()
    cost_band = serializers.CharField()
    cost_band_label = LabelField(CostBand, source="cost_band")
    contract_route = serializers.CharField()
    contract_route_label = LabelField(ContractRoute, source="contract_route")
    subsidy_used = serializers.SerializerMethodField()
    partners = PartnerSerializer(many=True, source="public_partners")
    lessons = serializers.CharField()
    support_requests = RequestRefSerializer(many=True, source="public_requests")
    source_request = serializers.SerializerMethodField()
    first_published_at = serializers.DateTimeField()
    url = AbsoluteUrlField()
    updated_at = serializers.DateTimeField(source="last_published_at")

    def get_subsidy_used(self, obj) -> PageRefSerializer(allow_null=True):
        if not obj.subsidy_used_is_public:
            return None
        return PageRefSerializer(obj.subsidy_used, context=self.context).data

    def get_source_request(self, obj) -> SourceRequestSerializer(allow_null=True):
        """The completed request this case was drafted from, when a visitor can read it."""
        if not obj.source_request_is_public:
            return None
        path = reverse("community:request_detail", args=[obj.source_request_id])
        return {
            "id": obj.source_request_id,
            "url": self.context["request"].build_absolute_uri(path),
        }


@extend_schema_field(serializers.IntegerField(allow_null=True))
class ManYenField(serializers.Field):
    """A cost the editor enters in 万円 (¥10,000), published in yen like the other datasets'
    amounts (null when the editor gave none)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value * 10_000


class PatternComponentSerializer(serializers.Serializer):
    layer = serializers.ChoiceField(
        choices=ComponentLayer.choices,
        help_text="Column of the configuration diagram, in the order data flows: device, "
        "network, platform, application.",
    )
    layer_label = LabelField(ComponentLayer, source="layer", allow_null=False)
    name = serializers.CharField()
    description = serializers.CharField()
    data = serializers.CharField(help_text="What it passes on to the next layer.")
    operator = serializers.CharField(help_text="Who operates it.")


class PatternStepSerializer(serializers.Serializer):
    title = serializers.CharField()
    duration_weeks = serializers.IntegerField(allow_null=True)
    description = serializers.CharField()


class PatternKPISerializer(serializers.Serializer):
    label = serializers.CharField()
    typical_value = serializers.CharField(help_text="What the linked cases achieved.")
    note = serializers.CharField()


class PatternStartupSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="startup.pk")
    name = serializers.CharField(source="startup.name")
    verified = serializers.BooleanField(source="startup.is_verified")
    offering = serializers.CharField(help_text="The components it offers.")
    url = AbsoluteUrlField(source="startup")


class PatternSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField()
    summary = serializers.CharField(source="intro")
    domain = serializers.ChoiceField(choices=PatternDomain.choices)
    domain_label = LabelField(PatternDomain, source="domain", allow_null=False)
    category = serializers.ChoiceField(
        choices=DXCategory.choices, help_text="DX area of a support request started from it."
    )
    category_label = LabelField(DXCategory, source="category", allow_null=False)
    applies_to = serializers.ListField(
        child=serializers.CharField(),
        source="applies_to_list",
        help_text="Crops or industries it applies to; empty: any.",
    )
    municipality_kinds = serializers.ListField(
        child=serializers.ChoiceField(choices=MunicipalityKind.choices),
        help_text="Kinds of municipality it suits; empty: any.",
    )
    municipality_kind_labels = LabelListField(MunicipalityKind, source="municipality_kinds")
    size_bands = serializers.ListField(
        child=serializers.ChoiceField(choices=SizeBand.choices),
        help_text="Population bands it suits; empty: any.",
    )
    size_band_labels = LabelListField(SizeBand, source="size_bands")
    networks = serializers.ListField(child=serializers.ChoiceField(choices=NetworkKind.choices))
    network_labels = LabelListField(NetworkKind, source="networks")
    problem = serializers.CharField()
    components = PatternComponentSerializer(
        many=True, source="components.all", help_text="The standard system configuration."
    )
    initial_cost_min_yen = ManYenField(source="initial_cost_min")
    initial_cost_max_yen = ManYenField(source="initial_cost_max")
    yearly_cost_min_yen = ManYenField(source="yearly_cost_min")
    yearly_cost_max_yen = ManYenField(source="yearly_cost_max")
    cost_note = serializers.CharField(help_text="What the cost ranges assume.")
    steps = PatternStepSerializer(many=True, source="steps.all", help_text="Rollout steps.")
    total_weeks = serializers.SerializerMethodField()
    kpis = PatternKPISerializer(many=True, source="kpis.all")
    risks = serializers.CharField()
    lessons = serializers.CharField()
    case_studies = serializers.SerializerMethodField()
    municipalities = serializers.SerializerMethodField()
    subsidies = serializers.SerializerMethodField()
    startups = PatternStartupSerializer(many=True, source="public_startup_links")
    first_published_at = serializers.DateTimeField()
    url = AbsoluteUrlField()
    updated_at = serializers.DateTimeField(source="last_published_at")

    def get_total_weeks(self, obj) -> int:
        """The sum of the steps' durations (steps without one count as 0), as the page shows."""
        return sum(step.duration_weeks or 0 for step in obj.steps.all())

    def get_case_studies(self, obj) -> PageRefSerializer(many=True):
        """The advanced cases implementing the pattern that a visitor can read."""
        cases = [link.case for link in obj.public_case_links]
        return PageRefSerializer(cases, many=True, context=self.context).data

    def get_municipalities(self, obj) -> MunicipalityRefSerializer(many=True):
        """The municipalities of those cases (each once, by code): where it already runs."""
        found = {}
        for link in obj.public_case_links:
            for row in link.case.case_municipalities.all():
                found.setdefault(row.municipality_id, row.municipality)
        return MunicipalityRefSerializer([found[code] for code in sorted(found)], many=True).data

    def get_subsidies(self, obj) -> PageRefSerializer(many=True):
        """The subsidy programmes that fit it, when a visitor can read them."""
        subsidies = [link.subsidy for link in obj.public_subsidy_links]
        return PageRefSerializer(subsidies, many=True, context=self.context).data


class SubsidySerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField()
    summary = serializers.CharField(source="intro")
    ministry = serializers.ChoiceField(choices=Ministry.choices)
    ministry_label = LabelField(Ministry, source="ministry", allow_null=False)
    window = serializers.CharField()
    max_amount_yen = serializers.IntegerField(allow_null=True)
    amount_note = serializers.CharField()
    subsidy_rate = serializers.CharField()
    eligible_bodies = serializers.ListField(child=serializers.CharField())
    eligible_body_labels = LabelListField(EligibleBody, source="eligible_bodies")
    eligibility_note = serializers.CharField()
    target_areas = serializers.ListField(child=serializers.CharField())
    target_area_labels = LabelListField(DXCategory, source="target_areas")
    opens_on = serializers.DateField(allow_null=True)
    closes_on = serializers.DateField(allow_null=True)
    status = serializers.ChoiceField(
        choices=SubsidyStatus.choices, help_text="Derived from the dates (Japan time) today."
    )
    status_label = LabelField(SubsidyStatus, source="status", allow_null=False)
    days_left = serializers.IntegerField(allow_null=True)
    official_url = serializers.URLField()
    url = AbsoluteUrlField()
    updated_at = serializers.DateTimeField(source="last_published_at")


class EventSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField()
    kind = serializers.ChoiceField(choices=EventKind.choices)
    kind_label = LabelField(EventKind, source="kind", allow_null=False)
    summary = serializers.CharField(source="intro")
    start_at = serializers.DateTimeField()
    end_at = serializers.DateTimeField()
    format = serializers.ChoiceField(choices=EventFormat.choices)
    format_label = LabelField(EventFormat, source="format", allow_null=False)
    venue_name = serializers.CharField()
    venue_address = serializers.CharField()
    capacity = serializers.IntegerField(allow_null=True)
    registration_open = serializers.BooleanField()
    url = AbsoluteUrlField()
    ical_url = serializers.SerializerMethodField()
    updated_at = serializers.DateTimeField(source="last_published_at")

    def get_ical_url(self, obj) -> OpenApiTypes.URI:
        """The event as an iCalendar (RFC 5545) file."""
        return absolute_url(self.context["request"], obj, "calendar/")


class TrackRecordSerializer(serializers.Serializer):
    municipality = MunicipalityRefSerializer()
    category = serializers.ChoiceField(choices=DXCategory.choices)
    category_label = LabelField(DXCategory, source="category", allow_null=False)
    title = serializers.CharField()
    year = serializers.IntegerField()


class StartupSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    slug = serializers.CharField()
    name = serializers.CharField()
    summary = serializers.CharField()
    description = serializers.CharField()
    website = serializers.CharField()
    corporate_number = serializers.CharField(help_text="法人番号 (13 digits) or empty.")
    hq_prefecture = PrefectureSerializer(allow_null=True)
    size = serializers.CharField()
    size_label = LabelField(CompanySize, source="size")
    stage = serializers.CharField()
    stage_label = LabelField(Stage, source="stage")
    founded_year = serializers.IntegerField(allow_null=True)
    categories = serializers.SerializerMethodField()
    category_labels = serializers.SerializerMethodField()
    tags = TagNamesField()
    verified = serializers.BooleanField(source="is_verified")
    track_records = TrackRecordSerializer(many=True, source="confirmed_track_records")
    url = AbsoluteUrlField()
    updated_at = serializers.DateTimeField()

    def get_categories(self, obj) -> list[str]:
        return [row.category for row in obj.categories.all()]

    def get_category_labels(self, obj) -> BilingualSerializer(many=True):
        return [labels.label(DXCategory, row.category) for row in obj.categories.all()]
