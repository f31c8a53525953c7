"""Who may do what to a startup. Pure functions over a user and a startup (no queries beyond the
user's own membership, which `User.startup_membership` caches)."""

from django.utils.translation import gettext_lazy as _

from portal.startups.models import MemberRole, Startup

MANAGER_ROLES = {MemberRole.OWNER, MemberRole.ADMIN}


def membership_in(user, startup: Startup):
    membership = getattr(user, "startup_membership", None) if user.is_authenticated else None
    if membership is not None and membership.startup_id == startup.pk:
        return membership
    return None


def can_edit_profile(user, startup: Startup) -> bool:
    membership = membership_in(user, startup)
    return bool(membership and membership.role in MANAGER_ROLES) or user.is_moderator


def can_manage_members(user, startup: Startup) -> bool:
    membership = membership_in(user, startup)
    return bool(membership and membership.role in MANAGER_ROLES)


def can_change_roles(user, startup: Startup) -> bool:
    """Only owners hand out or take away ownership and admin rights."""
    membership = membership_in(user, startup)
    return bool(membership and membership.role == MemberRole.OWNER)


NOT_MANAGER = _("Only the startup's owners and admins can do this.")
