from urllib.parse import urlencode

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.accounts.terms import SESSION_PENDING_KEY, current_terms
from portal.core.redirects import safe_next_url

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
# Where a moderator was going when TOTP set-up interrupted them; the recovery codes page links on.
MFA_NEXT_SESSION_KEY = "portal_mfa_next"
# Assets, health checks and language switching never wait for the consent page.
TERMS_UNGATED_PREFIXES = ("/static/", "/media/", "/healthz", "/i18n/", "/documents/", "/ws/")


class ModeratorMFAMiddleware:
    """Moderators must turn on TOTP before they can use the admin (their power needs a 2nd factor)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        self._remember_next(request)
        if self._must_enrol(request):
            request.session[MFA_NEXT_SESSION_KEY] = request.get_full_path()
            # /admin/ has no language prefix: speak the moderator's own language.
            with translation.override(request.user.preferred_language):
                messages.warning(
                    request,
                    _("Moderators must set up two-factor authentication before using the admin."),
                )
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse('mfa_activate_totp')}?{query}")
        return self.get_response(request)

    @staticmethod
    def _remember_next(request) -> None:
        """`?next=` on the TOTP set-up page survives allauth's redirects (it drops the query)."""
        next_url = request.GET.get("next", "")
        if not next_url or request.path != reverse("mfa_activate_totp"):
            return
        if safe_next_url(request, next_url):
            request.session[MFA_NEXT_SESSION_KEY] = next_url

    @staticmethod
    def _must_enrol(request) -> bool:
        user = getattr(request, "user", None)
        if not (request.path.startswith(ADMIN_PREFIXES) and user and user.is_authenticated):
            return False
        if not (user.is_moderator or user.is_staff):
            return False
        return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class TermsConsentMiddleware:
    """After a sign-in that found the terms changed, ask for consent before anything else.

    The sign-in handler (portal.accounts.signals) sets the session flag; the flag is cleared when
    the user accepts. Reading the terms, signing out and the consent page itself stay reachable.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.get(SESSION_PENDING_KEY) and _gated(request):
            url = reverse("accounts:terms_consent")
            return redirect(f"{url}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


def _gated(request) -> bool:
    if request.method != "GET" or not request.user.is_authenticated:
        return False
    path = request.path
    if path.startswith(TERMS_UNGATED_PREFIXES):
        return False
    open_paths = {reverse("accounts:terms_consent"), reverse("account_logout")}
    terms = current_terms()
    if terms is not None:
        open_paths |= {terms.terms_url, terms.privacy_url}
    return path not in open_paths
