from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.accounts.forms import ProfileForm
from portal.accounts.permissions import login_required
from portal.accounts.services import user_update_profile


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
