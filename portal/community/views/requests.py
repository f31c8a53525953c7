"""Support-request pages. Each view parses input, calls one selector or service, responds."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.accounts.permissions import login_required, verified_official_required
from portal.community import hooks, policies, selectors, services
from portal.community.forms import (
    AttachmentForm,
    CompleteForm,
    JoinForm,
    ReasonForm,
    RequestFilterForm,
    SupportRequestForm,
    WithdrawForm,
)
from portal.community.models import RequestState
from portal.community.selectors.peers import peer_activity, peer_open_requests_for_draft
from portal.core.forms import add_service_errors
from portal.core.page_cache import anonymous_page_cache
from portal.core.pagination import CappedPaginator
from portal.core.uploads import attachment_response


def _post_data(request):
    """The POST data of a POST (even an empty one), None otherwise: the form's bound state."""
    return request.POST if request.method == "POST" else None


@require_GET
@anonymous_page_cache
def request_list(request):
    form = RequestFilterForm(request.GET or None)
    form.is_valid()  # invalid filters are dropped by filters(), the rest still apply
    filters = form.filters() if form.is_bound else selectors.RequestFilters()
    requests = selectors.support_request_list(user=request.user, filters=filters)
    page = CappedPaginator(requests, selectors.LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    query_string = request.GET.copy()
    query_string.pop("page", None)
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        "query_string": query_string.urlencode(),
    }
    return render(request, "community/request_list.html", context)


@verified_official_required
@require_http_methods(["GET", "POST"])
def request_create(request):
    form = SupportRequestForm(_post_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            support_request = services.support_request_create(
                author=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The draft was saved. Check the preview, then publish."))
            return redirect("community:request_preview", support_request.pk)
    context = {"form": form, "creating": True, **_peer_panel(request, form)}
    return render(request, "community/request_form.html", context)


def _peer_panel(request, form) -> dict:
    """Peers' open requests in the category being drafted: join them instead of a duplicate."""
    category = form["category"].value() or ""
    if category not in dict(form.fields["category"].choices):
        category = ""
    requests = peer_open_requests_for_draft(user=request.user, category=category)
    return {"peer_requests": requests, "peer_category": category}


@login_required
@require_http_methods(["GET", "POST"])
def request_edit(request, pk):
    support_request = selectors.support_request_get_for_edit(user=request.user, pk=pk)
    initial = SupportRequestForm.initial_for(support_request)
    form = SupportRequestForm(_post_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.support_request_update(
                support_request=support_request, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your changes were saved."))
            if support_request.is_draft:
                return redirect("community:request_preview", support_request.pk)
            return redirect(support_request)
    context = {
        "form": form,
        "support_request": support_request,
        "attachment_form": AttachmentForm(),
        **(_peer_panel(request, form) if support_request.is_draft else {}),
    }
    return render(request, "community/request_form.html", context)


def _detail_context(request, support_request, **extra):
    user = request.user
    own_join = None
    if user.is_authenticated and user.is_verified_official:
        municipality_id = user.official_profile.municipality_id
        own_join = next(
            (
                join
                for join in support_request.joins.all()
                if join.municipality_id == municipality_id and join.state in {"pending", "accepted"}
            ),
            None,
        )
    return {
        "support_request": support_request,
        "show_private": policies.can_view_private(user, support_request),
        "is_owner": policies.is_owner_official(user, support_request),
        "is_requester": policies.is_requester(user, support_request),
        "can_edit": policies.can_edit(user, support_request),
        "can_ask_to_join": policies.can_ask_to_join(user, support_request) and own_join is None,
        "own_join": own_join,
        "pending_joins": [join for join in support_request.joins.all() if join.state == "pending"],
        "transitions": [
            state
            for state in support_request.allowed_next_states()
            if state in MANUAL_TRANSITIONS
            and policies.can_transition(user, support_request, state)
            and not _completed_elsewhere(support_request, state)
        ],
        "attachment_form": AttachmentForm(),
        "can_make_case_study": support_request.state == RequestState.COMPLETED
        and policies.can_make_case_study(user, support_request),
        **extra,
    }


@require_GET
@anonymous_page_cache
def request_detail(request, pk):
    support_request = selectors.support_request_get_for_user(user=request.user, pk=pk)
    return render(
        request, "community/request_detail.html", _detail_context(request, support_request)
    )


@login_required
@require_GET
def request_preview(request, pk):
    """The page as visitors will see it, with similar requests to avoid duplicates."""
    support_request = selectors.support_request_get_for_edit(user=request.user, pk=pk)
    similar = selectors.similar_requests(
        user=request.user, title=support_request.title, exclude_pk=support_request.pk
    )
    context = _detail_context(request, support_request, preview=True, similar=similar)
    context["show_private"] = False
    return render(request, "community/request_detail.html", context)


@login_required
@require_POST
def request_publish(request, pk):
    support_request = selectors.support_request_get_for_user(user=request.user, pk=pk)
    try:
        services.support_request_publish(support_request=support_request, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("community:request_edit", support_request.pk)
    messages.success(request, _("The request is published. Startups can now send proposals."))
    return redirect(support_request)


# States a person moves a request to from its page; co_creating is entered by selecting a
# startup's proposal (proposals app) and open by publishing.
MANUAL_TRANSITIONS = {
    RequestState.SELECTING: (ReasonForm, services.support_request_start_selection),
    RequestState.COMPLETED: (CompleteForm, services.support_request_complete),
    RequestState.WITHDRAWN: (WithdrawForm, services.support_request_withdraw),
}


def _completed_elsewhere(support_request, to_state) -> bool:
    """Completion of a co-created request may belong to a higher app (see community.hooks)."""
    return to_state == RequestState.COMPLETED and hooks.completed_elsewhere(support_request)


@login_required
@require_http_methods(["GET", "POST"])
def request_transition(request, pk, to_state):
    """Confirm and perform a state change (with a reason and, to complete, the outcome)."""
    if to_state not in MANUAL_TRANSITIONS:
        raise Http404
    support_request = selectors.support_request_get_for_user(user=request.user, pk=pk)
    if not policies.can_transition(request.user, support_request, to_state):
        raise PermissionDenied(policies.NOT_REQUESTING_OFFICIAL)
    if _completed_elsewhere(support_request, to_state):
        raise Http404
    form_class, service = MANUAL_TRANSITIONS[to_state]
    form = form_class(_post_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            service(support_request=support_request, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The request's state was changed."))
            return redirect(support_request)
    context = {
        "support_request": support_request,
        "form": form,
        "to_state": RequestState(to_state),
    }
    return render(request, "community/request_transition.html", context)


@verified_official_required
@require_http_methods(["GET", "POST"])
def request_join(request, pk):
    support_request = selectors.support_request_get_for_user(user=request.user, pk=pk)
    if not policies.can_ask_to_join(request.user, support_request):
        raise PermissionDenied(policies.CANNOT_JOIN)
    form = JoinForm(_post_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.support_request_join_ask(
                support_request=support_request, user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Your request to join was sent. The municipality will answer it."),
            )
            return redirect(support_request)
    context = {"support_request": support_request, "form": form}
    return render(request, "community/request_join.html", context)


JOIN_DECISIONS = {
    "accept": (services.support_request_join_accept, _("The municipality is now a co-sponsor.")),
    "decline": (services.support_request_join_decline, _("The request to join was declined.")),
    "withdraw": (services.support_request_join_withdraw, _("Your municipality left the request.")),
}


@login_required
@require_POST
def request_join_decide(request, pk, join_pk, decision):
    if decision not in JOIN_DECISIONS:
        raise Http404
    join = selectors.support_request_join_get_for_user(user=request.user, request_pk=pk, pk=join_pk)
    service, done = JOIN_DECISIONS[decision]
    try:
        service(join=join, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, str(done))
    return redirect(join.support_request)


@login_required
@require_POST
def request_attachment_add(request, pk):
    support_request = selectors.support_request_get_for_edit(user=request.user, pk=pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.support_request_attachment_add(
                support_request=support_request,
                actor=request.user,
                upload=form.cleaned_data["file"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
    if form.errors:
        context = {"support_request": support_request, "form": form}
        return render(request, "community/request_attachment_error.html", context, status=400)
    messages.success(request, _("The file was attached."))
    return redirect("community:request_edit", support_request.pk)


@login_required
@require_GET
def request_attachment(request, pk, attachment_pk):
    attachment = selectors.support_request_attachment_get_for_user(
        user=request.user, request_pk=pk, pk=attachment_pk
    )
    return attachment_response(attachment)


@login_required
@require_http_methods(["GET", "POST"])
def request_attachment_delete(request, pk, attachment_pk):
    support_request = selectors.support_request_get_for_edit(user=request.user, pk=pk)
    attachment = selectors.support_request_attachment_get_for_user(
        user=request.user, request_pk=pk, pk=attachment_pk
    )
    if request.method == "POST":
        services.support_request_attachment_delete(attachment=attachment, actor=request.user)
        messages.success(request, _("The attachment was deleted."))
        return redirect("community:request_edit", support_request.pk)
    context = {"support_request": support_request, "attachment": attachment}
    return render(request, "community/request_attachment_delete.html", context)


@verified_official_required
@require_GET
def request_dashboard(request):
    context = selectors.dashboard_for_official(user=request.user)
    context["peer_activity"] = peer_activity(user=request.user)
    return render(request, "community/dashboard.html", context)
