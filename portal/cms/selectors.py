"""Reads for the CMS pages: listings with their filters, and the home page's sections.

Each listing returns a fixed number of queries whatever the number of pages: the page of results
is fetched once and its related rows are prefetched.
"""

from django.core.paginator import Paginator
from django.db.models import Prefetch

from portal.cms.filters import CaseStudyFilter, EventFilter, SubsidyFilter
from portal.cms.models import (
    CaseStudyMunicipality,
    CaseStudyPage,
    EventPage,
    EventRegistration,
    NewsPage,
    RegistrationStatus,
    ReportPage,
    SubsidyProgrammePage,
    SubsidyStatus,
)
from portal.cms.models.base import LISTING_PER_PAGE

HOME_CASES = 3
HOME_EVENTS = 3
HOME_SUBSIDIES = 4
HOME_NEWS = 4
HOME_REQUESTS = 5


def paginate(queryset, params, *, per_page: int = LISTING_PER_PAGE):
    """The requested page of `queryset`; a bad or too-large page number gives the nearest page."""
    return Paginator(queryset, per_page).get_page(params.get("page"))


def apply_filters(filterset, queryset):
    """The queryset narrowed by the filters that are valid; invalid ones are ignored (the form
    shows their errors) rather than emptying the listing."""
    if not filterset.is_bound:
        return queryset
    filterset.form.is_valid()
    return filterset.filter_queryset(queryset)


def _querystring_without_page(params) -> str:
    query = params.copy()
    query.pop("page", None)
    return query.urlencode()


# Public name for the other listings of the CMS (the pattern comparison).
querystring_without_page = _querystring_without_page


def with_case_study_relations(queryset):
    """Prefetch what a case study card shows (municipalities, tags, category)."""
    municipalities = Prefetch(
        "case_municipalities",
        queryset=CaseStudyMunicipality.objects.select_related(
            "municipality__prefecture", "municipality__parent"
        ),
    )
    return queryset.prefetch_related(municipalities, "tags")


def case_study_listing(*, index, params) -> dict:
    queryset = CaseStudyPage.objects.live().public().descendant_of(index)
    filterset = CaseStudyFilter(params or None, queryset=queryset)
    results = apply_filters(filterset, queryset)
    results = with_case_study_relations(results.order_by("-first_published_at", "-pk"))
    return {
        "filter": filterset,
        "results": paginate(results, params),
        "querystring": _querystring_without_page(params),
        "is_filtered": any(value for key, value in params.items() if key != "page"),
    }


def subsidy_listing(*, index, params) -> dict:
    queryset = SubsidyProgrammePage.objects.live().public().descendant_of(index)
    filterset = SubsidyFilter(params or None, queryset=queryset)
    results = apply_filters(filterset, queryset)
    results = results.order_by("closes_on", "title")
    return {
        "filter": filterset,
        "results": paginate(results, params),
        "querystring": _querystring_without_page(params),
        "is_filtered": any(value for key, value in params.items() if key != "page"),
    }


def event_listing(*, index, params) -> dict:
    queryset = EventPage.objects.live().public().descendant_of(index)
    filterset = EventFilter(params or None, queryset=queryset)
    events = apply_filters(filterset, queryset)
    return {
        "filter": filterset,
        "upcoming": list(events.upcoming()[:LISTING_PER_PAGE]),
        "past": paginate(events.past(), params),
        "querystring": _querystring_without_page(params),
    }


def news_listing(*, index, params) -> dict:
    news = NewsPage.objects.live().public().descendant_of(index).order_by("-date", "-pk")
    return {"results": paginate(news, params), "querystring": ""}


def report_listing(*, index, params) -> dict:
    reports = (
        ReportPage.objects.live()
        .public()
        .descendant_of(index)
        .select_related("document", "group")
        .order_by("-date", "-pk")
    )
    return {"results": paginate(reports, params), "querystring": ""}


def subsidies_closing_soon(*, limit: int = HOME_SUBSIDIES):
    return list(
        SubsidyProgrammePage.objects.live()
        .public()
        .with_status(SubsidyStatus.CLOSING_SOON)
        .order_by("closes_on", "title")[:limit]
    )


def home_sections() -> dict:
    """Everything the home page lists, each a short list (one query per section)."""
    featured = CaseStudyPage.objects.live().public().order_by("-featured", "-first_published_at")
    return {
        "featured_cases": list(with_case_study_relations(featured)[:HOME_CASES]),
        "upcoming_events": list(EventPage.objects.live().public().upcoming()[:HOME_EVENTS]),
        "closing_subsidies": subsidies_closing_soon(),
        "latest_news": list(NewsPage.objects.live().public().order_by("-date", "-pk")[:HOME_NEWS]),
    }


def home_open_support_requests(*, user, limit: int = HOME_REQUESTS) -> list:
    """The latest open support requests `user` may read, newest first (one query)."""
    from portal.community.models import SupportRequest

    return list(
        SupportRequest.objects.visible_to(user)
        .open()
        .select_related("municipality__prefecture", "municipality__parent")
        .order_by("-published_at", "-pk")[:limit]
    )


def event_registration_of(*, event, user):
    """The user's registration for `event` (any status), or None."""
    if not user.is_authenticated:
        return None
    return EventRegistration.objects.filter(event=event, user=user).first()


def event_seat_counts(*, event) -> dict:
    confirmed = EventRegistration.objects.filter(
        event=event, status=RegistrationStatus.CONFIRMED
    ).count()
    waiting = EventRegistration.objects.filter(
        event=event, status=RegistrationStatus.WAITLISTED
    ).count()
    left = None if event.capacity is None else max(event.capacity - confirmed, 0)
    return {"confirmed": confirmed, "waiting": waiting, "seats_left": left}


def event_attendees(*, event):
    """Active registrations of `event` with their users' affiliations, confirmed first."""
    return (
        EventRegistration.objects.filter(event=event)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related(
            "user__official_profile_row__municipality__prefecture",
            "user__official_profile_row__municipality__parent",
        )
        .prefetch_related("user__startup_memberships__startup")
        .order_by("status", "registered_at", "pk")
    )


def user_affiliation(user) -> str:
    """Where an attendee comes from: their municipality or startup (from prefetched rows)."""
    profile = getattr(user, "official_profile_row", None)
    if profile is not None:
        return f"{profile.municipality.full_name} {profile.department}".strip()
    memberships = list(user.startup_memberships.all())
    return memberships[0].startup.name if memberships else ""
