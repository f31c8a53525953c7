from anyascii import anyascii
from django.db import transaction
from django.utils.text import slugify

from portal.accounts.models import Role, User
from portal.accounts.services import user_complete_onboarding
from portal.community.models import Prefecture
from portal.startups.models import (
    JoinRequestState,
    MemberRole,
    Startup,
    StartupJoinRequest,
    StartupMember,
)


def _unique_slug(name: str, requested: str = "") -> str:
    base = slugify(requested or anyascii(name))[:60].strip("-") or "startup"
    slug, n = base, 2
    while Startup.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def startup_create(
    *,
    owner: User,
    name: str,
    corporate_number: str = "",
    website: str = "",
    summary: str = "",
    hq_prefecture: Prefecture | None = None,
    slug: str = "",
) -> Startup:
    """Create a startup (pending verification) with `owner` as its first owner."""
    startup = Startup(
        name=name.strip(),
        slug=_unique_slug(name, slug),
        corporate_number=corporate_number.strip(),
        website=website,
        summary=summary.strip(),
        hq_prefecture=hq_prefecture,
    )
    startup.full_clean()
    startup.save()
    StartupMember.objects.create(startup=startup, user=owner, role=MemberRole.OWNER)
    user_complete_onboarding(user=owner, role=Role.STARTUP)
    owner.__dict__.pop("startup_membership", None)
    return startup


@transaction.atomic
def startup_join_request_create(
    *, user: User, startup: Startup, message: str = ""
) -> StartupJoinRequest:
    """Ask to join `startup`; asking again while a request is pending returns that request."""
    join_request, _ = StartupJoinRequest.objects.get_or_create(
        startup=startup,
        user=user,
        state=JoinRequestState.PENDING,
        defaults={"message": message.strip()},
    )
    user_complete_onboarding(user=user, role=Role.STARTUP)
    return join_request
