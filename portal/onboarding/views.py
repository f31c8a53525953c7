"""Onboarding after the first login: choose a role, then an official's profile or a startup.

It sits above accounts, community and startups (it writes through their services), so the ground
apps need not know it.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.accounts.models import Role
from portal.accounts.permissions import login_required
from portal.community import selectors as community_selectors
from portal.community.models import Municipality, OfficialTitle
from portal.community.services import official_profile_submit
from portal.onboarding.forms import (
    OfficialOnboardingForm,
    RoleChoiceForm,
    StartupCreateForm,
    StartupJoinForm,
)
from portal.startups import selectors as startup_selectors
from portal.startups.services import startup_create, startup_join_request_create


@login_required
def after_login(request):
    """Land in the user's own language; unfinished onboarding comes first."""
    target = reverse("onboarding:index") if not request.user.is_onboarded else reverse("home")
    return redirect(translate_url(target, request.user.preferred_language))


@login_required
@require_http_methods(["GET", "POST"])
def onboarding(request):
    if request.user.is_onboarded and request.method == "GET" and "change" not in request.GET:
        return render(request, "onboarding/status.html", _status_context(request.user))
    form = RoleChoiceForm(request.POST or None, initial={"role": request.user.role or None})
    if request.method == "POST" and form.is_valid():
        step = "onboarding:official"
        if form.cleaned_data["role"] == Role.STARTUP:
            step = "onboarding:startup"
        return redirect(step)
    return render(request, "onboarding/role.html", {"form": form})


def _status_context(user):
    return {
        "official_profile": user.official_profile,
        "membership": user.startup_membership,
        "join_requests": startup_selectors.join_requests_of(user=user),
    }


@login_required
@require_http_methods(["GET", "POST"])
def onboarding_official(request):
    profile = request.user.official_profile
    data = request.POST if request.method == "POST" else None
    initial = _official_initial(profile)
    picker_params = {
        key: request.GET[key] for key in ("prefecture", "municipality_query") if key in request.GET
    }
    initial.update(picker_params)
    source = data or initial
    form = OfficialOnboardingForm(
        data,
        initial=initial,
        prefectures=community_selectors.prefecture_list(),
        municipalities=community_selectors.municipality_choices(
            prefecture_code=source.get("prefecture", ""),
            text=source.get("municipality_query", ""),
            limit=None,
        ),
        titles=OfficialTitle.choices,
    )
    if data is not None and "narrow" not in data and form.is_valid():
        official_profile_submit(
            user=request.user,
            municipality=Municipality.objects.get(code=form.cleaned_data["municipality"]),
            department=form.cleaned_data["department"],
            title=form.cleaned_data["title"],
            title_detail=form.cleaned_data["title_detail"],
        )
        messages.success(request, _("Thank you. A moderator will verify your profile."))
        return redirect("onboarding:index")
    if data is not None and "narrow" in data:
        form.errors.clear()
    return render(request, "onboarding/official.html", {"form": form, "profile": profile})


def _official_initial(profile):
    if profile is None:
        return {}
    return {
        "prefecture": profile.municipality.prefecture_id,
        "municipality": profile.municipality_id,
        "department": profile.department,
        "title": profile.title,
        "title_detail": profile.title_detail,
    }


@login_required
@require_http_methods(["GET", "POST"])
def onboarding_startup(request):
    if request.user.startup_membership:
        messages.info(request, _("You already belong to a startup."))
        return redirect("onboarding:index")
    action = request.POST.get("action", "")
    prefectures = community_selectors.prefecture_list()
    create_form = StartupCreateForm(
        request.POST if action == "create" else None, prefectures=prefectures
    )
    query_source = request.POST if action in {"join", "narrow"} else request.GET
    join_form = StartupJoinForm(
        request.POST if action == "join" else None,
        initial={"startup_query": query_source.get("startup_query", "")},
        startups=startup_selectors.startups_for_join(query=query_source.get("startup_query", "")),
    )
    if action == "create" and create_form.is_valid():
        return _create_startup(request, create_form.cleaned_data)
    if action == "join" and join_form.is_valid():
        startup = startup_selectors.startup_get_for_join(pk=join_form.cleaned_data["startup"])
        try:
            startup_join_request_create(
                user=request.user, startup=startup, message=join_form.cleaned_data["message"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Your request was sent to %(name)s.") % {"name": startup.name}
            )
        return redirect("onboarding:index")
    context = {"create_form": create_form, "join_form": join_form, "action": action}
    return render(request, "onboarding/startup.html", context)


def _create_startup(request, data):
    try:
        startup = startup_create(
            owner=request.user,
            name=data["name"],
            corporate_number=data["corporate_number"],
            website=data["website"],
            summary=data["summary"],
            hq_prefecture=community_selectors.prefecture_or_none(data["hq_prefecture"]),
        )
    except ValidationError as error:
        create_form = StartupCreateForm(
            request.POST, prefectures=community_selectors.prefecture_list()
        )
        create_form.is_valid()
        for field, errors in getattr(error, "message_dict", {"__all__": error.messages}).items():
            target = field if field in create_form.fields else None
            for message in errors:
                create_form.add_error(target, message)
        join_form = StartupJoinForm(startups=[])
        context = {"create_form": create_form, "join_form": join_form, "action": "create"}
        return render(request, "onboarding/startup.html", context)
    messages.success(
        request,
        _("%(name)s was created. A moderator will verify it.") % {"name": startup.name},
    )
    return redirect("onboarding:index")
