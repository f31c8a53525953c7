from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.shortcuts import resolve_url


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
