from django.utils import timezone

from portal.accounts.models import Role, User


def user_complete_onboarding(*, user: User, role: Role) -> User:
    """Record the role the user chose; the first completion time is kept on later changes."""
    user.role = role
    if user.onboarded_at is None:
        user.onboarded_at = timezone.now()
    user.save(update_fields=["role", "onboarded_at"])
    return user


def user_update_profile(*, user: User, display_name: str, preferred_language: str) -> User:
    user.display_name = display_name.strip()
    user.preferred_language = preferred_language
    user.full_clean(exclude=["password"])
    user.save(update_fields=["display_name", "preferred_language"])
    return user
