from django.contrib import messages
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from portal.accounts.permissions import login_required
from portal.core.redirects import safe_next_url
from portal.notifications import selectors, services, tokens
from portal.notifications.forms import NotificationSettingsForm
from portal.notifications.kinds import get_kind

PAGE_SIZE = 20
INVALID_UNSUBSCRIBE_LINK = gettext_lazy(
    "This unsubscribe link is not valid. It may have been copied incompletely."
)


def _back(request, default: str = "notifications:centre"):
    target = safe_next_url(request, request.POST.get("next"))
    return redirect(target or default)


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@login_required
@require_http_methods(["GET"])
def centre(request):
    page = Paginator(selectors.notifications_for(user=request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "notifications/centre.html", {"page_obj": page})


@login_required
@require_POST
def mark_read(request, pk: int):
    notification = selectors.notification_get_for_user(user=request.user, pk=pk)
    services.notification_mark_read(notification=notification)
    if _wants_json(request):
        return JsonResponse({"unread_count": selectors.unread_count(user_id=request.user.pk)})
    return _back(request)


@login_required
@require_POST
def mark_all_read(request):
    changed = services.notifications_mark_all_read(user=request.user)
    if changed:
        messages.success(request, _("All notifications are marked as read."))
    return _back(request)


@login_required
@require_http_methods(["GET", "POST"])
def settings_view(request):
    form = NotificationSettingsForm(
        request.POST or None,
        modes=selectors.preference_modes(user=request.user),
        categories=selectors.followed_categories(user=request.user),
    )
    if request.method == "POST" and form.is_valid():
        services.notification_settings_update(
            user=request.user,
            modes=form.email_modes(),
            categories=form.cleaned_data["followed_categories"],
        )
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


def _scope_label(scope: str) -> str:
    if scope == tokens.DIGEST_SCOPE:
        return _("The daily digest")
    return str(get_kind(scope).label)


@csrf_exempt  # RFC 8058 one-click POSTs come from mail providers; the signed token authorises.
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    claim = tokens.unsubscribe_claim(token)
    user = selectors.unsubscribe_user(claim=claim) if claim else None
    if user is None:
        context = {"state": "invalid", "error": INVALID_UNSUBSCRIBE_LINK}
        return render(request, "notifications/unsubscribe.html", context, status=400)
    context = {
        "label": _scope_label(claim.scope),
        "masked_email": selectors.masked_email(user.email),
        "state": "confirm",
    }
    if request.method == "POST":
        services.email_unsubscribe(user=user, scope=claim.scope)
        context["state"] = "done"
    return render(request, "notifications/unsubscribe.html", context)
