"""The open datasets: what each is called, where its rows come from, how it is serialised and
how its CSV columns are named (Japanese headers) and described (the column dictionary).

One registry feeds the API's list endpoints, the bulk downloads, the open-data page and the DCAT
catalogue, so the four cannot disagree about what a dataset is.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.cms.models import CaseStudyPage, EventPage, PatternPage, SubsidyProgrammePage
from portal.community.models import Municipality, SupportRequest
from portal.opendata import selectors, serializers
from portal.startups.models import Startup


@dataclass(frozen=True)
class Column:
    """One CSV column: a dotted path into the API object, its header and its description."""

    path: str
    header: Any
    description: Any


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: Any
    description: Any
    rows: Callable
    model: type
    serializer: type
    # The field of the row that says when it last changed (None: the data's release date).
    updated_field: str | None
    columns: list[Column]
    keywords: list[Any] = field(default_factory=list)


def _common():
    return [
        Column("id", _("ID"), _("Stable identifier; it never changes.")),
        Column("url", _("Page URL"), _("Address of its page on the portal.")),
        Column("updated_at", _("Updated at"), _("When it last changed (ISO 8601).")),
    ]


MUNICIPALITIES = Dataset(
    slug="municipalities",
    title=_("Local governments"),
    description=_(
        "Every Japanese local government (都道府県, 市区町村 and the wards of designated cities) "
        "with its 6-digit local government code including the check digit, name, reading, kind, "
        "prefecture and parent city."
    ),
    rows=selectors.municipality_rows,
    model=Municipality,
    serializer=serializers.MunicipalitySerializer,
    updated_field=None,
    columns=[
        Column("code", _("Local government code"), _("6 digits; the last is a check digit.")),
        Column("name", _("Name"), _("Name of the local government.")),
        Column("full_name", _("Full name"), _("Name with its prefecture (and city for wards).")),
        Column("kana", _("Reading"), _("Reading in hiragana.")),
        Column("kind", _("Kind code"), _("prefecture, city, town, village, special_ward, ward.")),
        Column("kind_label.ja", _("Kind"), _("Kind in Japanese.")),
        Column("prefecture.code", _("Prefecture code"), _("JIS X 0401 code, 01–47.")),
        Column("prefecture.name", _("Prefecture"), _("Name of the prefecture.")),
        Column("parent_code", _("Parent city code"), _("For wards: the designated city.")),
        Column("url", _("Page URL"), _("Address of its page on the portal.")),
        Column("updated_at", _("Updated at"), _("Date of the latest change to the code list.")),
    ],
    keywords=[_("local governments"), _("local government code")],
)

REQUESTS = Dataset(
    slug="requests",
    title=_("Support requests"),
    description=_(
        "Published support requests (支援要請) that anyone can read: what a municipality needs "
        "help with, its category, state and outcome. Members-only requests, drafts and "
        "proposals are not included."
    ),
    rows=selectors.request_rows,
    model=SupportRequest,
    serializer=serializers.SupportRequestSerializer,
    updated_field="updated_at",
    columns=[
        *_common(),
        Column("title", _("Title"), _("Title of the request.")),
        Column("summary", _("Summary"), _("One or two sentences.")),
        Column("body", _("Details"), _("Background and needs (Markdown).")),
        Column("category", _("Category code"), _("DX area code.")),
        Column("category_label.ja", _("Category"), _("DX area in Japanese.")),
        Column("tags", _("Tags"), _("Separated by “|”.")),
        Column("municipality.code", _("Municipality code"), _("The posting municipality.")),
        Column("municipality.name", _("Municipality"), _("The posting municipality.")),
        Column("prefecture.code", _("Prefecture code"), _("Of the posting municipality.")),
        Column("co_sponsors.code", _("Co-sponsor codes"), _("Municipalities that joined it.")),
        Column("municipality_count", _("Municipalities"), _("Posting plus co-sponsoring.")),
        Column("state", _("State code"), _("open, selecting, co_creating, completed, withdrawn.")),
        Column("state_label.ja", _("State"), _("State in Japanese.")),
        Column("budget_range", _("Budget range code"), _("Expected budget band.")),
        Column("budget_range_label.ja", _("Budget range"), _("Expected budget in Japanese.")),
        Column("proposal_deadline", _("Proposal deadline"), _("Last day (Japan time).")),
        Column("expected_start", _("Expected start"), _("Date, if decided.")),
        Column("published_at", _("Published at"), _("ISO 8601.")),
        Column("outcome.adopted", _("Solution adopted"), _("true/false once completed.")),
        Column("outcome.contract_route", _("Contract route"), _("Code, once completed.")),
        Column("outcome.budget_secured", _("Budget secured"), _("true/false once completed.")),
        Column("outcome.lessons", _("Lessons learned"), _("Once completed.")),
        Column("linked_case_studies.id", _("Linked case studies"), _("IDs, separated by “|”.")),
        Column("linked_subsidies.id", _("Linked subsidies"), _("IDs, separated by “|”.")),
    ],
    keywords=[_("support requests"), _("municipal DX")],
)

CASE_STUDIES = Dataset(
    slug="case-studies",
    title=_("Advanced cases"),
    description=_(
        "Published advanced cases (先進事例) with their structured fields: municipalities, DX "
        "area, technology, crop or industry, challenge, solution, results and KPIs, cost, "
        "partners, subsidy used, lessons and the support requests that adopt them."
    ),
    rows=selectors.case_study_rows,
    model=CaseStudyPage,
    serializer=serializers.CaseStudySerializer,
    updated_field="last_published_at",
    columns=[
        *_common(),
        Column("title", _("Title"), _("Title of the case.")),
        Column("summary", _("Summary"), _("One or two sentences.")),
        Column("category", _("Category code"), _("DX area code.")),
        Column("category_label.ja", _("Category"), _("DX area in Japanese.")),
        Column("technology_tags", _("Technology tags"), _("Separated by “|”.")),
        Column("crop_or_industry", _("Crop or industry"), _("For smart agriculture and industry.")),
        Column("municipalities.code", _("Municipality codes"), _("Separated by “|”.")),
        Column("municipalities.name", _("Municipalities"), _("Separated by “|”.")),
        Column("municipality_kind", _("Kind of municipality"), _("Kind code.")),
        Column("size_band", _("Population band"), _("Code.")),
        Column("challenge", _("Challenge"), _("The problem the municipality had.")),
        Column("solution", _("Solution"), _("What was introduced and how.")),
        Column("results", _("Results"), _("What changed.")),
        Column("kpis.label", _("KPI indicators"), _("Separated by “|”.")),
        Column("kpis.value", _("KPI values"), _("In the order of the indicators.")),
        Column("cost", _("Cost"), _("In words.")),
        Column("cost_band", _("Cost band"), _("Code.")),
        Column("contract_route", _("Contract route"), _("Code.")),
        Column("subsidy_used.id", _("Subsidy used"), _("ID of the subsidy programme.")),
        Column("partners.name", _("Partner startups"), _("Separated by “|”.")),
        Column("lessons", _("Lessons learned"), _("Advice for the next municipality.")),
        Column("support_requests.id", _("Linked support requests"), _("IDs, separated by “|”.")),
        Column("source_request.id", _("From support request"), _("ID, if drafted from one.")),
        Column("first_published_at", _("Published at"), _("ISO 8601.")),
    ],
    keywords=[_("advanced cases"), _("horizontal deployment")],
)

PATTERNS = Dataset(
    slug="patterns",
    title=_("Standard patterns"),
    description=_(
        "Published standard patterns (標準パターン) built from the advanced cases: what each "
        "applies to (domain, crops or industries, kinds and sizes of municipality, networks), "
        "the problem it solves, the standard system configuration, typical cost ranges, rollout "
        "steps, KPIs, and the cases, municipalities, subsidy programmes and startups it links."
    ),
    rows=selectors.pattern_rows,
    model=PatternPage,
    serializer=serializers.PatternSerializer,
    updated_field="last_published_at",
    columns=[
        *_common(),
        Column("title", _("Title"), _("Name of the pattern.")),
        Column("summary", _("Summary"), _("One or two sentences.")),
        Column("domain", _("Domain code"), _("Code of the pattern's domain.")),
        Column("domain_label.ja", _("Domain"), _("Domain in Japanese.")),
        Column("category", _("DX area code"), _("DX area of a request started from it.")),
        Column("applies_to", _("Crops or industries"), _("Separated by “|”; empty: any.")),
        Column("municipality_kinds", _("Kinds of municipality"), _("Codes; empty: any kind.")),
        Column("size_bands", _("Population bands"), _("Codes; empty: any size.")),
        Column("networks", _("Networks"), _("Codes, separated by “|”.")),
        Column("problem", _("Problem it solves"), _("The problem the pattern answers.")),
        Column("components.name", _("Components"), _("The standard configuration, by name.")),
        Column("components.layer", _("Component layers"), _("Codes, in the order of the names.")),
        Column("initial_cost_min_yen", _("Initial cost from (yen)"), _("Lower end, if given.")),
        Column("initial_cost_max_yen", _("Initial cost up to (yen)"), _("Upper end, if given.")),
        Column("yearly_cost_min_yen", _("Yearly cost from (yen)"), _("Lower end, if given.")),
        Column("yearly_cost_max_yen", _("Yearly cost up to (yen)"), _("Upper end, if given.")),
        Column("cost_note", _("Cost note"), _("What the cost ranges assume.")),
        Column("steps.title", _("Rollout steps"), _("In order, separated by “|”.")),
        Column("total_weeks", _("Rollout weeks"), _("Sum of the steps' durations.")),
        Column("kpis.label", _("KPI indicators"), _("Separated by “|”.")),
        Column("kpis.typical_value", _("KPI typical values"), _("In the order of the indicators.")),
        Column("risks", _("Risks"), _("What can go wrong.")),
        Column("lessons", _("Lessons learned"), _("Advice for the next municipality.")),
        Column("case_studies.id", _("Linked case studies"), _("IDs, separated by “|”.")),
        Column(
            "municipalities.code",
            _("Municipality codes"),
            _("Municipalities of the linked cases, separated by “|”."),
        ),
        Column("subsidies.id", _("Linked subsidies"), _("IDs, separated by “|”.")),
        Column("startups.id", _("Startups offering components"), _("IDs, separated by “|”.")),
        Column(
            "startups.verified",
            _("Startups verified"),
            _("true when JCC verified the startup, in the order of the IDs."),
        ),
        Column("first_published_at", _("Published at"), _("ISO 8601.")),
    ],
    keywords=[_("standard patterns"), _("horizontal deployment")],
)

SUBSIDIES = Dataset(
    slug="subsidies",
    title=_("Subsidy programmes"),
    description=_(
        "Subsidy and support programmes (補助金・支援制度) for municipal DX with their ministry, "
        "amount, rate, eligible bodies, target areas, application period and the status "
        "derived from the dates (Japan time)."
    ),
    rows=selectors.subsidy_rows,
    model=SubsidyProgrammePage,
    serializer=serializers.SubsidySerializer,
    updated_field="last_published_at",
    columns=[
        *_common(),
        Column("title", _("Title"), _("Name of the programme.")),
        Column("summary", _("Summary"), _("One or two sentences.")),
        Column("ministry", _("Ministry code"), _("Who runs it.")),
        Column("ministry_label.ja", _("Ministry or agency"), _("In Japanese.")),
        Column("max_amount_yen", _("Maximum amount (yen)"), _("Per applicant, if fixed.")),
        Column("subsidy_rate", _("Subsidy rate"), _("e.g. 1/2.")),
        Column("eligible_bodies", _("Eligible bodies"), _("Codes, separated by “|”.")),
        Column("target_areas", _("Target areas"), _("DX area codes, separated by “|”.")),
        Column("opens_on", _("Opens on"), _("First day (Japan time).")),
        Column("closes_on", _("Closes on"), _("Last day (Japan time).")),
        Column("status", _("Status code"), _("upcoming, open, closing_soon, closed (today).")),
        Column("status_label.ja", pgettext_lazy("subsidy", "Status"), _("In Japanese.")),
        Column("official_url", _("Official page"), _("The programme's official page.")),
    ],
    keywords=[_("subsidies"), _("support programmes")],
)

EVENTS = Dataset(
    slug="events",
    title=_("Events"),
    description=_(
        "Summits, field visits and seminars of the community with their dates, format, venue, "
        "capacity and iCalendar link."
    ),
    rows=selectors.event_rows,
    model=EventPage,
    serializer=serializers.EventSerializer,
    updated_field="last_published_at",
    columns=[
        *_common(),
        Column("title", _("Title"), _("Name of the event.")),
        Column("kind", _("Kind code"), _("summit, field_visit, seminar.")),
        Column("kind_label.ja", _("Kind"), _("In Japanese.")),
        Column("summary", _("Summary"), _("One or two sentences.")),
        Column("start_at", _("Starts at"), _("ISO 8601.")),
        Column("end_at", _("Ends at"), _("ISO 8601.")),
        Column("format", _("Format code"), _("in_person, online, hybrid.")),
        Column("venue_name", _("Venue"), _("For in-person events.")),
        Column("venue_address", _("Venue address"), _("For in-person events.")),
        Column("capacity", _("Capacity"), _("Seats; empty for no limit.")),
        Column("ical_url", _("iCalendar URL"), _("The event as an .ics file.")),
    ],
    keywords=[_("events")],
)

STARTUPS = Dataset(
    slug="startups",
    title=_("Startups"),
    description=_(
        "Public profiles of the startups in the directory with their verified flag, solution "
        "areas and the track records confirmed by a municipality's official."
    ),
    rows=selectors.startup_rows,
    model=Startup,
    serializer=serializers.StartupSerializer,
    updated_field="updated_at",
    columns=[
        *_common(),
        Column("slug", _("URL name"), _("Part of the page address.")),
        Column("name", _("Name"), _("Name of the company.")),
        Column("summary", _("Summary"), _("One sentence.")),
        Column("website", _("Website"), _("Address of the company's site.")),
        Column("corporate_number", _("Corporate number"), _("法人番号, 13 digits.")),
        Column("hq_prefecture.code", _("Head office prefecture"), _("Prefecture code.")),
        Column("stage", _("Stage"), _("Code.")),
        Column("founded_year", _("Year founded"), _("Western calendar.")),
        Column("categories", _("Solution areas"), _("DX area codes, separated by “|”.")),
        Column("tags", _("Tags"), _("Separated by “|”.")),
        Column("verified", _("Verified"), _("true when JCC verified the company.")),
        Column(
            "track_records.municipality.code",
            _("Track record municipalities"),
            _("Codes of municipalities that confirmed a project, separated by “|”."),
        ),
    ],
    keywords=[_("startups"), _("GovTech")],
)

DATASETS = [MUNICIPALITIES, REQUESTS, CASE_STUDIES, PATTERNS, SUBSIDIES, EVENTS, STARTUPS]
DATASETS_BY_SLUG = {dataset.slug: dataset for dataset in DATASETS}
