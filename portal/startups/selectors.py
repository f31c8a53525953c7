from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404

from portal.search.selectors import search
from portal.startups import permissions
from portal.startups.models import (
    JoinRequestState,
    Proposal,
    Startup,
    StartupCategory,
    StartupInvitation,
    StartupJoinRequest,
    StartupMember,
    TrackRecord,
    TrackRecordState,
)

JOIN_SEARCH_LIMIT = 30
DIRECTORY_SORTS = {
    "name": ("name",),
    "newest": ("-created_at", "name"),
    "track_record": ("-confirmed_records", "name"),
}


def startups_for_join(*, query: str = ""):
    """Startups a new member may ask to join, narrowed by name."""
    query = query.strip()
    if not query:
        return Startup.objects.none()
    return (
        Startup.objects.not_hidden()
        .filter(name__icontains=query)
        .order_by("name")[:JOIN_SEARCH_LIMIT]
    )


def startup_get_for_join(*, pk) -> Startup:
    return get_object_or_404(Startup, pk=pk)


def join_requests_of(*, user):
    return StartupJoinRequest.objects.filter(
        user=user, state=JoinRequestState.PENDING
    ).select_related("startup")


def startup_directory(
    *, user, category="", prefecture="", stage="", verified=False, sort="", query=""
):
    """The public directory: one query for the page plus prefetches, whatever the row count."""
    queryset = (
        Startup.objects.visible_to(user)
        .select_related("hq_prefecture")
        .annotate(
            confirmed_records=Count(
                "track_records", filter=Q(track_records__state=TrackRecordState.CONFIRMED)
            )
        )
    )
    if category:
        queryset = queryset.filter(categories__category=category)
    if prefecture:
        queryset = queryset.filter(hq_prefecture_id=prefecture)
    if stage:
        queryset = queryset.filter(stage=stage)
    if verified:
        queryset = queryset.verified()
    if query.strip():
        # The support requests' Japanese search (CJK bigrams); best match first unless another
        # order was chosen.
        by_relevance = sort in {"", "relevance"}
        queryset = search(queryset, query, order_by_relevance=by_relevance)
        if not by_relevance:
            queryset = queryset.order_by(*DIRECTORY_SORTS.get(sort, DIRECTORY_SORTS["name"]))
    else:
        queryset = queryset.order_by(*DIRECTORY_SORTS.get(sort, DIRECTORY_SORTS["name"]))
    return queryset.prefetch_related(
        Prefetch("categories", queryset=StartupCategory.objects.order_by("category")), "tags"
    )


def startup_get_public(*, slug, user) -> Startup:
    """Startup profiles are public (the directory is a visitor feature), unless hidden."""
    return get_object_or_404(
        Startup.objects.visible_to(user)
        .select_related("hq_prefecture")
        .prefetch_related("categories", "tags"),
        slug=slug,
    )


def startup_get_for_manager(*, user, slug) -> Startup:
    startup = startup_get_public(slug=slug, user=user)
    if not permissions.can_edit_profile(user, startup):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied(permissions.NOT_MANAGER)
    return startup


def startup_get_for_member_manager(*, user, slug) -> Startup:
    """For the team actions whose services need an owner or admin (invite, revoke, decide on
    join requests): the same rule here, so nobody else even sees a form (moderators included)."""
    startup = startup_get_public(slug=slug, user=user)
    if not permissions.can_manage_members(user, startup):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied(permissions.NOT_MANAGER)
    return startup


def startup_get_for_role_changer(*, user, slug) -> Startup:
    """For changing members' roles: owners only, like `startup_member_change_role`."""
    startup = startup_get_public(slug=slug, user=user)
    if not permissions.can_change_roles(user, startup):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied(permissions.NOT_OWNER)
    return startup


def member_get_for_removal(*, user, startup, pk) -> StartupMember:
    """The member `user` may remove (or themselves); 404 when unknown, 403 when not allowed,
    by the same rule as `startup_member_remove`."""
    member = member_get_for_action(startup=startup, pk=pk)
    if not permissions.can_remove_member(user, member):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied(permissions.NOT_REMOVER)
    return member


def members_of(*, startup):
    return (
        StartupMember.objects.filter(startup=startup)
        .select_related("user")
        .order_by("role", "created_at")
    )


def pending_join_requests(*, startup):
    return startup.join_requests.filter(state=JoinRequestState.PENDING).select_related("user")


def open_invitations(*, startup):
    from django.utils import timezone

    return startup.invitations.filter(
        accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
    ).select_related("invited_by")


def member_get_for_action(*, startup, pk) -> StartupMember:
    return get_object_or_404(
        StartupMember.objects.select_related("user", "startup"), startup=startup, pk=pk
    )


def join_request_get(*, startup, pk) -> StartupJoinRequest:
    return get_object_or_404(
        StartupJoinRequest.objects.select_related("user", "startup"), startup=startup, pk=pk
    )


def invitation_get(*, startup, pk) -> StartupInvitation:
    return get_object_or_404(StartupInvitation, startup=startup, pk=pk)


def invitation_get_by_token(*, token) -> StartupInvitation:
    return get_object_or_404(
        StartupInvitation.objects.select_related("startup", "invited_by"), token=token
    )


def confirmed_track_records(*, startup):
    return startup.track_records.confirmed().select_related(
        "municipality__prefecture", "municipality__parent"
    )


def track_records_for_manager(*, startup):
    return startup.track_records.select_related("municipality__prefecture", "municipality__parent")


def track_records_awaiting(*, official):
    """Claims naming the official's municipality that wait for a decision."""
    profile = official.official_profile
    return (
        TrackRecord.objects.filter(
            municipality_id=profile.municipality_id, state=TrackRecordState.PENDING
        )
        .select_related("startup", "municipality__prefecture", "municipality__parent")
        .order_by("created_at")
    )


def track_record_get_for_official(*, official, pk) -> TrackRecord:
    profile = official.official_profile
    return get_object_or_404(TrackRecord, pk=pk, municipality_id=profile.municipality_id)


def pending_startups():
    """The moderators' verification queue, oldest first, with what they check."""
    return (
        Startup.objects.filter(verification_state="pending")
        .select_related("hq_prefecture")
        .prefetch_related(
            Prefetch("members", queryset=StartupMember.objects.select_related("user")),
            "categories",
        )
        .order_by("updated_at", "pk")
    )


def startup_get_for_moderator(*, pk) -> Startup:
    """Any startup (callers are moderator-gated admin views)."""
    return get_object_or_404(
        Startup.objects.select_related("hq_prefecture", "verification_decided_by").prefetch_related(
            Prefetch("members", queryset=StartupMember.objects.select_related("user")),
            "categories",
            "tags",
        ),
        pk=pk,
    )


def startup_get_for_member(*, user, slug) -> Startup:
    """The startup `slug` if `user` is one of its members; 403 otherwise (profiles are public)."""
    from django.core.exceptions import PermissionDenied

    from portal.startups.alerts import NOT_MEMBER

    startup = startup_get_public(slug=slug, user=user)
    if permissions.membership_in(user, startup) is None:
        raise PermissionDenied(NOT_MEMBER)
    return startup


def alerts_of(*, startup):
    from portal.startups.models import StartupAlert

    return StartupAlert.objects.filter(startup=startup).prefetch_related("prefectures")


def alert_get_for_member(*, startup, pk):
    """One of `startup`'s alerts (the caller checked membership); 404 for another's alert."""
    return get_object_or_404(alerts_of(startup=startup).select_related("startup"), pk=pk)


def active_proposals_by_request(*, startup) -> dict[int, int]:
    """{support request id: proposal id} of the startup's active proposals."""
    return dict(
        Proposal.objects.active().filter(startup=startup).values_list("support_request_id", "pk")
    )


def recommended_requests_for_dashboard(*, user, limit: int = 5):
    """The startup dashboard's slot (``startups/includes/recommended_requests.html``): open
    requests recommended for the user's startup that it has not proposed to, or an empty list."""
    from portal.startups.matching import recommended_requests

    membership = user.startup_membership if user.is_authenticated else None
    if membership is None:
        return []
    # Requests the startup already proposed to are in its proposal list, not recommendations.
    proposed = active_proposals_by_request(startup=membership.startup)
    matches = recommended_requests(
        startup=membership.startup, user=user, limit=limit + len(proposed)
    )
    return [match for match in matches if match.obj.pk not in proposed][:limit]
