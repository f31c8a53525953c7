"""Reads of support requests: lists with filters and search, permission-checked getters."""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404

from portal.community import policies
from portal.community.models import (
    JoinState,
    RequestState,
    SupportRequest,
    SupportRequestAttachment,
    SupportRequestJoin,
    SupportRequestTransition,
)
from portal.community.models.support_requests import deadline_today
from portal.search import search

LIST_PAGE_SIZE = 20
SIMILAR_LIMIT = 5
LISTED_BY_DEFAULT = [
    RequestState.OPEN,
    RequestState.SELECTING,
    RequestState.CO_CREATING,
    RequestState.COMPLETED,
]


class Sort:
    RELEVANCE = "relevance"
    NEWEST = "newest"
    DEADLINE = "deadline"
    MUNICIPALITIES = "municipalities"


class DeadlineWindow:
    ACCEPTING = "accepting"
    WEEK = "week"
    MONTH = "month"
    PASSED = "passed"


@dataclass(frozen=True)
class RequestFilters:
    """The list's filters, already validated by the filter form (blank = no filter)."""

    q: str = ""
    category: str = ""
    prefecture: str = ""
    region: str = ""
    state: str = ""
    budget_range: str = ""
    deadline: str = ""
    joint: str = ""
    sort: str = ""


def _proposal_counts() -> dict:
    """Proposal counts once the proposals app gives SupportRequest a ``proposals`` relation.

    Contract with the proposals app: ``Proposal.support_request`` (related_name="proposals")
    and ``Proposal.state`` with "draft" (never counted) and "submitted" (counted as new).
    Without it the counts are 0. Subqueries keep the list at one query per page.
    """
    try:
        proposal_model = SupportRequest._meta.get_field("proposals").related_model
    except FieldDoesNotExist:
        return {
            "proposal_count": Value(0, IntegerField()),
            "new_proposal_count": Value(0, IntegerField()),
        }

    def count(**filters):
        rows = (
            proposal_model.objects.filter(support_request=OuterRef("pk"), **filters)
            .exclude(state="draft")
            .order_by()
            .values("support_request")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return Coalesce(Subquery(rows, output_field=IntegerField()), 0)

    return {"proposal_count": count(), "new_proposal_count": count(state="submitted")}


def _filter(queryset, filters: RequestFilters, today: datetime.date):
    if filters.state:
        queryset = queryset.filter(state=filters.state)
    else:
        queryset = queryset.filter(state__in=LISTED_BY_DEFAULT)
    if filters.category:
        queryset = queryset.filter(category=filters.category)
    if filters.prefecture:
        queryset = queryset.filter(municipality__prefecture_id=filters.prefecture)
    if filters.region:
        queryset = queryset.filter(municipality__prefecture__region=filters.region)
    if filters.budget_range:
        queryset = queryset.filter(budget_range=filters.budget_range)
    if filters.joint == "yes":
        queryset = queryset.filter(municipality_count__gt=1)
    elif filters.joint == "no":
        queryset = queryset.filter(municipality_count=1)
    return _filter_deadline(queryset, filters.deadline, today)


def _filter_deadline(queryset, window: str, today: datetime.date):
    if window == DeadlineWindow.ACCEPTING:
        return queryset.filter(state=RequestState.OPEN, proposal_deadline__gte=today)
    if window in {DeadlineWindow.WEEK, DeadlineWindow.MONTH}:
        days = 7 if window == DeadlineWindow.WEEK else 30
        return queryset.filter(
            state=RequestState.OPEN,
            proposal_deadline__gte=today,
            proposal_deadline__lte=today + datetime.timedelta(days=days),
        )
    if window == DeadlineWindow.PASSED:
        return queryset.filter(proposal_deadline__lt=today)
    return queryset


def _sort(queryset, sort: str, searching: bool):
    if sort == Sort.DEADLINE:
        return queryset.order_by(F("proposal_deadline").asc(nulls_last=True), "-pk")
    if sort == Sort.MUNICIPALITIES:
        return queryset.order_by("-municipality_count", "-published_at", "-pk")
    if sort == Sort.NEWEST or not searching:
        return queryset.order_by(F("published_at").desc(nulls_last=True), "-pk")
    return queryset  # relevance: search() has ordered it


def support_request_list(*, user, filters: RequestFilters, now=None):
    """Requests `user` may read, filtered, searched and sorted; ready for pagination."""
    queryset = _filter(SupportRequest.objects.visible_to(user), filters, deadline_today(now))
    searching = bool(filters.q.strip())
    if searching:
        by_relevance = filters.sort in {"", Sort.RELEVANCE}
        queryset = search(queryset, filters.q, order_by_relevance=by_relevance)
    queryset = _sort(queryset, filters.sort, searching)
    return queryset.with_list_data().annotate(**_proposal_counts())


def support_request_feed(*, filters: RequestFilters, now=None, limit=50):
    """Open, public requests for the Atom feed (anyone may subscribe), honouring the filters."""
    filters = RequestFilters(**{**filters.__dict__, "state": RequestState.OPEN})
    return support_request_list(user=AnonymousUser(), filters=filters, now=now)[:limit]


def similar_requests(*, user, title: str, exclude_pk=None, limit=SIMILAR_LIMIT):
    """Published requests whose text shares words with `title`, most similar first."""
    queryset = SupportRequest.objects.visible_to(user).published()
    if exclude_pk:
        queryset = queryset.exclude(pk=exclude_pk)
    results = search(queryset, title, match="any")
    return results.select_related("municipality__prefecture", "municipality__parent")[:limit]


def _detail_queryset():
    return SupportRequest.objects.select_related(
        "municipality__prefecture", "municipality__parent", "author__official_profile_row"
    ).prefetch_related(
        "tags",
        Prefetch(
            "transitions",
            queryset=SupportRequestTransition.objects.select_related("actor"),
        ),
        Prefetch(
            "joins",
            queryset=SupportRequestJoin.objects.select_related(
                "municipality__prefecture", "municipality__parent", "requested_by"
            ),
        ),
        Prefetch(
            "joins",
            queryset=SupportRequestJoin.objects.filter(state=JoinState.ACCEPTED).select_related(
                "municipality__prefecture", "municipality__parent"
            ),
            to_attr="accepted_joins",
        ),
        Prefetch("attachments", queryset=SupportRequestAttachment.objects.all()),
        "linked_case_studies",
        "linked_subsidies",
    )


def support_request_get_for_user(*, user, pk) -> SupportRequest:
    """The request `pk` if `user` may read it; 404 otherwise (drafts are not even admitted)."""
    support_request = _detail_queryset().annotate(**_proposal_counts()).filter(pk=pk).first()
    if support_request is None or not policies.can_view(user, support_request):
        raise Http404
    return support_request


def support_request_get_for_edit(*, user, pk) -> SupportRequest:
    support_request = support_request_get_for_user(user=user, pk=pk)
    if not policies.can_edit(user, support_request):
        raise PermissionDenied(policies.NOT_EDITABLE)
    return support_request


def support_request_attachment_get_for_user(*, user, request_pk, pk) -> SupportRequestAttachment:
    """An attachment of a request the user may read in full (attachments are not public)."""
    support_request = support_request_get_for_user(user=user, pk=request_pk)
    if not policies.can_view_private(user, support_request):
        raise PermissionDenied(policies.NOT_VERIFIED_FOR_PRIVATE)
    attachment = next((a for a in support_request.attachments.all() if a.pk == pk), None)
    if attachment is None:
        raise Http404
    return attachment


def support_request_join_get_for_user(*, user, request_pk, pk) -> SupportRequestJoin:
    """A join of a request the user may read; acting on it is checked by the services."""
    support_request = support_request_get_for_user(user=user, pk=request_pk)
    join = next((j for j in support_request.joins.all() if j.pk == pk), None)
    if join is None:
        raise Http404
    join.support_request = support_request
    return join


def dashboard_for_official(*, user) -> dict:
    """The official's municipality's requests by state, co-sponsored ones and pending joins."""
    municipality = user.official_profile.municipality
    own = list(
        SupportRequest.objects.for_municipality(municipality)
        .annotate(**_proposal_counts())
        .annotate(pending_join_count=Count("joins", filter=Q(joins__state=JoinState.PENDING)))
        .order_by("-updated_at", "-pk")
    )
    by_state = [
        (state, [request for request in own if request.state == state]) for state in RequestState
    ]
    joined = (
        SupportRequest.objects.visible_to(user)
        .filter(
            joins__municipality=municipality,
            joins__state__in=[JoinState.PENDING, JoinState.ACCEPTED],
        )
        .annotate(my_join_state=F("joins__state"))
        .select_related("municipality__prefecture", "municipality__parent")
        .order_by("-published_at", "-pk")
    )
    return {"municipality": municipality, "by_state": by_state, "joined": joined}


def requests_of_municipality(*, user, municipality):
    """Published requests posted or co-sponsored by `municipality` that `user` may read."""
    return (
        SupportRequest.objects.visible_to(user)
        .published()
        .involving_municipality(municipality)
        .with_list_data()
        .order_by(F("published_at").desc(nulls_last=True), "-pk")
    )
