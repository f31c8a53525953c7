from django.shortcuts import get_object_or_404

from portal.startups.models import JoinRequestState, Startup, StartupJoinRequest

JOIN_SEARCH_LIMIT = 30


def startups_for_join(*, query: str = ""):
    """Startups a new member may ask to join, narrowed by name."""
    query = query.strip()
    if not query:
        return Startup.objects.none()
    return Startup.objects.filter(name__icontains=query).order_by("name")[:JOIN_SEARCH_LIMIT]


def startup_get_for_join(*, pk) -> Startup:
    return get_object_or_404(Startup, pk=pk)


def join_requests_of(*, user):
    return StartupJoinRequest.objects.filter(
        user=user, state=JoinRequestState.PENDING
    ).select_related("startup")
