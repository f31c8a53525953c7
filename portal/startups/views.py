from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.accounts.permissions import login_required, verified_official_required
from portal.community import selectors as community_selectors
from portal.community.models import Municipality
from portal.core.page_cache import anonymous_page_cache
from portal.core.pagination import CappedPaginator
from portal.core.text import storable_or_empty
from portal.startups import forms, permissions, selectors, services

DIRECTORY_PAGE_SIZE = 20
# Track-record form fields that narrow the municipality list before the form is submitted.
NARROWING_FIELDS = ("prefecture", "municipality_query")


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


@require_GET
@anonymous_page_cache
def directory(request):
    form = forms.DirectoryFilterForm(
        request.GET or None, prefectures=community_selectors.prefecture_list()
    )
    filters = form.cleaned_data if form.is_valid() else {}
    startups = selectors.startup_directory(
        user=request.user,
        category=filters.get("category", ""),
        prefecture=filters.get("prefecture", ""),
        stage=filters.get("stage", ""),
        verified=filters.get("verified", False),
        sort=filters.get("sort") or "",
        query=filters.get("q", ""),
    )
    page = CappedPaginator(startups, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    query_string = request.GET.copy()
    query_string.pop("page", None)
    context = {
        "form": form,
        "page_obj": page,
        "query_string": query_string.urlencode(),
        "q": filters.get("q", "").strip(),
    }
    return render(request, "startups/directory.html", context)


@require_GET
@anonymous_page_cache
def startup_detail(request, slug):
    startup = selectors.startup_get_public(slug=slug, user=request.user)
    context = {
        "startup": startup,
        "track_records": selectors.confirmed_track_records(startup=startup),
        "members": selectors.members_of(startup=startup),
        "can_edit": request.user.is_authenticated
        and permissions.can_edit_profile(request.user, startup),
        "membership": request.user.is_authenticated
        and permissions.membership_in(request.user, startup),
    }
    return render(request, "startups/startup_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def startup_edit(request, slug):
    startup = selectors.startup_get_for_manager(user=request.user, slug=slug)
    form = forms.StartupProfileForm(
        request.POST or None,
        request.FILES or None,
        initial=_profile_initial(startup),
        prefectures=community_selectors.prefecture_list(),
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        categories, tags = data.pop("categories"), data.pop("tags")
        data["hq_prefecture"] = community_selectors.prefecture_or_none(data["hq_prefecture"])
        try:
            services.startup_update_profile(
                startup=startup, actor=request.user, categories=categories, tags=tags, **data
            )
        except ValidationError as error:
            _add_model_errors(form, error)
        else:
            messages.success(request, _("The profile was saved."))
            return redirect(startup.get_absolute_url())
    return render(request, "startups/startup_edit.html", {"startup": startup, "form": form})


def _add_model_errors(form, error: ValidationError) -> None:
    for field, errors in getattr(error, "message_dict", {"__all__": error.messages}).items():
        for message in errors:
            form.add_error(field if field in form.fields else None, message)


def _profile_initial(startup) -> dict:
    return {
        "name": startup.name,
        "summary": startup.summary,
        "description": startup.description,
        "website": startup.website,
        "corporate_number": startup.corporate_number,
        "hq_prefecture": startup.hq_prefecture_id or "",
        "size": startup.size,
        "stage": startup.stage,
        "founded_year": startup.founded_year,
        "categories": [c.category for c in startup.categories.all()],
        "tags": ", ".join(tag.name for tag in startup.tags.all()),
        "logo": startup.logo,
    }


@login_required
@require_GET
def members(request, slug):
    startup = selectors.startup_get_public(slug=slug, user=request.user)
    membership = permissions.membership_in(request.user, startup)
    if membership is None:
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied(_("Only members of this startup can see its team page."))
    context = {
        "startup": startup,
        "membership": membership,
        "members": selectors.members_of(startup=startup),
        "can_manage": permissions.can_manage_members(request.user, startup),
        "can_change_roles": permissions.can_change_roles(request.user, startup),
        "join_requests": selectors.pending_join_requests(startup=startup),
        "invitations": selectors.open_invitations(startup=startup),
        "invite_form": forms.InviteForm(),
        "role_form": forms.RoleForm(),
    }
    return render(request, "startups/members.html", context)


def _members_redirect(startup):
    return redirect("startups:members", slug=startup.slug)


def _run(request, action, success_message):
    """Run a service call; a rule it refuses becomes a translated error message, not a 500."""
    try:
        action()
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return False
    messages.success(request, success_message)
    return True


@login_required
@require_POST
def member_invite(request, slug):
    startup = selectors.startup_get_for_member_manager(user=request.user, slug=slug)
    form = forms.InviteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a valid email address and role."))
        return _members_redirect(startup)
    _run(
        request,
        lambda: services.startup_invite(startup=startup, actor=request.user, **form.cleaned_data),
        _("An invitation was sent to %(email)s.") % {"email": form.cleaned_data["email"]},
    )
    return _members_redirect(startup)


@login_required
@require_POST
def invitation_revoke(request, slug, pk):
    startup = selectors.startup_get_for_member_manager(user=request.user, slug=slug)
    invitation = selectors.invitation_get(startup=startup, pk=pk)
    _run(
        request,
        lambda: services.startup_invitation_revoke(invitation=invitation, actor=request.user),
        _("The invitation was revoked."),
    )
    return _members_redirect(startup)


@login_required
@require_POST
def join_request_decide(request, slug, pk):
    startup = selectors.startup_get_for_member_manager(user=request.user, slug=slug)
    join_request = selectors.join_request_get(startup=startup, pk=pk)
    approve = request.POST.get("decision") == "approve"
    _run(
        request,
        lambda: services.startup_join_request_decide(
            join_request=join_request, actor=request.user, approve=approve
        ),
        _("The request was approved.") if approve else _("The request was declined."),
    )
    return _members_redirect(startup)


@login_required
@require_POST
def member_change_role(request, slug, pk):
    startup = selectors.startup_get_for_role_changer(user=request.user, slug=slug)
    member = selectors.member_get_for_action(startup=startup, pk=pk)
    form = forms.RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the roles."))
    else:
        _run(
            request,
            lambda: services.startup_member_change_role(
                member=member, actor=request.user, role=form.cleaned_data["role"]
            ),
            _("The role was changed."),
        )
    return _members_redirect(startup)


@login_required
@require_http_methods(["GET", "POST"])
def member_remove(request, slug, pk):
    """GET asks for confirmation; POST removes (or leaves, when the member is the user)."""
    startup = selectors.startup_get_for_member(user=request.user, slug=slug)
    member = selectors.member_get_for_removal(user=request.user, startup=startup, pk=pk)
    leaving = member.user_id == request.user.pk
    if request.method == "GET":
        return render(
            request,
            "startups/member_remove_confirm.html",
            {"startup": startup, "member": member, "leaving": leaving},
        )
    done = _run(
        request,
        lambda: services.startup_member_remove(member=member, actor=request.user),
        _("You left %(name)s.") % {"name": startup.name}
        if leaving
        else _("The member was removed."),
    )
    if done and leaving:
        return redirect("onboarding:index")
    return _members_redirect(startup)


@require_http_methods(["GET", "POST"])
def invitation(request, token):
    invitation = selectors.invitation_get_by_token(token=token)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{_login_url()}?next={request.path}")
        if _run(
            request,
            lambda: services.startup_invitation_accept(invitation=invitation, user=request.user),
            _("Welcome to %(name)s.") % {"name": invitation.startup.name},
        ):
            return redirect(invitation.startup.get_absolute_url())
    return render(request, "startups/invitation.html", {"invitation": invitation})


def _login_url():
    from django.urls import reverse

    return reverse("account_login")


@login_required
@require_http_methods(["GET", "POST"])
def track_record_new(request, slug):
    startup = selectors.startup_get_for_manager(user=request.user, slug=slug)
    data = request.POST if request.method == "POST" else None
    source = data or request.GET
    form = forms.TrackRecordForm(
        data,
        initial={key: storable_or_empty(source.get(key)) for key in NARROWING_FIELDS},
        prefectures=community_selectors.prefecture_list(),
        municipalities=community_selectors.municipality_choices(
            # Raw values go into a query before the form validates: only storable text.
            prefecture_code=storable_or_empty(source.get("prefecture")),
            text=storable_or_empty(source.get("municipality_query")),
            limit=None,
        ),
    )
    if data is not None and "narrow" not in data and form.is_valid():
        cleaned = form.cleaned_data
        try:
            services.track_record_claim(
                startup=startup,
                actor=request.user,
                municipality=Municipality.objects.get(code=cleaned["municipality"]),
                category=cleaned["category"],
                title=cleaned["title"],
                year=cleaned["year"],
                description=cleaned["description"],
            )
        except ValidationError as error:
            _add_model_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "The record was added. It shows as 実績 once an official of that municipality confirms it."
                ),
            )
            return redirect("startups:track_records", slug=startup.slug)
    if data is not None and "narrow" in data:
        form.errors.clear()
    return render(request, "startups/track_record_form.html", {"startup": startup, "form": form})


@login_required
@require_GET
def track_records(request, slug):
    startup = selectors.startup_get_for_manager(user=request.user, slug=slug)
    records = selectors.track_records_for_manager(startup=startup)
    return render(request, "startups/track_records.html", {"startup": startup, "records": records})


@verified_official_required
@require_GET
def track_record_review(request):
    records = selectors.track_records_awaiting(official=request.user)
    return render(
        request,
        "startups/track_record_review.html",
        {"records": records, "form": forms.DecisionForm()},
    )


@verified_official_required
@require_POST
def track_record_decide(request, pk):
    record = selectors.track_record_get_for_official(official=request.user, pk=pk)
    form = forms.DecisionForm(request.POST)
    confirm = request.POST.get("decision") == "confirm"
    if form.is_valid():
        _run(
            request,
            lambda: services.track_record_decide(
                record=record,
                actor=request.user,
                confirm=confirm,
                comment=form.cleaned_data["comment"],
            ),
            _("The record was confirmed.") if confirm else _("The record was rejected."),
        )
    return redirect("startups:track_record_review")
