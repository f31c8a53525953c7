"""Writes of support requests: create, edit, and every state change (with its history row)."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.accounts.models import User
from portal.community import policies
from portal.community.models import (
    RequestState,
    SupportRequest,
    SupportRequestTransition,
)
from portal.community.models.support_requests import deadline_today
from portal.community.signals import support_request_published
from portal.search import index

MAX_TAGS = 10
MAX_TAG_LENGTH = 30

TRANSITION_NOT_ALLOWED = _("A request in the state “%(from)s” cannot change to “%(to)s”.")
DEADLINE_REQUIRED = _("Set a proposal deadline before publishing the request.")
DEADLINE_PASSED = _("The proposal deadline has already passed (Japan time). Choose a later date.")
EXPECTED_START_BEFORE_DEADLINE = _("The expected start cannot be before the proposal deadline.")
REASON_REQUIRED = _("Say why, so that proposers and other municipalities understand.")
OUTCOME_ADOPTED_REQUIRED = _("Say whether a solution was adopted.")
CONTRACT_ROUTE_REQUIRED = _("Choose how the adopted solution was contracted.")
TOO_MANY_TAGS = _("Use at most %(limit)d tags.")
TAG_TOO_LONG = _("Each tag can have at most %(limit)d characters.")

EDITABLE_FIELDS = (
    "title",
    "summary",
    "body",
    "category",
    "budget_range",
    "proposal_deadline",
    "expected_start",
    "visibility",
)


def clean_tags(tags) -> list[str]:
    """Distinct, trimmed tag names; raises ValidationError over the limits."""
    names = list(dict.fromkeys(name.strip() for name in tags if name and name.strip()))
    if len(names) > MAX_TAGS:
        raise ValidationError({"tags": TOO_MANY_TAGS % {"limit": MAX_TAGS}})
    if any(len(name) > MAX_TAG_LENGTH for name in names):
        raise ValidationError({"tags": TAG_TOO_LONG % {"limit": MAX_TAG_LENGTH}})
    return names


def _check_dates(support_request: SupportRequest, *, publishing: bool) -> None:
    deadline, start = support_request.proposal_deadline, support_request.expected_start
    if publishing and deadline is None:
        raise ValidationError({"proposal_deadline": DEADLINE_REQUIRED})
    if publishing and deadline < deadline_today():
        raise ValidationError({"proposal_deadline": DEADLINE_PASSED})
    if deadline and start and start < deadline:
        raise ValidationError({"expected_start": EXPECTED_START_BEFORE_DEADLINE})


def _save(support_request: SupportRequest, tags=None) -> SupportRequest:
    support_request.full_clean()
    support_request.save()
    if tags is not None:
        support_request.tags.set(tags, clear=True)
    index.index_object(support_request)
    return support_request


@transaction.atomic
def support_request_create(
    *,
    author: User,
    title: str,
    summary: str,
    body: str,
    category: str,
    tags: list[str] = (),
    budget_range: str,
    proposal_deadline: datetime.date | None = None,
    expected_start: datetime.date | None = None,
    visibility: str,
    subsidies=(),
) -> SupportRequest:
    """A draft for the author's own municipality (the author must be a verified official)."""
    if not author.is_verified_official:
        raise PermissionDenied(policies.NOT_REQUESTING_OFFICIAL)
    support_request = SupportRequest(
        municipality=author.official_profile.municipality,
        author=author,
        title=title.strip(),
        summary=summary.strip(),
        body=body,
        category=category,
        budget_range=budget_range,
        proposal_deadline=proposal_deadline,
        expected_start=expected_start,
        visibility=visibility,
        state=RequestState.DRAFT,
    )
    _check_dates(support_request, publishing=False)
    _save(support_request, tags=clean_tags(tags))
    support_request.linked_subsidies.set(subsidies)
    SupportRequestTransition.objects.create(
        support_request=support_request, from_state="", to_state=RequestState.DRAFT, actor=author
    )
    return support_request


@transaction.atomic
def support_request_update(
    *, support_request: SupportRequest, actor: User, tags=None, subsidies=None, **fields
) -> SupportRequest:
    """Change the editable fields (see EDITABLE_FIELDS) of a draft, open or selecting request."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not editable: {sorted(unknown)}")
    support_request = _locked(support_request)
    if not policies.can_edit(actor, support_request):
        raise PermissionDenied(policies.NOT_EDITABLE)
    for name, value in fields.items():
        setattr(support_request, name, value.strip() if name in {"title", "summary"} else value)
    _check_dates(support_request, publishing=False)
    if "proposal_deadline" in fields and support_request.state == RequestState.OPEN:
        _check_dates(support_request, publishing=True)
    support_request = _save(support_request, tags=clean_tags(tags) if tags is not None else None)
    if subsidies is not None:
        support_request.linked_subsidies.set(subsidies)
    return support_request


def _locked(support_request: SupportRequest) -> SupportRequest:
    return SupportRequest.objects.select_for_update().get(pk=support_request.pk)


def _transition(
    *, support_request: SupportRequest, actor: User, to_state: str, reason: str = ""
) -> SupportRequest:
    """Move to `to_state` if allowed and permitted; records who, when and why. In a transaction."""
    support_request = _locked(support_request)
    if to_state not in support_request.allowed_next_states():
        raise ValidationError(
            TRANSITION_NOT_ALLOWED,
            code="transition_not_allowed",
            params={
                "from": support_request.get_state_display(),
                "to": RequestState(to_state).label,
            },
        )
    if not policies.can_transition(actor, support_request, to_state):
        raise PermissionDenied(policies.NOT_REQUESTING_OFFICIAL)
    from_state = support_request.state
    support_request.state = to_state
    SupportRequestTransition.objects.create(
        support_request=support_request,
        from_state=from_state,
        to_state=to_state,
        actor=actor,
        reason=(reason or "").strip(),
    )
    return support_request


@transaction.atomic
def support_request_publish(*, support_request: SupportRequest, actor: User) -> SupportRequest:
    """draft → open: proposals are accepted until the deadline day ends (Japan time)."""
    support_request = _transition(
        support_request=support_request, actor=actor, to_state=RequestState.OPEN
    )
    _check_dates(support_request, publishing=True)
    support_request.published_at = timezone.now()
    support_request = _save(support_request)
    _announce_published(support_request.pk)
    return support_request


def _announce_published(support_request_id: int) -> None:
    """Tell the apps above (startups' alerts) once the publication is committed."""
    transaction.on_commit(
        lambda: support_request_published.send(
            sender=SupportRequest, support_request_id=support_request_id
        ),
        robust=True,
    )


@transaction.atomic
def support_request_start_selection(
    *, support_request: SupportRequest, actor: User, reason: str = ""
) -> SupportRequest:
    """open → selecting: the municipality stops taking proposals and reviews them."""
    support_request = _transition(
        support_request=support_request,
        actor=actor,
        to_state=RequestState.SELECTING,
        reason=reason,
    )
    return _save(support_request)


@transaction.atomic
def support_request_start_co_creation(
    *, support_request: SupportRequest, actor: User, reason: str = ""
) -> SupportRequest:
    """selecting → co_creating; called by the proposals app when a startup is selected."""
    support_request = _transition(
        support_request=support_request,
        actor=actor,
        to_state=RequestState.CO_CREATING,
        reason=reason,
    )
    return _save(support_request)


@transaction.atomic
def support_request_complete(
    *,
    support_request: SupportRequest,
    actor: User,
    adopted: bool | None,
    contract_route: str = "",
    budget_secured: bool | None = None,
    lessons: str = "",
    reason: str = "",
) -> SupportRequest:
    """selecting/co_creating → completed, recording the outcome (for 横展開 to others)."""
    if adopted is None:
        raise ValidationError({"adopted": OUTCOME_ADOPTED_REQUIRED})
    if adopted and not contract_route:
        raise ValidationError({"contract_route": CONTRACT_ROUTE_REQUIRED})
    support_request = _transition(
        support_request=support_request,
        actor=actor,
        to_state=RequestState.COMPLETED,
        reason=reason,
    )
    support_request.completed_at = timezone.now()
    support_request.outcome_adopted = adopted
    support_request.outcome_contract_route = contract_route if adopted else ""
    support_request.outcome_budget_secured = budget_secured
    support_request.outcome_lessons = (lessons or "").strip()
    return _save(support_request)


@transaction.atomic
def support_request_withdraw(
    *, support_request: SupportRequest, actor: User, reason: str
) -> SupportRequest:
    """Any unfinished request → withdrawn; the reason is required and shown in the history."""
    if not (reason or "").strip():
        raise ValidationError({"reason": REASON_REQUIRED})
    support_request = _transition(
        support_request=support_request,
        actor=actor,
        to_state=RequestState.WITHDRAWN,
        reason=reason,
    )
    return _save(support_request)
