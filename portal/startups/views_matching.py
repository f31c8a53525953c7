"""Recommendations and alerts for a startup's members."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from portal.accounts.permissions import login_required
from portal.community import selectors as community_selectors
from portal.core.forms import add_service_errors
from portal.startups import alerts, forms, matching, selectors

RECOMMENDED_LIMIT = 20


@login_required
@require_GET
def recommended(request, slug):
    startup = selectors.startup_get_for_member(user=request.user, slug=slug)
    matches = matching.recommended_requests(
        startup=startup, user=request.user, limit=RECOMMENDED_LIMIT
    )
    proposed = selectors.active_proposals_by_request(startup=startup)
    for match in matches:
        match.own_proposal_pk = proposed.get(match.obj.pk)
    return render(
        request,
        "startups/recommended.html",
        {"startup": startup, "recommended_requests": matches},
    )


@login_required
@require_GET
def alert_list(request, slug):
    startup = selectors.startup_get_for_member(user=request.user, slug=slug)
    return render(
        request,
        "startups/alerts.html",
        {"startup": startup, "alerts": selectors.alerts_of(startup=startup)},
    )


def _alert_initial(alert) -> dict:
    return {
        "name": alert.name,
        "categories": alert.categories,
        "prefectures": [p.code for p in alert.prefectures.all()],
        "keywords": alert.keywords,
    }


@login_required
@require_http_methods(["GET", "POST"])
def alert_edit(request, slug, pk=None):
    """Create (no `pk`) or edit one of the startup's alerts."""
    startup = selectors.startup_get_for_member(user=request.user, slug=slug)
    alert = selectors.alert_get_for_member(startup=startup, pk=pk) if pk else None
    prefectures = community_selectors.prefecture_list()
    form = forms.AlertForm(
        request.POST or None,
        initial=_alert_initial(alert) if alert else None,
        prefectures=prefectures,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        codes = set(data.pop("prefectures"))
        data["prefectures"] = [p for p in prefectures if p.code in codes]
        try:
            if alert:
                alerts.alert_update(alert=alert, actor=request.user, **data)
            else:
                alerts.alert_create(startup=startup, actor=request.user, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The alert was saved."))
            return redirect("startups:alerts", slug=startup.slug)
    return render(
        request, "startups/alert_form.html", {"startup": startup, "alert": alert, "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
def alert_delete(request, slug, pk):
    """GET asks for confirmation; POST deletes."""
    startup = selectors.startup_get_for_member(user=request.user, slug=slug)
    alert = selectors.alert_get_for_member(startup=startup, pk=pk)
    if request.method == "POST":
        alerts.alert_delete(alert=alert, actor=request.user)
        messages.success(request, _("The alert was deleted."))
        return redirect("startups:alerts", slug=startup.slug)
    return render(request, "startups/alert_delete.html", {"startup": startup, "alert": alert})
