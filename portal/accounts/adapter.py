from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import resolve_url

from portal.accounts import ratelimits


class AccountAdapter(DefaultAccountAdapter):
    """Stores the portal's signup fields and sends new users through onboarding."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        data = form.cleaned_data
        user.display_name = data.get("display_name", "").strip()
        user.preferred_language = data.get("preferred_language") or "ja"
        if commit:
            user.save()
        return user

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
