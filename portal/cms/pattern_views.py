"""Thin views of a standard pattern's routes (see PatternPage): start a request from it, answer
its hearing, turn an answer into a request. Wagtail routes to them with the live, public page,
so no pattern is looked up by a user-supplied id; a hearing answer is fetched only among the
signed-in official's own answers to this pattern. Requests and answers are recorded against the
pattern's Japanese original (`locales.original_of`), whichever language's page was used."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from portal.accounts.permissions import verified_official_required
from portal.cms import pattern_services
from portal.cms.locales import original_of
from portal.cms.models import PatternHearingResponse
from portal.cms.pattern_forms import PatternHearingForm

DRAFT_FROM_PATTERN = _(
    "A draft was created from the standard pattern. Adapt it to your municipality, then publish it."
)
HEARING_THANKS = _(
    "Thank you. Your answer reached the JCC moderators; you can also turn it into a draft request."
)
DRAFT_FROM_HEARING = _("A draft request was created from your hearing answer.")


@verified_official_required
@require_http_methods(["GET", "POST"])
def pattern_request_start(request, pattern):
    """「このパターンで要請を作る」: GET explains, POST creates the prefilled draft."""
    if request.method == "GET":
        return TemplateResponse(request, "cms/pattern_request.html", {"page": pattern})
    support_request = pattern_services.support_request_create_from_pattern(
        pattern=original_of(pattern), author=request.user
    )
    messages.success(request, DRAFT_FROM_PATTERN)
    return redirect("community:request_edit", support_request.pk)


@verified_official_required
@require_http_methods(["GET", "POST"])
def pattern_hearing(request, pattern):
    form = PatternHearingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        pattern_services.pattern_hearing_answer(
            pattern=original_of(pattern), respondent=request.user, **form.cleaned_data
        )
        messages.success(request, HEARING_THANKS)
        return redirect(pattern.url + "#hearing-title")
    context = {"page": pattern, "form": form}
    return TemplateResponse(request, "cms/pattern_hearing.html", context)


@verified_official_required
@require_POST
def pattern_hearing_request(request, pattern, response_id):
    response = get_object_or_404(
        PatternHearingResponse,
        pk=response_id,
        pattern=original_of(pattern),
        respondent=request.user,
    )
    support_request = pattern_services.support_request_create_from_hearing(
        response=response, author=request.user
    )
    messages.success(request, DRAFT_FROM_HEARING)
    return redirect("community:request_edit", support_request.pk)
