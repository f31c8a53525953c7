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


def can_remove_member(user, member) -> bool:
    """Owners remove anyone, admins plain members, and every member may leave."""
    if membership_in(user, member.startup) is None:
        return False
    if member.user_id == user.pk:
        return True
    return can_change_roles(user, member.startup) or (
        can_manage_members(user, member.startup) and member.role == MemberRole.MEMBER
    )


NOT_MANAGER = _("Only the startup's owners and admins can do this.")
NOT_OWNER = _("Only the startup's owners can change roles.")
NOT_REMOVER = _(
    "Only the startup's owners can remove owners and admins; admins can remove members."
)
