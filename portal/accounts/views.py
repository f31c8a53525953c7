from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse, translate_url
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.accounts.forms import ProfileForm, TermsConsentForm
from portal.accounts.permissions import login_required
from portal.accounts.services import (
    terms_consent_pending,
    terms_consent_record,
    user_update_profile,
)
from portal.accounts.terms import SESSION_PENDING_KEY
from portal.core.redirects import safe_next_url


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(
        request.POST or None,
        initial={
            "display_name": request.user.display_name,
            "preferred_language": request.user.preferred_language,
        },
    )
    if request.method == "POST" and form.is_valid():
        user_update_profile(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your profile was saved."))
        return redirect(translate_url(reverse("accounts:profile"), request.user.preferred_language))
    return render(request, "accounts/profile.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def terms_consent(request):
    """Ask a signed-in user to accept terms that changed since they last accepted them."""
    next_url = _safe_next(request)
    terms = terms_consent_pending(user=request.user)
    if terms is None:
        request.session.pop(SESSION_PENDING_KEY, None)
        return redirect(next_url)
    form = TermsConsentForm(request.POST or None, terms=terms)
    if request.method == "POST" and form.is_valid():
        terms_consent_record(user=request.user, version=terms.version)
        request.session.pop(SESSION_PENDING_KEY, None)
        messages.success(request, _("Thank you. You accepted the current terms of use."))
        return redirect(next_url)
    context = {"form": form, "terms": terms, "next": next_url}
    return render(request, "accounts/terms_consent.html", context)


def _safe_next(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next")
    return safe_next_url(request, candidate) or resolve_url(settings.LOGIN_REDIRECT_URL)
