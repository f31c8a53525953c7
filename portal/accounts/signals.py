"""Sign-in side effects of the accounts app (Django's signal: allauth signs in through it)."""

from django.contrib.auth.signals import user_logged_in

from portal.accounts.services import terms_consent_pending
from portal.accounts.terms import SESSION_PENDING_KEY


def flag_changed_terms(sender, request, user, **kwargs) -> None:
    """Mark the session when the terms changed since the user last accepted them."""
    if request is None or not hasattr(request, "session"):
        return
    terms = terms_consent_pending(user=user)
    if terms is not None:
        request.session[SESSION_PENDING_KEY] = terms.version


def connect() -> None:
    user_logged_in.connect(flag_changed_terms, dispatch_uid="portal_terms_on_login")
