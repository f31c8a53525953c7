from datetime import date, datetime

from django import template
from django.conf import settings
from django.utils import formats, timezone, translation

from portal.notifications import selectors
from portal.notifications.rendering import absolute_url, in_language

register = template.Library()


@register.filter
def when(value) -> str:
    """A date, or a datetime in Asia/Tokyo, in the active language's format; else ''."""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return formats.date_format(value, "DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "DATE_FORMAT")
    return ""


@register.simple_tag(takes_context=True)
def unread_notification_count(context) -> int:
    """The signed-in user's unread count for the bell (cached; 0 for visitors)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return selectors.unread_count_cached(user_id=user.pk)


@register.filter
def portal_link(path: str) -> str:
    """A portal path as an absolute link to the same page in the language being rendered (for
    links in notification texts besides the main `url`)."""
    return absolute_url(in_language(str(path), translation.get_language())) if path else ""


@register.filter
def site_path(url: str) -> str:
    """A link to this portal as a path (works on any host serving it); other links unchanged."""
    base = settings.PORTAL_BASE_URL.rstrip("/")
    if url and url.startswith(base + "/"):
        return url[len(base) :]
    return url
