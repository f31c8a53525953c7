from django.conf import settings


def portal(request):
    """Values every page's layout needs: the site name and the user's role flags."""
    user = getattr(request, "user", None)
    authenticated = bool(user and user.is_authenticated)
    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "nav_is_moderator": authenticated and user.is_moderator,
        "nav_is_official": authenticated and user.is_verified_official,
        "nav_is_startup": authenticated and user.is_startup_member,
        "nav_needs_onboarding": authenticated and not user.is_onboarded and not user.is_moderator,
    }
