"""Proposal pages. Each view reads through a permission-checked selector, calls one service and
responds; whoever is outside a proposal's audience gets 404."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.accounts.permissions import (
    NOT_STARTUP_MEMBER,
    onboarding_required,
    startup_member_required,
    verified_official_required,
)
from portal.cocreation.selectors import subject_channel_for_member
from portal.core.forms import add_service_errors
from portal.core.uploads import attachment_response
from portal.startups.models import ProposalState
from portal.startups.proposals import forms, policies, selectors, services
from portal.startups.selectors import recommended_requests_for_dashboard

REVIEW_PAGE_SIZE = 25
DECISIONS = ("shortlist", "decline", "select")


def _post_data(request):
    return request.POST if request.method == "POST" else None


@onboarding_required
@require_GET
def dashboard(request):
    """The startup's proposals by state; recommended requests come from the matching app.
    Officials land on their review list."""
    if request.user.is_verified_official:
        return redirect("startups:proposal_review")
    if not request.user.is_startup_member:
        raise PermissionDenied(NOT_STARTUP_MEMBER)
    startup = request.user.startup_membership.startup
    groups = selectors.proposals_of_startup(startup=startup)
    context = {
        "startup": startup,
        "groups": groups,
        "has_proposals": any(group["proposals"] for group in groups),
        "recommended_requests": recommended_requests_for_dashboard(user=request.user),
    }
    return render(request, "startups/proposals/dashboard.html", context)


@verified_official_required
@require_GET
def review(request):
    proposals = selectors.proposals_awaiting_review(official=request.user)
    page = Paginator(proposals, REVIEW_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "startups/proposals/review.html", {"page": page})


@onboarding_required
@require_GET
def detail(request, pk):
    proposal = selectors.proposal_get_for_user(user=request.user, pk=pk)
    user = request.user
    context = {
        "proposal": proposal,
        "support_request": proposal.support_request,
        "is_proposer": policies.is_proposer(user, proposal),
        "can_edit": policies.can_edit(user, proposal),
        "can_submit": policies.can_submit(user, proposal),
        "can_withdraw": policies.can_withdraw(user, proposal),
        "can_decide": policies.can_decide(user, proposal),
        "can_shortlist": policies.can_shortlist(user, proposal),
        "channel": subject_channel_for_member(user=user, subject=proposal.support_request)
        if proposal.state == ProposalState.SELECTED
        else None,
    }
    return render(request, "startups/proposals/detail.html", context)


@startup_member_required
@require_http_methods(["GET", "POST"])
def create(request, request_pk):
    support_request = selectors.request_get_for_proposal(user=request.user, pk=request_pk)
    startup = request.user.startup_membership.startup
    existing = selectors.active_proposal_of(startup=startup, support_request=support_request)
    if existing is not None:
        messages.info(request, _("Your startup already proposed to this request."))
        return redirect(existing.get_absolute_url())
    if not policies.can_propose(request.user, support_request):
        raise PermissionDenied(policies.NOT_ACCEPTING)
    form = forms.ProposalForm(_post_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.proposal_create(
                support_request=support_request,
                actor=request.user,
                submit="submit" in request.POST,
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if proposal.state == "submitted":
                messages.success(request, _("Your proposal was submitted."))
                return redirect(proposal.get_absolute_url())
            # A draft continues on its edit page, where files are attached.
            messages.success(
                request,
                _(
                    "Your draft was saved. Attach files below if needed, then submit it before the deadline."
                ),
            )
            return redirect("startups:proposal_edit", proposal.pk)
    context = {"form": form, "support_request": support_request, "startup": startup}
    return render(request, "startups/proposals/form.html", context)


@startup_member_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    proposal = selectors.proposal_get_for_proposer(user=request.user, pk=pk)
    if not policies.can_edit(request.user, proposal):
        raise PermissionDenied(policies.NOT_EDITABLE)
    form = forms.ProposalForm(_post_data(request), instance=proposal)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.EDITABLE_FIELDS}
        try:
            proposal = services.proposal_update(proposal=proposal, actor=request.user, **fields)
            if "submit" in request.POST and proposal.state == "draft":
                proposal = services.proposal_submit(proposal=proposal, actor=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The proposal was saved."))
            return redirect(proposal.get_absolute_url())
    context = {
        "form": form,
        "proposal": proposal,
        "support_request": proposal.support_request,
        "attachment_form": forms.ProposalAttachmentForm(),
    }
    return render(request, "startups/proposals/form.html", context)


@startup_member_required
@require_POST
def submit(request, pk):
    proposal = selectors.proposal_get_for_proposer(user=request.user, pk=pk)
    try:
        services.proposal_submit(proposal=proposal, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your proposal was submitted."))
    return redirect(proposal.get_absolute_url())


@startup_member_required
@require_http_methods(["GET", "POST"])
def withdraw(request, pk):
    proposal = selectors.proposal_get_for_proposer(user=request.user, pk=pk)
    if not policies.can_withdraw(request.user, proposal):
        raise PermissionDenied(policies.NOT_EDITABLE)
    form = forms.WithdrawProposalForm(_post_data(request))
    if request.method == "POST" and form.is_valid():
        services.proposal_withdraw(
            proposal=proposal, actor=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("The proposal was withdrawn."))
        return redirect(proposal.get_absolute_url())
    return render(request, "startups/proposals/withdraw.html", {"proposal": proposal, "form": form})


@startup_member_required
@require_POST
def attachment_add(request, pk):
    proposal = selectors.proposal_get_for_proposer(user=request.user, pk=pk)
    form = forms.ProposalAttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.proposal_attachment_add(
                proposal=proposal, actor=request.user, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
    if form.errors:
        context = {"proposal": proposal, "form": form}
        return render(request, "startups/proposals/attachment_error.html", context, status=400)
    messages.success(request, _("The file was attached."))
    return redirect("startups:proposal_edit", proposal.pk)


@onboarding_required
@require_GET
def attachment(request, pk, attachment_pk):
    attachment = selectors.attachment_get_for_user(
        user=request.user, proposal_pk=pk, pk=attachment_pk
    )
    return attachment_response(attachment)


@startup_member_required
@require_POST
def attachment_delete(request, pk, attachment_pk):
    selectors.proposal_get_for_proposer(user=request.user, pk=pk)
    attachment = selectors.attachment_get_for_user(
        user=request.user, proposal_pk=pk, pk=attachment_pk
    )
    services.proposal_attachment_delete(attachment=attachment, actor=request.user)
    messages.success(request, _("The attachment was deleted."))
    return redirect("startups:proposal_edit", pk)


@verified_official_required
@require_http_methods(["GET", "POST"])
def decide(request, pk, decision):
    """Confirmation page and POST of shortlist / decline (with a message) / select."""
    if decision not in DECISIONS:
        raise Http404
    proposal = selectors.proposal_get_for_user(user=request.user, pk=pk)
    check = policies.can_shortlist if decision == "shortlist" else policies.can_decide
    if not check(request.user, proposal):
        raise PermissionDenied(policies.NOT_DECIDER)
    form = forms.DeclineForm(_post_data(request)) if decision == "decline" else None
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            _apply_decision(request, proposal, decision, form)
        except ValidationError as error:
            if form is None:
                raise PermissionDenied(" ".join(error.messages)) from error
            add_service_errors(form, error)
        else:
            return redirect("startups:proposal_compare", proposal.support_request_id)
    context = {"proposal": proposal, "decision": decision, "form": form}
    return render(request, "startups/proposals/decide.html", context)


def _apply_decision(request, proposal, decision, form) -> None:
    actor = request.user
    if decision == "shortlist":
        services.proposal_shortlist(proposal=proposal, actor=actor)
        messages.success(request, _("The proposal was shortlisted; the startup was told."))
    elif decision == "decline":
        services.proposal_decline(
            proposal=proposal, actor=actor, message=form.cleaned_data["message"]
        )
        messages.success(
            request, _("The proposal was declined; the startup received your message.")
        )
    else:
        services.proposal_select(proposal=proposal, actor=actor)
        messages.success(request, _("The proposal was selected. The co-creation channel is open."))


@onboarding_required
@require_GET
def compare(request, request_pk):
    support_request = selectors.request_get_for_compare(user=request.user, pk=request_pk)
    proposals = list(selectors.proposals_for_comparison(support_request=support_request))
    context = {
        "support_request": support_request,
        "proposals": proposals,
        "can_decide": policies.request_policies.is_owner_official(request.user, support_request)
        and support_request.state in policies.DECIDING_REQUEST_STATES,
        "channel": subject_channel_for_member(user=request.user, subject=support_request),
    }
    return render(request, "startups/proposals/compare.html", context)
