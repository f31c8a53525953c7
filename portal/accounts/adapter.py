from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import resolve_url
from django.utils.translation import gettext

from portal.accounts import ratelimits
from portal.accounts.services import terms_consent_record
from portal.accounts.terms import current_terms


@dataclass(frozen=True)
class PortalSite:
    """What allauth's emails call `current_site`: the portal's name, not the raw host."""

    name: str
    domain: str


def portal_site(request) -> PortalSite:
    """The portal's name and the address it is reached at (PORTAL_BASE_URL without a request)."""
    if request is not None:
        domain = request.get_host()
    else:
        domain = urlsplit(settings.PORTAL_BASE_URL).netloc
    return PortalSite(name=gettext(settings.WAGTAIL_SITE_NAME), domain=domain)


class AccountAdapter(DefaultAccountAdapter):
    """Stores the portal's signup fields and sends new users through onboarding."""

    def send_mail(self, template_prefix, email, context):
        """allauth's emails greet with the Site name; without django.contrib.sites it would be
        the host and port ("127.0.0.1:51525"), which reads like phishing."""
        request = getattr(allauth_context, "request", None)
        super().send_mail(template_prefix, email, {**context, "current_site": portal_site(request)})

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        data = form.cleaned_data
        user.display_name = data.get("display_name", "").strip()
        user.preferred_language = data.get("preferred_language") or "ja"
        if commit:
            user.save()
            self._record_terms_consent(user, data)
        return user

    @staticmethod
    def _record_terms_consent(user, data) -> None:
        terms = current_terms()
        if terms is not None and data.get("accept_terms"):
            terms_consent_record(user=user, version=terms.version)

    def get_login_redirect_url(self, request):
        return resolve_url(settings.LOGIN_REDIRECT_URL)

    def pre_authenticate(self, request, **credentials):
        """allauth's per-account and per-IP limit on failed sign-ins (`login_failed`), with a
        message that says how long to wait instead of "try again later"."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError as error:
            if error.code != "too_many_login_attempts":
                raise
            seconds = ratelimits.wait_seconds(
                request,
                actions={"login_failed"},
                key=self._get_login_attempts_cache_key(request, **credentials),
            )
            raise ValidationError(
                ratelimits.login_wait_message(ratelimits.wait_minutes(seconds)),
                code="too_many_login_attempts",
            ) from error
