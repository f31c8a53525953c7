from django.db import transaction

from portal.accounts.models import Role, User
from portal.accounts.services import user_complete_onboarding
from portal.community.models import Municipality, OfficialProfile, VerificationState


@transaction.atomic
def official_profile_submit(
    *,
    user: User,
    municipality: Municipality,
    department: str,
    title: str,
    title_detail: str = "",
) -> OfficialProfile:
    """Create or correct the user's official profile; it (re-)enters the verification queue.

    A verified profile that changes municipality loses its verification: the claim is new.
    """
    profile = OfficialProfile.objects.select_for_update().filter(user=user).first()
    if profile is None:
        profile = OfficialProfile(user=user)
    municipality_changed = profile.municipality_id != municipality.pk
    profile.municipality = municipality
    profile.department = department.strip()
    profile.title = title
    profile.title_detail = title_detail.strip()
    if profile.verification_state != VerificationState.VERIFIED or municipality_changed:
        profile.verification_state = VerificationState.PENDING
        profile.verification_decided_by = None
        profile.verification_decided_at = None
    profile.full_clean()
    profile.save()
    user_complete_onboarding(user=user, role=Role.OFFICIAL)
    user.__dict__.pop("official_profile", None)
    return profile
