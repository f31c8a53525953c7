from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class ModeratorMFAMiddleware:
    """Moderators must turn on TOTP before they can use the admin (their power needs a 2nd factor)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_enrol(request):
            # /admin/ has no language prefix: speak the moderator's own language.
            with translation.override(request.user.preferred_language):
                messages.warning(
                    request,
                    _("Moderators must set up two-factor authentication before using the admin."),
                )
                return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    @staticmethod
    def _must_enrol(request) -> bool:
        user = getattr(request, "user", None)
        if not (request.path.startswith(ADMIN_PREFIXES) and user and user.is_authenticated):
            return False
        if not (user.is_moderator or user.is_staff):
            return False
        return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
