"""Reads for standard patterns: the comparison, a pattern's page, its diagram, and the groups of
cases that could become a pattern.

Every read costs a fixed number of queries whatever the number of patterns or cases: lists are
fetched once with their related rows prefetched, and the adopting-municipality counts are one
aggregate in the same query.
"""

import unicodedata
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.utils.translation import gettext_lazy as _

from portal.cms.locales import for_reading, originals
from portal.cms.models import (
    CaseStudyKPI,
    CaseStudyMunicipality,
    CaseStudyPage,
    ComponentLayer,
    NetworkKind,
    PatternCase,
    PatternDomain,
    PatternHearingResponse,
    PatternPage,
    PatternStartup,
    PatternSubsidy,
    SizeBand,
    SubsidyProgrammePage,
)
from portal.community.models import MunicipalityKind
from portal.core.categories import DXCategory

PATTERNS_PER_PAGE = 24
MIN_GROUP_SIZE = 2

# Which domain a case belongs to, from its DX area (used to group cases into suggestions).
DOMAIN_OF_CATEGORY = {
    DXCategory.SMART_AGRICULTURE: PatternDomain.SMART_AGRICULTURE,
    DXCategory.TELEWORK: PatternDomain.TELEWORK,
    DXCategory.WIRELESS_5G: PatternDomain.WIRELESS,
    DXCategory.ONLINE_PROCEDURES: PatternDomain.PROCEDURES,
    DXCategory.DISASTER: PatternDomain.DISASTER,
}

# Case technology tags that name a network, after NFKC and case folding.
NETWORK_OF_TAG = {
    "lpwa": NetworkKind.LPWA,
    "lorawan": NetworkKind.LORAWAN,
    "lora": NetworkKind.LORAWAN,
    "ローカル5g": NetworkKind.LOCAL_5G,
    "local5g": NetworkKind.LOCAL_5G,
    "lte": NetworkKind.LTE,
    "4g": NetworkKind.LTE,
    "wi-fi": NetworkKind.WIFI,
    "wifi": NetworkKind.WIFI,
    "地域bwa": NetworkKind.BWA,
    "bwa": NetworkKind.BWA,
    "光回線": NetworkKind.FIBRE,
}

NO_NETWORK = _("No network named")
ANY_CROP = _("Any crop or industry")


def normalise(text: str) -> str:
    """Full-width and half-width forms folded (ＬＰＷＡ = LPWA), case folded."""
    return unicodedata.normalize("NFKC", text or "").casefold().strip()


def network_of_tag(tag_name: str) -> str:
    return NETWORK_OF_TAG.get(normalise(tag_name).replace(" ", ""), "")


# --- the comparison (/ja/patterns/) ---------------------------------------------------------


def live_patterns(index=None):
    """Live, public patterns in the reader's language (see portal/cms/locales.py)."""
    queryset = for_reading(PatternPage.objects.live().public())
    return queryset.descendant_of(index) if index is not None else queryset


def with_comparison_figures(queryset):
    """Each pattern with its KPIs and the number of distinct municipalities of its live cases."""
    adopters = Count(
        "case_links__case__case_municipalities__municipality",
        filter=Q(case_links__case__live=True),
        distinct=True,
    )
    return queryset.annotate(adopting_municipalities=adopters).prefetch_related("kpis")


def pattern_comparison(*, index, params) -> dict:
    from portal.cms.filters import PatternFilter
    from portal.cms.selectors import apply_filters, paginate, querystring_without_page

    queryset = live_patterns(index)
    filterset = PatternFilter(params or None, queryset=queryset)
    results = with_comparison_figures(apply_filters(filterset, queryset)).order_by("title", "pk")
    return {
        "filter": filterset,
        "results": paginate(results, params, per_page=PATTERNS_PER_PAGE),
        "querystring": querystring_without_page(params),
        "is_filtered": any(value for key, value in params.items() if key != "page"),
    }


# --- one pattern's page -----------------------------------------------------------------------


def _link_order(links, target: str):
    """The sort order of the link whose `target` is a copy of the outer page (any language)."""
    same_page = links.filter(**{f"{target}__translation_key": OuterRef("translation_key")})
    return Subquery(same_page.values("sort_order")[:1])


def pattern_cases(pattern):
    """The live cases implementing `pattern`, with their municipalities and KPIs, in the
    reader's language (a pattern links the Japanese cases; a reader sees their copies)."""
    municipalities = Prefetch(
        "case_municipalities",
        queryset=CaseStudyMunicipality.objects.select_related(
            "municipality__prefecture", "municipality__parent"
        ),
    )
    links = PatternCase.objects.filter(page=pattern)
    cases = for_reading(CaseStudyPage.objects.live().public()).filter(
        translation_key__in=links.values("case__translation_key")
    )
    return list(
        cases.annotate(link_order=_link_order(links, "case"))
        .prefetch_related(municipalities, Prefetch("kpis", queryset=CaseStudyKPI.objects.all()))
        .order_by("link_order", "pk")
    )


def pattern_subsidies(pattern) -> list:
    links = PatternSubsidy.objects.filter(page=pattern)
    subsidies = for_reading(SubsidyProgrammePage.objects.live()).filter(
        translation_key__in=links.values("subsidy__translation_key")
    )
    return list(
        subsidies.annotate(link_order=_link_order(links, "subsidy")).order_by("link_order", "pk")
    )


def pattern_startups(pattern, *, user) -> list:
    from portal.startups.models import Startup

    readable = Startup.objects.visible_to(user).values("pk")
    return list(
        PatternStartup.objects.filter(page=pattern, startup__in=readable)
        .select_related("startup")
        .order_by("sort_order", "pk")
    )


def adopting_municipality_count(cases) -> int:
    return len({link.municipality_id for case in cases for link in case.case_municipalities.all()})


def pattern_detail(*, pattern, user) -> dict:
    components = list(pattern.components.all())
    cases = pattern_cases(pattern)
    return {
        "kind_labels": [str(MunicipalityKind(kind).label) for kind in pattern.municipality_kinds],
        "size_labels": [str(SizeBand(band).label) for band in pattern.size_bands],
        "adopting_count": adopting_municipality_count(cases),
        "components": components,
        "diagram": diagram_layout(components),
        "steps": list(pattern.steps.all()),
        "total_weeks": sum(step.duration_weeks or 0 for step in pattern.steps.all()),
        "pattern_kpis": list(pattern.kpis.all()),
        "cases": cases,
        "case_kpis": [(case, list(case.kpis.all())) for case in cases if case.kpis.all()],
        "subsidies": pattern_subsidies(pattern),
        "startup_links": pattern_startups(pattern, user=user),
        "can_answer_hearing": bool(user.is_authenticated and user.is_verified_official),
        "my_hearing_responses": my_hearing_responses(pattern=pattern, user=user),
    }


def my_hearing_responses(*, pattern, user) -> list:
    if not (user.is_authenticated and user.is_verified_official):
        return []
    answers = PatternHearingResponse.objects.filter(respondent=user)
    answers = answers.filter(pattern__translation_key=pattern.translation_key)
    return list(answers[:5])


def patterns_of_case(case) -> list:
    """「この事例の標準パターン」: the live patterns that link `case`."""
    linking = live_patterns().filter(case_links__case__translation_key=case.translation_key)
    return list(linking.order_by("title").distinct())


# --- the configuration diagram ---------------------------------------------------------------

COLUMN_WIDTH = 200
COLUMN_GAP = 56
BOX_HEIGHT = 74
BOX_GAP = 14
HEADER_HEIGHT = 34
MARGIN = 12
TEXT_WIDTH = COLUMN_WIDTH - 20
FONT_SIZE = 13


@dataclass
class DiagramBox:
    component: object
    x: int
    y: int
    name: str
    data: str
    operator: str

    @property
    def width(self) -> int:
        return COLUMN_WIDTH

    @property
    def height(self) -> int:
        return BOX_HEIGHT


@dataclass
class DiagramColumn:
    layer: str
    label: str
    x: int
    boxes: list = field(default_factory=list)


@dataclass
class DiagramArrow:
    x1: int
    x2: int
    y: int


@dataclass
class Diagram:
    width: int
    height: int
    columns: list
    arrows: list

    @property
    def is_empty(self) -> bool:
        return not self.columns

    @property
    def label_y(self) -> int:
        return MARGIN + HEADER_HEIGHT // 2 + 4


def text_width(text: str, font_size: int = FONT_SIZE) -> float:
    """Approximate rendered width: wide (CJK, full-width) characters take a full em."""
    return sum(
        font_size if unicodedata.east_asian_width(ch) in "WF" else font_size * 0.58 for ch in text
    )


def fit(text: str, max_width: float = TEXT_WIDTH, font_size: int = FONT_SIZE) -> str:
    """`text`, shortened with an ellipsis to fit one line of the box (the table has it whole)."""
    if text_width(text, font_size) <= max_width:
        return text
    while text and text_width(text + "…", font_size) > max_width:
        text = text[:-1]
    return text + "…"


def diagram_layout(components) -> Diagram:
    """Columns of boxes, one column per layer that has components, left to right in the order
    data flows (devices → network → platform → applications), with an arrow between columns."""
    by_layer = {layer: [] for layer in ComponentLayer.values}
    for component in components:
        by_layer.setdefault(component.layer, []).append(component)
    layers = [layer for layer in ComponentLayer.values if by_layer[layer]]
    columns = []
    for position, layer in enumerate(layers):
        x = MARGIN + position * (COLUMN_WIDTH + COLUMN_GAP)
        column = DiagramColumn(layer=layer, label=str(ComponentLayer(layer).label), x=x)
        for row, component in enumerate(by_layer[layer]):
            y = MARGIN + HEADER_HEIGHT + row * (BOX_HEIGHT + BOX_GAP)
            column.boxes.append(_box(component, x, y))
        columns.append(column)
    rows = max((len(column.boxes) for column in columns), default=0)
    height = MARGIN * 2 + HEADER_HEIGHT + rows * (BOX_HEIGHT + BOX_GAP) - (BOX_GAP if rows else 0)
    width = MARGIN * 2 + len(columns) * COLUMN_WIDTH + max(len(columns) - 1, 0) * COLUMN_GAP
    arrow_y = MARGIN + HEADER_HEIGHT + (height - MARGIN * 2 - HEADER_HEIGHT) // 2
    arrows = [
        DiagramArrow(x1=left.x + COLUMN_WIDTH + 4, x2=right.x - 6, y=arrow_y)
        for left, right in zip(columns, columns[1:], strict=False)
    ]
    return Diagram(width=width, height=height, columns=columns, arrows=arrows)


def _box(component, x: int, y: int) -> DiagramBox:
    data = f"→ {component.data}" if component.data else ""
    operator = (
        str(_("Operated by: %(who)s") % {"who": component.operator}) if component.operator else ""
    )
    return DiagramBox(
        component=component,
        x=x,
        y=y,
        name=fit(component.name),
        data=fit(data, font_size=FONT_SIZE - 2),
        operator=fit(operator, font_size=FONT_SIZE - 2),
    )


# --- from cases to patterns (moderators) -----------------------------------------------------


@dataclass
class CaseGroup:
    domain: str
    crop_or_industry: str
    network: str
    cases: list

    @property
    def key(self) -> str:
        return "|".join((self.domain, self.crop_or_industry, self.network))

    @property
    def domain_label(self) -> str:
        return str(PatternDomain(self.domain).label)

    @property
    def network_label(self) -> str:
        return str(NetworkKind(self.network).label) if self.network else str(NO_NETWORK)

    @property
    def crop_label(self) -> str:
        return self.crop_or_industry or str(ANY_CROP)


def case_networks(case) -> list[str]:
    networks = []
    for tag in case.tags.all():
        network = network_of_tag(tag.name)
        if network and network not in networks:
            networks.append(network)
    return networks


def case_group_keys(case) -> list[tuple[str, str, str]]:
    domain = DOMAIN_OF_CATEGORY.get(case.category, PatternDomain.OTHER)
    crop = (case.crop_or_industry or "").strip()
    return [(str(domain), crop, str(network)) for network in case_networks(case) or [""]]


def suggestion_groups() -> list[CaseGroup]:
    """Published cases sharing domain, crop/industry and network that no pattern links yet,
    largest groups first (two queries: the cases, their tags)."""
    linked = PatternCase.objects.values("case_id")
    cases = (
        originals(CaseStudyPage.objects.live())
        .exclude(pk__in=linked)
        .prefetch_related("tags")
        .order_by("title", "pk")
    )
    groups: dict[tuple, list] = {}
    for case in cases:
        for key in case_group_keys(case):
            groups.setdefault(key, []).append(case)
    found = [
        CaseGroup(domain=domain, crop_or_industry=crop, network=network, cases=members)
        for (domain, crop, network), members in groups.items()
        if len(members) >= MIN_GROUP_SIZE
    ]
    return sorted(found, key=lambda group: (-len(group.cases), group.key))


def suggestion_group(key: str) -> CaseGroup | None:
    return next((group for group in suggestion_groups() if group.key == key), None)
