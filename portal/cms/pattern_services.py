"""Writes for standard patterns: a request started from a pattern, the hearing's answers, and a
moderator's draft pattern started from a group of cases."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.cms.locales import originals
from portal.cms.models import (
    ComponentLayer,
    NetworkKind,
    PatternCase,
    PatternHearingResponse,
    PatternIndexPage,
    PatternPage,
)
from portal.community.models import BudgetRange, SupportRequest, Visibility
from portal.community.services import support_request_create

NOT_VERIFIED_OFFICIAL = gettext_lazy(
    "Only verified officials of a municipality can answer the hearing or start a request."
)
NOT_YOUR_ANSWER = gettext_lazy("Only the official who gave this answer can turn it into a request.")
NO_PATTERN_INDEX = gettext_lazy(
    "The standard patterns section does not exist yet; create it under the home page first."
)
GROUP_TOO_SMALL = gettext_lazy("A pattern needs at least two cases.")
TITLE_MAX = 120
SUMMARY_MAX = 300


def _require_verified_official(user) -> None:
    if not (user.is_authenticated and user.is_verified_official):
        raise PermissionDenied(NOT_VERIFIED_OFFICIAL)


def _configuration_lines(pattern: PatternPage) -> list[str]:
    lines = []
    for component in pattern.components.all():
        layer = ComponentLayer(component.layer).label
        detail = f"（{component.description}）" if component.description else ""
        lines.append(f"- {layer}: {component.name}{detail}")
    return lines


def pattern_request_initial(*, pattern: PatternPage) -> dict:
    """What a draft request started from `pattern` says: its problem, configuration and steps."""
    body = [
        _("We would like to introduce the standard pattern “%(title)s”.")
        % {"title": pattern.title},
        "",
        f"## {_('Problem')}",
        pattern.problem,
    ]
    if configuration := _configuration_lines(pattern):
        body += ["", f"## {_('Standard system configuration')}", *configuration]
    if steps := list(pattern.steps.all()):
        body += ["", f"## {_('Rollout steps')}"]
        body += [f"{number}. {step.title}" for number, step in enumerate(steps, start=1)]
    tags = [str(NetworkKind(network).label) for network in pattern.networks]
    return {
        "title": (_("Introducing “%(title)s”") % {"title": pattern.title})[:TITLE_MAX],
        "summary": pattern.intro[:SUMMARY_MAX],
        "body": "\n".join(body),
        "category": pattern.category,
        "tags": tags,
    }


@transaction.atomic
def support_request_create_from_pattern(*, pattern: PatternPage, author) -> SupportRequest:
    """「このパターンで要請を作る」: a draft of the author's municipality, linked to the pattern's
    live cases and subsidy programmes."""
    _require_verified_official(author)
    initial = pattern_request_initial(pattern=pattern)
    support_request = support_request_create(
        author=author,
        budget_range=BudgetRange.UNDECIDED,
        visibility=Visibility.PUBLIC,
        **initial,
    )
    cases = [link.case_id for link in pattern.case_links.filter(case__live=True)]
    subsidies = [link.subsidy_id for link in pattern.subsidy_links.filter(subsidy__live=True)]
    support_request.linked_case_studies.add(*cases)
    support_request.linked_subsidies.add(*subsidies)
    return support_request


def pattern_hearing_answer(
    *,
    pattern: PatternPage,
    respondent,
    current_situation: str,
    scale: str,
    constraints: str = "",
    budget: str = "",
    timing: str,
) -> PatternHearingResponse:
    _require_verified_official(respondent)
    response = PatternHearingResponse(
        pattern=pattern,
        respondent=respondent,
        municipality=respondent.official_profile.municipality,
        current_situation=current_situation.strip(),
        scale=scale.strip(),
        constraints=constraints.strip(),
        budget=budget.strip(),
        timing=timing,
    )
    response.full_clean()
    response.save()
    return response


def _hearing_request_body(response: PatternHearingResponse) -> str:
    sections = [
        (_("Current situation"), response.current_situation),
        (_("Scale"), response.scale),
        (_("Constraints"), response.constraints),
        (_("Budget"), response.budget),
        (_("Timing"), str(response.get_timing_display())),
    ]
    return "\n\n".join(f"## {title}\n{text}" for title, text in sections if text)


@transaction.atomic
def support_request_create_from_hearing(
    *, response: PatternHearingResponse, author
) -> SupportRequest:
    """The answer as a draft request of the respondent's municipality; idempotent."""
    _require_verified_official(author)
    if response.respondent_id != author.pk:
        raise PermissionDenied(NOT_YOUR_ANSWER)
    response = PatternHearingResponse.objects.select_for_update().get(pk=response.pk)
    if response.draft_request_id:
        existing = SupportRequest.objects.filter(pk=response.draft_request_id).first()
        if existing is not None:
            return existing
    initial = pattern_request_initial(pattern=response.pattern)
    initial["body"] = f"{_hearing_request_body(response)}\n\n{initial['body']}"
    support_request = support_request_create(
        author=author, budget_range=BudgetRange.UNDECIDED, visibility=Visibility.PUBLIC, **initial
    )
    response.draft_request_id = support_request.pk
    response.save(update_fields=["draft_request_id"])
    return support_request


def _unique_slug(index: PatternIndexPage, base: str) -> str:
    base = slugify(base, allow_unicode=False) or "pattern"
    slug, number = base, 2
    while PatternPage.objects.child_of(index).filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def pattern_create_draft_from_group(*, group, author) -> PatternPage:
    """A draft pattern (not published) with the group's cases linked, for the moderators'
    workflow: the moderator completes the configuration, costs and steps in the editor."""
    if len(group.cases) < 2:
        raise ValidationError(GROUP_TOO_SMALL)
    index = originals(PatternIndexPage.objects.all()).first()
    if index is None:
        raise ValidationError(NO_PATTERN_INDEX)
    first = group.cases[0]
    title = _("%(crop)s: %(domain)s pattern (draft)") % {
        "crop": group.crop_label,
        "domain": group.domain_label,
    }
    page = PatternPage(
        title=title[:255],
        slug=_unique_slug(index, f"{group.domain}-{group.network or 'pattern'}"),
        intro=first.intro[:SUMMARY_MAX],
        domain=group.domain,
        category=first.category,
        applies_to=group.crop_or_industry,
        networks=[group.network] if group.network else [],
        problem="\n\n".join(case.challenge for case in group.cases),
        lessons="\n\n".join(case.lessons for case in group.cases if case.lessons),
        live=False,
        owner=author,
    )
    page.case_links = [PatternCase(case=case) for case in group.cases]
    index.add_child(instance=page)
    page.save_revision(user=author)
    return page
