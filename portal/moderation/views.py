"""Users' side of moderation: the report form. Moderators work in the Wagtail admin
(`portal.moderation.admin_views`)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.accounts.permissions import login_required
from portal.core.forms import add_service_errors
from portal.core.redirects import safe_next_url
from portal.moderation import selectors, services
from portal.moderation.forms import ReportForm


def _back_url(request, target) -> str:
    candidate = safe_next_url(request, request.POST.get("next") or request.GET.get("next"))
    if candidate:
        return candidate
    return target.get_absolute_url() if hasattr(target, "get_absolute_url") else "/"


@login_required
@require_http_methods(["GET", "POST"])
def report_create(request, kind, pk):
    kind_spec, target = selectors.report_target_get(user=request.user, kind=kind, pk=pk)
    back = _back_url(request, target)
    already = selectors.already_reported(user=request.user, target=target)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and not already and form.is_valid():
        try:
            services.report_create(reporter=request.user, target=target, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Thank you. The moderators will look at your report; you will be told when it is handled."
                ),
            )
            return redirect(back)
    context = {
        "form": form,
        "kind": kind_spec,
        "target_label": kind_spec.describe(target),
        "already": already,
        "back": back,
    }
    return render(request, "moderation/report_form.html", context)
