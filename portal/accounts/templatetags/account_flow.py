from django import template

from portal.accounts.middleware import MFA_NEXT_SESSION_KEY

register = template.Library()


@register.simple_tag(takes_context=True)
def mfa_continue_url(context) -> str:
    """Where the user was going when TOTP set-up started (kept in the session), or ""."""
    request = context.get("request")
    session = getattr(request, "session", None)
    return session.get(MFA_NEXT_SESSION_KEY, "") if session is not None else ""
