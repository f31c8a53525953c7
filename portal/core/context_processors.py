from django.conf import settings

from portal.core.page_cache import csrf_token_for_template


def portal(request):
    """Values every page's layout needs: the site name and the user's role flags (and, on a
    page rendered for the anonymous page cache, a placeholder CSRF token)."""
    user = getattr(request, "user", None)
    authenticated = bool(user and user.is_authenticated)
    values = {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "nav_is_moderator": authenticated and user.is_moderator,
        "nav_is_official": authenticated and user.is_verified_official,
        "nav_is_startup": authenticated and user.is_startup_member,
        "nav_needs_onboarding": authenticated and not user.is_onboarded and not user.is_moderator,
    }
    placeholder = csrf_token_for_template(request)
    if placeholder:  # a page rendered for the anonymous page cache (portal/core/page_cache.py)
        values["csrf_token"] = placeholder
    return values
