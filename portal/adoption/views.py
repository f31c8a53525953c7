"""Pages of the case ↔ request loop (横展開): adopt an advanced case, make a completed request
an advanced case, and the request form's "similar requests and cases" panel."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.accounts.permissions import login_required, verified_official_required
from portal.adoption import selectors, services
from portal.community import selectors as community_selectors

SIMILAR_MIN_LENGTH = 2


@require_GET
def request_similar(request):
    """JSON for the form's "similar requests" panel while the title is typed."""
    title = request.GET.get("title", "")[:120]
    exclude = request.GET.get("exclude", "")
    if len(title.strip()) < SIMILAR_MIN_LENGTH:
        return JsonResponse({"results": []})
    results = community_selectors.similar_requests(
        user=request.user, title=title, exclude_pk=int(exclude) if exclude.isdigit() else None
    )
    return JsonResponse(
        {
            "results": [
                {
                    "title": item.title,
                    "url": item.get_absolute_url(),
                    "municipality": item.municipality.full_name,
                    "state": item.get_state_display(),
                }
                for item in results
            ]
            + [
                {
                    "title": case.title,
                    "url": case.url,
                    "municipality": "・".join(m.name for m in case.municipalities),
                    "state": _("Advanced case"),
                }
                for case in selectors.similar_case_studies(title=title)
            ]
        }
    )


@verified_official_required
@require_http_methods(["GET", "POST"])
def request_adopt(request, case_id):
    """「この事例を導入したい」: GET explains, POST creates the prefilled draft."""
    case = selectors.case_study_get_public(pk=case_id)
    if request.method == "GET":
        return render(request, "adoption/request_adopt.html", {"case": case})
    support_request = services.support_request_create_from_case(case=case, author=request.user)
    messages.success(
        request,
        _(
            "A draft was created from the advanced case. Adapt it to your municipality, then publish it."
        ),
    )
    return redirect("community:request_edit", support_request.pk)


@login_required
@require_POST
def request_case_study(request, pk):
    """Turn a completed request into a case-study draft for the moderators' workflow."""
    support_request = community_selectors.support_request_get_for_user(user=request.user, pk=pk)
    try:
        case = services.case_study_create_from_request(
            support_request=support_request, actor=request.user
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(support_request)
    messages.success(
        request,
        _("“%(title)s” was drafted as an advanced case and sent to the moderators for review.")
        % {"title": case.title},
    )
    return redirect(support_request)
