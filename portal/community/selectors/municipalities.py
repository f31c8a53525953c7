from portal.community.models import Municipality, Prefecture

MUNICIPALITY_PICKER_LIMIT = 60


def prefecture_list():
    return Prefecture.objects.all()


def municipality_choices(
    *, prefecture_code: str = "", text: str = "", limit=MUNICIPALITY_PICKER_LIMIT
):
    """Municipalities for the picker: narrowed by prefecture and by name or reading."""
    queryset = Municipality.objects.select_related("prefecture", "parent")
    if prefecture_code:
        queryset = queryset.in_prefecture(prefecture_code)
    elif not text:
        return Municipality.objects.none()
    return queryset.matching(text)[:limit] if limit else queryset.matching(text)


def prefecture_or_none(code: str):
    return Prefecture.objects.filter(code=code).first() if code else None


def verified_officials_of(*, municipality):
    from portal.community.models import OfficialProfile, VerificationState

    return (
        OfficialProfile.objects.filter(
            municipality=municipality,
            verification_state=VerificationState.VERIFIED,
            user__is_active=True,
        )
        .select_related("user")
        .order_by("title", "user__display_name")
    )
