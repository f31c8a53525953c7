"""The public rows of each open dataset, read through the same visibility rules as the pages.

Every queryset starts from what an anonymous visitor may read (``visible_to(AnonymousUser())``,
``not_hidden()``, ``live().public()``) and prefetches the related rows a visitor may read, so
that a page of results costs a fixed number of queries whatever its size.
"""

import datetime

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Prefetch

from portal.cms.locales import originals
from portal.cms.models import (
    CaseStudyMunicipality,
    CaseStudyPage,
    CaseStudyPartner,
    EventPage,
    PatternCase,
    PatternPage,
    PatternStartup,
    PatternSubsidy,
    SubsidyProgrammePage,
)
from portal.cms.models.subsidies import JAPAN
from portal.community.models import JoinState, Municipality, SupportRequest, SupportRequestJoin
from portal.startups.models import Startup, StartupCategory, TrackRecord, TrackRecordState

# The municipality master data has no per-row timestamps; this is the date of the latest change
# applied to it (Hamamatsu's ward reorganisation, see portal/community/data/README.md).
MUNICIPALITY_DATA_UPDATED_AT = datetime.datetime(2024, 1, 1, tzinfo=JAPAN)

VISITOR = AnonymousUser()


def public_requests():
    """Published, public, not hidden requests (what a visitor reads at /ja/requests/)."""
    return SupportRequest.objects.visible_to(VISITOR).not_hidden()


# Japanese originals only (portal/cms/locales.py): a translation or alias is the same record.
def public_case_studies():
    return originals(CaseStudyPage.objects.live().public())


def public_subsidies():
    return originals(SubsidyProgrammePage.objects.live().public())


def public_events():
    return originals(EventPage.objects.live().public())


def public_patterns():
    """Live, public standard patterns, Japanese originals only (not their translations)."""
    return originals(PatternPage.objects.live().public())


def public_startups():
    return Startup.objects.visible_to(VISITOR).not_hidden()


def municipality_rows():
    return Municipality.objects.select_related("prefecture", "parent").order_by("code")


def request_rows():
    """Every request a visitor can read, with what a row shows (the list endpoint narrows the
    states to the page's default unless a state is asked for)."""
    accepted = SupportRequestJoin.objects.filter(state=JoinState.ACCEPTED).select_related(
        "municipality__prefecture", "municipality__parent"
    )
    return (
        public_requests()
        .select_related("municipality__prefecture", "municipality__parent")
        .prefetch_related(
            "tags",
            Prefetch("joins", queryset=accepted, to_attr="accepted_joins"),
            Prefetch(
                "linked_case_studies",
                queryset=public_case_studies().order_by("pk"),
                to_attr="public_case_studies",
            ),
            Prefetch(
                "linked_subsidies",
                queryset=public_subsidies().order_by("pk"),
                to_attr="public_subsidies",
            ),
        )
        .order_by("pk")
    )


def case_study_rows():
    municipalities = CaseStudyMunicipality.objects.select_related(
        "municipality__prefecture", "municipality__parent"
    )
    partners = CaseStudyPartner.objects.filter(startup__in=public_startups()).select_related(
        "startup"
    )
    visible_request = public_requests().filter(pk=OuterRef("source_request_id"))
    return (
        public_case_studies()
        .select_related("subsidy_used")
        .annotate(
            subsidy_used_is_public=Exists(
                public_subsidies().filter(pk=OuterRef("subsidy_used_id"))
            ),
            source_request_is_public=Exists(visible_request),
        )
        .prefetch_related(
            "tags",
            "kpis",
            Prefetch("case_municipalities", queryset=municipalities),
            Prefetch("partner_links", queryset=partners, to_attr="public_partners"),
            Prefetch(
                "support_requests",
                queryset=public_requests().order_by("pk"),
                to_attr="public_requests",
            ),
        )
        .order_by("pk")
    )


def subsidy_rows():
    return public_subsidies().order_by("pk")


def event_rows():
    return public_events().order_by("pk")


def startup_rows():
    confirmed = TrackRecord.objects.filter(state=TrackRecordState.CONFIRMED).select_related(
        "municipality__prefecture", "municipality__parent"
    )
    return (
        public_startups()
        .select_related("hq_prefecture")
        .prefetch_related(
            "tags",
            Prefetch("categories", queryset=StartupCategory.objects.order_by("category")),
            Prefetch(
                "track_records",
                queryset=confirmed.order_by("-year", "pk"),
                to_attr="confirmed_track_records",
            ),
        )
        .order_by("pk")
    )


def pattern_rows():
    """Patterns with what a row shows: components, steps and KPIs in the editor's order, and the
    cases, subsidies and startups they link, each only if a visitor can read it."""
    case_links = (
        PatternCase.objects.filter(case__in=public_case_studies())
        .select_related("case")
        .order_by("sort_order", "pk")
    )
    case_municipalities = CaseStudyMunicipality.objects.select_related(
        "municipality__prefecture", "municipality__parent"
    ).order_by("municipality_id")
    subsidy_links = (
        PatternSubsidy.objects.filter(subsidy__in=public_subsidies())
        .select_related("subsidy")
        .order_by("sort_order", "pk")
    )
    startup_links = (
        PatternStartup.objects.filter(startup__in=public_startups())
        .select_related("startup")
        .order_by("sort_order", "pk")
    )
    return (
        public_patterns()
        .prefetch_related(
            "components",
            "steps",
            "kpis",
            Prefetch("case_links", queryset=case_links, to_attr="public_case_links"),
            Prefetch("public_case_links__case__case_municipalities", queryset=case_municipalities),
            Prefetch("subsidy_links", queryset=subsidy_links, to_attr="public_subsidy_links"),
            Prefetch("startup_links", queryset=startup_links, to_attr="public_startup_links"),
        )
        .order_by("pk")
    )
