from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.accounts.models import Role, User
from portal.accounts.services import user_complete_onboarding
from portal.community.models import Municipality, OfficialProfile, VerificationState
from portal.core.audit import audit_record
from portal.notifications.services import notify

AUDITED_FIELDS = ("verification_state", "rejection_reason")

NOT_PENDING = _("This profile is not waiting for verification (someone may have decided already).")
REJECTION_REASON_REQUIRED = _("Tell the official why, so that they can correct their profile.")


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


def _pending_profile_for_update(profile: OfficialProfile) -> OfficialProfile:
    locked = OfficialProfile.objects.select_for_update().select_related("user").get(pk=profile.pk)
    if locked.verification_state != VerificationState.PENDING:
        raise ValidationError(NOT_PENDING, code="not_pending")
    return locked


def _audit(profile, moderator, action: str, before: dict, *, reason: str) -> None:
    audit_record(
        actor=moderator,
        action=action,
        target=profile,
        reason=reason,
        before=before,
        after={name: getattr(profile, name) for name in AUDITED_FIELDS},
    )


@transaction.atomic
def official_verify(*, profile: OfficialProfile, moderator: User) -> OfficialProfile:
    """A moderator confirms the official works for the municipality; the official is told."""
    profile = _pending_profile_for_update(profile)
    before = {name: getattr(profile, name) for name in AUDITED_FIELDS}
    profile.verification_state = VerificationState.VERIFIED
    profile.verification_decided_by = moderator
    profile.verification_decided_at = timezone.now()
    profile.rejection_reason = ""
    profile.full_clean()
    profile.save()
    _audit(profile, moderator, "official_verified", before, reason="")
    notify(
        kind="official_verified",
        recipients=[profile.user],
        target=profile,
        actor=moderator,
        context={
            "url": reverse_lazy("onboarding:index"),
            "municipality": str(profile.municipality),
        },
    )
    return profile


@transaction.atomic
def official_reject(*, profile: OfficialProfile, moderator: User, reason: str) -> OfficialProfile:
    """A moderator refuses the claim with a reason; the official can correct it and ask again."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": REJECTION_REASON_REQUIRED}, code="reason_required")
    profile = _pending_profile_for_update(profile)
    before = {name: getattr(profile, name) for name in AUDITED_FIELDS}
    profile.verification_state = VerificationState.REJECTED
    profile.verification_decided_by = moderator
    profile.verification_decided_at = timezone.now()
    profile.rejection_reason = reason
    profile.full_clean()
    profile.save()
    _audit(profile, moderator, "official_rejected", before, reason=reason)
    notify(
        kind="official_rejected",
        recipients=[profile.user],
        target=profile,
        actor=moderator,
        context={
            "url": reverse_lazy("onboarding:official"),
            "municipality": str(profile.municipality),
            "reason": reason,
        },
    )
    return profile
