"""Stage tracker pages. Each view gets the tracker through a permission-checked selector,
parses one form, calls one service and responds; bad input re-renders the form with a
translated error (status 400) and what was typed."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.accounts.permissions import login_required
from portal.core.forms import add_service_errors
from portal.core.uploads import attachment_response
from portal.stages import forms, policies, selectors, services
from portal.stages.models import Stage, stage_index


def _post(request):
    return request.POST if request.method == "POST" else None


def _files(request):
    return request.FILES if request.method == "POST" else None


def _owner_tracker(request, pk):
    tracker = selectors.tracker_get_for_member(user=request.user, request_pk=pk)
    if not policies.can_move(request.user, tracker):
        raise PermissionDenied(policies.NOT_OWNER)
    return tracker


def _form_page(request, *, tracker, form, action, title, intro="", success, multipart=False):
    """GET shows `form`; a valid POST runs `action(form)` and redirects to the tracker."""
    if request.method == "POST" and form.is_valid():
        try:
            action(form)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("stages:tracker", tracker.support_request_id)
    context = {
        "tracker": tracker,
        "support_request": tracker.support_request,
        "form": form,
        "title": title,
        "intro": intro,
        "multipart": multipart,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "stages/form.html", context, status=status)


@login_required
@require_GET
def tracker(request, pk):
    tracker = selectors.tracker_get_for_member(user=request.user, request_pk=pk)
    context = {
        "tracker": tracker,
        "support_request": tracker.support_request,
        "timeline": selectors.timeline(tracker),
        "can_move": policies.can_move(request.user, tracker),
        "can_propose": policies.can_propose(request.user, tracker),
        **selectors.tracker_page_data(tracker),
    }
    return render(request, "stages/tracker.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def advance(request, pk):
    tracker = _owner_tracker(request, pk)
    if tracker.next_stage is None:
        raise Http404
    form = forms.AdvanceForm(_post(request), tracker=tracker)
    return _form_page(
        request,
        tracker=tracker,
        form=form,
        action=lambda f: services.stage_advance(
            tracker=tracker, actor=request.user, **f.cleaned_data
        ),
        title=_("Move on to %(stage)s") % {"stage": tracker.next_stage_label},
        intro=_("Full adoption completes the request with the outcome recorded in the stages.")
        if tracker.next_stage == Stage.ADOPTION
        else "",
        success=_("The co-creation moved on to the next stage."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def stop(request, pk):
    tracker = _owner_tracker(request, pk)
    form = forms.StopForm(_post(request))
    return _form_page(
        request,
        tracker=tracker,
        form=form,
        action=lambda f: services.stage_stop(tracker=tracker, actor=request.user, **f.cleaned_data),
        title=_("Stop the co-creation (見送り)"),
        intro=_(
            "The request is completed as not adopted, with the reason and the lessons; this "
            "cannot be undone."
        ),
        success=_("The co-creation was stopped and the request completed."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def details(request, pk, stage):
    tracker = _owner_tracker(request, pk)
    if stage not in Stage.values or stage_index(stage) > stage_index(tracker.stage):
        raise Http404
    form = forms.details_form(stage, tracker=tracker, data=_post(request))

    def action(form):
        values = dict(form.cleaned_data)
        note = values.pop("note", "")
        services.tracker_details_update(
            tracker=tracker, actor=request.user, stage=stage, note=note, **values
        )

    return _form_page(
        request,
        tracker=tracker,
        form=form,
        action=action,
        title=_("Details of %(stage)s") % {"stage": Stage(stage).label},
        success=_("The details were saved."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def kpi_new(request, pk):
    tracker = _owner_tracker(request, pk)
    form = forms.KpiForm(_post(request))
    return _form_page(
        request,
        tracker=tracker,
        form=form,
        action=lambda f: services.kpi_add(tracker=tracker, actor=request.user, **f.cleaned_data),
        title=_("Add a KPI target"),
        success=_("The KPI was added."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def kpi_results(request, pk):
    tracker = _owner_tracker(request, pk)
    form = forms.KpiResultsForm(_post(request), kpis=list(tracker.kpis.all()))
    return _form_page(
        request,
        tracker=tracker,
        form=form,
        action=lambda f: services.kpi_results_set(
            tracker=tracker, actor=request.user, results=f.results()
        ),
        title=_("KPI results"),
        success=_("The KPI results were saved."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def document_new(request, pk):
    tracker = _owner_tracker(request, pk)
    form = forms.DocumentForm(_post(request), _files(request), tracker=tracker)
    return _form_page(
        request,
        tracker=tracker,
        form=form,
        action=lambda f: services.stage_document_add(
            tracker=tracker,
            actor=request.user,
            upload=f.cleaned_data["file"],
            stage=f.cleaned_data["stage"],
            title=f.cleaned_data["title"],
        ),
        title=_("Attach a document"),
        success=_("The document was attached."),
        multipart=True,
    )


@login_required
@require_GET
def document(request, pk, document_pk):
    document = selectors.document_get_for_user(user=request.user, request_pk=pk, pk=document_pk)
    if not document.confirmed and not (
        policies.is_owner(request.user, document.tracker)
        or document.uploaded_by_id == request.user.pk
        or request.user.is_moderator
    ):
        raise Http404
    return attachment_response(document)


@login_required
@require_POST
def document_delete(request, pk, document_pk):
    document = selectors.document_get_for_user(user=request.user, request_pk=pk, pk=document_pk)
    try:
        services.stage_document_delete(document=document, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The document was removed."))
    return redirect("stages:tracker", pk)


@login_required
@require_http_methods(["GET", "POST"])
def propose(request, pk):
    tracker = selectors.tracker_get_for_member(user=request.user, request_pk=pk)
    if not policies.can_propose(request.user, tracker):
        raise PermissionDenied(policies.NOT_SELECTED_STARTUP)
    form = forms.ProposeForm(
        _post(request), _files(request), tracker=tracker, kpis=list(tracker.kpis.all())
    )
    return _form_page(
        request,
        tracker=tracker,
        form=form,
        action=lambda f: services.stage_update_propose(
            tracker=tracker,
            actor=request.user,
            changes=f.changes(),
            note=f.cleaned_data["note"],
            upload=f.cleaned_data["file"],
            document_title=f.cleaned_data["document_title"],
        ),
        title=_("Propose an update"),
        intro=_("The municipality confirms or rejects it; confirmed values enter the stages."),
        success=_("Your update was sent to the municipality."),
        multipart=True,
    )


DECISIONS = {
    "confirm": (services.stage_update_confirm, _("The update was confirmed.")),
    "reject": (services.stage_update_reject, _("The update was rejected.")),
}


@login_required
@require_POST
def decide(request, pk, update_pk, decision):
    if decision not in DECISIONS:
        raise Http404
    update = selectors.update_get_for_user(user=request.user, request_pk=pk, pk=update_pk)
    if not policies.can_move(request.user, update.tracker):
        raise PermissionDenied(policies.NOT_OWNER)
    form = forms.DecisionForm(request.POST)
    form.is_valid()
    service, done = DECISIONS[decision]
    try:
        service(update=update, actor=request.user, note=form.cleaned_data.get("note", ""))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, str(done))
    return redirect("stages:tracker", pk)


@login_required
@require_GET
def waiting(request):
    """My co-creations: the stage of each and whom its next step waits for."""
    items = selectors.waiting_for_user(user=request.user)
    return render(request, "stages/waiting.html", {"items": items})
