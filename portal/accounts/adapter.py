from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from portal.accounts.services import terms_consent_record
from portal.accounts.terms import current_terms


class AccountAdapter(DefaultAccountAdapter):
    """Stores the portal's signup fields and sends new users through onboarding."""

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
        return reverse("accounts:after_login")
