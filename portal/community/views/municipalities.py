from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.accounts.permissions import login_required, verified_official_required
from portal.community import selectors
from portal.community.models import Municipality
from portal.community.profile_forms import MunicipalityProfileForm
from portal.community.selectors.peers import peers_of_municipality
from portal.community.services.direct import can_consult, direct_conversation_open
from portal.community.services.profiles import (
    NOT_PROFILE_EDITOR,
    can_edit_profile,
    municipality_profile_update,
)
from portal.core.forms import add_service_errors


@require_GET
def municipality_search(request):
    """JSON for the municipality picker's type-ahead (public data; capped)."""
    results = selectors.municipality_choices(
        prefecture_code=request.GET.get("prefecture", "")[:2],
        text=request.GET.get("q", "")[:32],
    )
    return JsonResponse({"results": [{"code": m.code, "name": m.full_name} for m in results]})


def _municipality(code) -> Municipality:
    return get_object_or_404(Municipality.objects.select_related("prefecture", "parent"), code=code)


@require_GET
def municipality_detail(request, code):
    municipality = _municipality(code)
    requests = selectors.requests_of_municipality(user=request.user, municipality=municipality)
    officials = list(selectors.verified_officials_of(municipality=municipality))
    context = {
        "municipality": municipality,
        "officials": officials,
        "page": Paginator(requests, selectors.LIST_PAGE_SIZE).get_page(request.GET.get("page")),
        "can_edit_profile": can_edit_profile(request.user, municipality),
        "can_consult": bool(officials) and can_consult(request.user, municipality),
        **peers_of_municipality(municipality=municipality, user=request.user),
    }
    return render(request, "community/municipality_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def municipality_profile_edit(request, code):
    """Moderators and the municipality's verified officials correct its figures (audited)."""
    municipality = _municipality(code)
    if not can_edit_profile(request.user, municipality):
        raise PermissionDenied(NOT_PROFILE_EDITOR)
    initial = MunicipalityProfileForm.initial_for(municipality)
    form = MunicipalityProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            municipality_profile_update(
                municipality=municipality, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The figures were saved."))
            return redirect(municipality)
    context = {"municipality": municipality, "form": form}
    return render(request, "community/municipality_profile_form.html", context)


@verified_official_required
@require_POST
def municipality_consult(request, code):
    """「この自治体のCDOに相談する」: open (or reuse) the direct conversation, then go there."""
    municipality = _municipality(code)
    try:
        channel = direct_conversation_open(actor=request.user, municipality=municipality)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(municipality)
    return redirect(channel)
