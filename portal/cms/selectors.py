"""Reads for the CMS pages: listings with their filters, and the home page's sections.

Each listing returns a fixed number of queries whatever the number of pages: the page of results
is fetched once and its related rows are prefetched. Every listing shows the reader's language
(`locales.for_reading`): one copy of each page, never the Japanese page and its English copy.
"""

from django.db.models import Prefetch

from portal.cms.filters import CaseStudyFilter, EventFilter, KeywordFilter, SubsidyFilter
from portal.cms.locales import for_reading
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
from portal.core.pagination import CappedPaginator

HOME_CASES = 3
HOME_EVENTS = 3
HOME_SUBSIDIES = 4
HOME_NEWS = 4
HOME_REQUESTS = 5


def paginate(queryset, params, *, per_page: int = LISTING_PER_PAGE):
    """The requested page of `queryset`; a bad or too-large page number gives the nearest page."""
    return CappedPaginator(queryset, per_page).get_page(params.get("page"))


def apply_filters(filterset, queryset):
    """The queryset narrowed by the filters that are valid; invalid ones are ignored (the form
    shows their errors) rather than emptying the listing."""
    if not filterset.is_bound:
        return queryset
    filterset.form.is_valid()
    return filterset.filter_queryset(queryset)


def searched_query(filterset) -> str:
    """The keyword the filterset searched for ("" when none): results are then in relevance
    order and the cards highlight it."""
    if not filterset.is_bound:
        return ""
    filterset.form.is_valid()  # cleans the form; an invalid field is left out of cleaned_data
    return (filterset.form.cleaned_data.get("q") or "").strip()


def _in_order(results, query: str, *order):
    """Relevance order when searching (search() has ordered it), `order` otherwise."""
    return results if query else results.order_by(*order)


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
    queryset = for_reading(CaseStudyPage.objects.live().public().descendant_of(index))
    filterset = CaseStudyFilter(params or None, queryset=queryset)
    results = apply_filters(filterset, queryset)
    query = searched_query(filterset)
    results = with_case_study_relations(_in_order(results, query, "-first_published_at", "-pk"))
    return {
        "q": query,
        "filter": filterset,
        "results": paginate(results, params),
        "querystring": _querystring_without_page(params),
        "is_filtered": any(value for key, value in params.items() if key != "page"),
    }


def subsidy_listing(*, index, params) -> dict:
    queryset = for_reading(SubsidyProgrammePage.objects.live().public().descendant_of(index))
    filterset = SubsidyFilter(params or None, queryset=queryset)
    results = apply_filters(filterset, queryset)
    query = searched_query(filterset)
    results = results if query else results.by_deadline()
    return {
        "q": query,
        "filter": filterset,
        "results": paginate(results, params),
        "querystring": _querystring_without_page(params),
        "is_filtered": any(value for key, value in params.items() if key != "page"),
    }


def event_listing(*, index, params) -> dict:
    queryset = for_reading(EventPage.objects.live().public().descendant_of(index))
    filterset = EventFilter(params or None, queryset=queryset)
    events = apply_filters(filterset, queryset)
    return {
        "q": searched_query(filterset),
        "filter": filterset,
        "upcoming": list(events.upcoming()[:LISTING_PER_PAGE]),
        "past": paginate(events.past(), params),
        "querystring": _querystring_without_page(params),
    }


def _keyword_listing(queryset, params) -> dict:
    """A dated listing (news, reports) with the keyword box: newest first, or best match."""
    filterset = KeywordFilter(params or None, queryset=queryset)
    results = apply_filters(filterset, queryset)
    query = searched_query(filterset)
    return {
        "q": query,
        "filter": filterset,
        "results": paginate(_in_order(results, query, "-date", "-pk"), params),
        "querystring": _querystring_without_page(params),
    }


def news_listing(*, index, params) -> dict:
    news = for_reading(NewsPage.objects.live().public().descendant_of(index))
    return _keyword_listing(news, params)


def report_listing(*, index, params) -> dict:
    reports = for_reading(ReportPage.objects.live().public().descendant_of(index))
    reports = reports.select_related("document", "group")
    return _keyword_listing(reports, params)


def subsidies_closing_soon(*, limit: int = HOME_SUBSIDIES):
    return list(
        for_reading(SubsidyProgrammePage.objects.live().public())
        .with_status(SubsidyStatus.CLOSING_SOON)
        .order_by("closes_on", "title")[:limit]
    )


def home_sections() -> dict:
    """Everything the home page lists, each a short list (one query per section)."""
    featured = for_reading(CaseStudyPage.objects.live().public())
    featured = featured.order_by("-featured", "-first_published_at")
    events = for_reading(EventPage.objects.live().public())
    news = for_reading(NewsPage.objects.live().public()).order_by("-date", "-pk")
    return {
        "featured_cases": list(with_case_study_relations(featured)[:HOME_CASES]),
        "upcoming_events": list(events.upcoming()[:HOME_EVENTS]),
        "closing_subsidies": subsidies_closing_soon(),
        "latest_news": list(news[:HOME_NEWS]),
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
