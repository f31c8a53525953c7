from django.utils import timezone

from portal.accounts.models import Role, TermsConsent, User
from portal.accounts.terms import CurrentTerms, current_terms


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


def terms_consent_record(*, user: User, version: str) -> TermsConsent:
    """Record that `user` accepted terms `version` (once per version; repeating is harmless)."""
    consent, _created = TermsConsent.objects.get_or_create(user=user, version=version)
    return consent


def terms_consent_pending(*, user: User) -> CurrentTerms | None:
    """The current terms if `user` has not accepted them yet, else None."""
    terms = current_terms()
    if terms is None or TermsConsent.objects.filter(user=user, version=terms.version).exists():
        return None
    return terms
