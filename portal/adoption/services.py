"""The loop between the CMS and support requests (横展開):

* 「この事例を導入したい」: a verified official starts a draft request prefilled from an advanced
  case and linked to it;
* a completed request becomes a case-study draft that goes into the moderators' workflow.

This app sits above both cms and community, so neither imports the other for the loop.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from portal.accounts.models import User
from portal.cms.locales import originals
from portal.cms.models import CaseStudyIndexPage, CaseStudyPage, size_band_for_population
from portal.cms.services import (
    case_study_adoption_initial,
    case_study_create_draft,
    known_crop_or_industry,
)
from portal.community import policies
from portal.community.models import (
    BudgetRange,
    Municipality,
    RequestState,
    SupportRequest,
    Visibility,
)
from portal.community.services.support_requests import support_request_create
from portal.stages.selectors import case_study_stage_text

NOT_COMPLETED = _("Only a completed support request can become an advanced case.")
NO_CASE_INDEX = _("The advanced cases section does not exist yet; ask a moderator to create it.")


@transaction.atomic
def support_request_create_from_case(*, case, author: User) -> SupportRequest:
    """A draft of the author's municipality, prefilled from `case` and linked to it."""
    initial = case_study_adoption_initial(case=case)
    support_request = support_request_create(
        author=author,
        title=initial["title"][:120],
        summary=initial["summary"][:300],
        body=initial["body"],
        category=initial["category"],
        tags=initial["tags"],
        budget_range=BudgetRange.UNDECIDED,
        visibility=Visibility.PUBLIC,
    )
    support_request.linked_case_studies.add(case)
    if initial.get("subsidy_id"):
        support_request.linked_subsidies.add(initial["subsidy_id"])
    return support_request


def _outcome_summary(support_request: SupportRequest) -> str:
    """The recorded outcome in words; the moderators complete results and KPIs."""
    yes_no = {True: _("Yes"), False: _("No"), None: _("Not recorded")}
    lines = [
        f"{_('Solution adopted')}: {yes_no[support_request.outcome_adopted]}",
        f"{_('Budget secured')}: {yes_no[support_request.outcome_budget_secured]}",
    ]
    if support_request.outcome_contract_route:
        lines.append(
            f"{_('Contract route')}: {support_request.get_outcome_contract_route_display()}"
        )
    # A co-created request's stage timeline and KPI results (the stage tracker).
    stages = case_study_stage_text(support_request)
    if stages:
        lines.append(stages)
    return "\n".join(str(line) for line in lines)


def _size_band(codes: list[str]) -> str:
    """The population band of the largest municipality whose population is known (the
    bands' rule for a joint project); "" when none of them has a figure."""
    populations = Municipality.objects.filter(code__in=codes, population__isnull=False).values_list(
        "population", flat=True
    )
    return size_band_for_population(max(populations, default=None))


@transaction.atomic
def case_study_create_from_request(*, support_request: SupportRequest, actor: User):
    """A case-study draft from a completed request, submitted to moderation; idempotent."""
    if not policies.can_make_case_study(actor, support_request):
        raise PermissionDenied(policies.NOT_REQUESTING_OFFICIAL)
    if support_request.state != RequestState.COMPLETED:
        raise ValidationError(NOT_COMPLETED)
    # Originals only: a translation copies `source_request_id`, and drafts go to the Japanese tree.
    existing = originals(CaseStudyPage.objects.filter(source_request_id=support_request.pk))
    existing = existing.first()
    if existing is not None:
        return existing
    index = originals(CaseStudyIndexPage.objects.all()).first()
    if index is None:
        raise ValidationError(NO_CASE_INDEX)
    tag_names = [tag.name for tag in support_request.tags.all()]
    codes = [
        support_request.municipality_id,
        *policies.co_sponsor_municipality_ids(support_request),
    ]
    return case_study_create_draft(
        index=index,
        author=actor,
        title=support_request.title,
        intro=support_request.summary,
        category=support_request.category,
        challenge=support_request.summary,
        solution=support_request.body,
        results=_outcome_summary(support_request),
        municipality_codes=codes,
        contract_route=support_request.outcome_contract_route,
        lessons=support_request.outcome_lessons,
        source_request_id=support_request.pk,
        tags=tag_names,
        crop_or_industry=known_crop_or_industry(words=tag_names),
        municipality_kind=support_request.municipality.kind,
        size_band=_size_band(codes),
    )
