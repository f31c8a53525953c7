from django import template

from portal.cocreation.events import attachments_payload
from portal.cocreation.rendering import render_markdown_lite
from portal.cocreation.selectors import unread_total

register = template.Library()


@register.filter
def markdown_lite(text, mention_names=()):
    """Chat Markdown-lite as safe HTML (everything else escaped); `@member` highlighted."""
    return render_markdown_lite(text, mention_names or ())


@register.filter
def message_files(message):
    """A message's files as in the socket payload (name, size, type, url): one source of truth."""
    return attachments_payload(message)


@register.inclusion_tag("cocreation/_nav_item.html", takes_context=True)
def channels_nav_item(context):
    """The navigation link to the channels with the user's unread count (one query)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    match = getattr(request, "resolver_match", None)
    return {
        "show": True,
        "unread": unread_total(user=user),
        "current": bool(match and match.app_name == "cocreation"),
    }
