from portal.community.models import OfficialProfile, VerificationState


def pending_official_profiles():
    """The moderators' verification queue, oldest claim first."""
    return (
        OfficialProfile.objects.filter(verification_state=VerificationState.PENDING)
        .select_related("user", "municipality__prefecture", "municipality__parent")
        .order_by("updated_at", "pk")
    )


def official_profile_get_for_moderator(*, pk) -> OfficialProfile:
    """Any profile (callers are moderator-gated admin views)."""
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        OfficialProfile.objects.select_related(
            "user", "municipality__prefecture", "municipality__parent", "verification_decided_by"
        ),
        pk=pk,
    )
