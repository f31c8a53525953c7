"""Every allowed and every refused state change, who may make it, and what it records."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from portal.community import services
from portal.community.models import ALLOWED_TRANSITIONS, RequestState, SupportRequest
from portal.community.models.support_requests import DEADLINE_TIMEZONE
from portal.community.services.support_requests import (
    CONTRACT_ROUTE_REQUIRED,
    DEADLINE_PASSED,
    DEADLINE_REQUIRED,
    REASON_REQUIRED,
)
from tests.factories import support_request

pytestmark = pytest.mark.django_db

STATES = list(RequestState)


def _move(request, to_state, actor):
    """Call the service that enters `to_state`."""
    if to_state == RequestState.OPEN:
        return services.support_request_publish(support_request=request, actor=actor)
    if to_state == RequestState.SELECTING:
        return services.support_request_start_selection(support_request=request, actor=actor)
    if to_state == RequestState.CO_CREATING:
        return services.support_request_start_co_creation(support_request=request, actor=actor)
    if to_state == RequestState.COMPLETED:
        return services.support_request_complete(
            support_request=request, actor=actor, adopted=True, contract_route="proposal"
        )
    if to_state == RequestState.WITHDRAWN:
        return services.support_request_withdraw(
            support_request=request, actor=actor, reason="事業の見直し"
        )
    raise AssertionError(to_state)


def _in_state(state, official):
    published = None if state == RequestState.DRAFT else timezone.now()
    return support_request(author=official, state=state, published_at=published)


ALLOWED = [(a, b) for a in STATES for b in STATES if b in ALLOWED_TRANSITIONS[a]]
REFUSED = [
    (a, b)
    for a in STATES
    for b in STATES
    if b != RequestState.DRAFT and b not in ALLOWED_TRANSITIONS[a]
]


def test_the_transition_table_is_the_designed_life_cycle():
    assert set(ALLOWED) == {
        ("draft", "open"),
        ("draft", "withdrawn"),
        ("open", "selecting"),
        ("open", "withdrawn"),
        ("selecting", "co_creating"),
        ("selecting", "completed"),
        ("selecting", "withdrawn"),
        ("co_creating", "completed"),
        ("co_creating", "withdrawn"),
    }


@pytest.mark.parametrize(("from_state", "to_state"), ALLOWED)
def test_allowed_transition_records_who_when_and_why(official, from_state, to_state):
    request = _in_state(from_state, official)
    moved = _move(request, to_state, official)
    assert SupportRequest.objects.get(pk=request.pk).state == to_state
    change = moved.transitions.last()
    assert (change.from_state, change.to_state, change.actor) == (from_state, to_state, official)
    assert change.created_at is not None
    if to_state == RequestState.WITHDRAWN:
        assert change.reason == "事業の見直し"


@pytest.mark.parametrize(("from_state", "to_state"), REFUSED)
def test_refused_transition_changes_nothing(official, from_state, to_state):
    request = _in_state(from_state, official)
    with pytest.raises(ValidationError) as error:
        _move(request, to_state, official)
    assert error.value.code == "transition_not_allowed"
    assert SupportRequest.objects.get(pk=request.pk).state == from_state
    assert not request.transitions.exists()


@pytest.mark.parametrize("to_state", [RequestState.SELECTING, RequestState.WITHDRAWN])
def test_officials_of_other_municipalities_cannot_move_a_request(
    official, other_official, startup_user, to_state
):
    request = _in_state(RequestState.OPEN, official)
    for outsider in (other_official, startup_user):
        with pytest.raises(PermissionDenied):
            _move(request, to_state, outsider)
    assert SupportRequest.objects.get(pk=request.pk).state == RequestState.OPEN


def test_moderators_may_withdraw_but_not_publish(official, moderator):
    draft = _in_state(RequestState.DRAFT, official)
    with pytest.raises(PermissionDenied):
        _move(draft, RequestState.OPEN, moderator)
    _move(draft, RequestState.WITHDRAWN, moderator)
    assert draft.transitions.last().actor == moderator


def test_publishing_needs_a_deadline_that_has_not_passed(official):
    draft = support_request(author=official, state="draft", proposal_deadline=None)
    with pytest.raises(ValidationError) as error:
        _move(draft, RequestState.OPEN, official)
    assert error.value.message_dict["proposal_deadline"] == [str(DEADLINE_REQUIRED)]
    draft.proposal_deadline = timezone.localdate() - datetime.timedelta(days=1)
    draft.save()
    with pytest.raises(ValidationError) as error:
        _move(draft, RequestState.OPEN, official)
    assert error.value.message_dict["proposal_deadline"] == [str(DEADLINE_PASSED)]
    assert SupportRequest.objects.get(pk=draft.pk).state == RequestState.DRAFT
    assert not draft.transitions.exists()


def test_publishing_sets_the_publication_time(official):
    draft = _in_state(RequestState.DRAFT, official)
    published = _move(draft, RequestState.OPEN, official)
    assert published.published_at is not None


def test_withdrawing_needs_a_reason(official):
    request = _in_state(RequestState.OPEN, official)
    with pytest.raises(ValidationError) as error:
        services.support_request_withdraw(support_request=request, actor=official, reason=" ")
    assert error.value.message_dict["reason"] == [str(REASON_REQUIRED)]


def test_completing_records_the_outcome(official):
    request = _in_state(RequestState.CO_CREATING, official)
    services.support_request_complete(
        support_request=request,
        actor=official,
        adopted=True,
        contract_route="dmp",
        budget_secured=True,
        lessons="共同調達で交渉力が上がった。",
    )
    request.refresh_from_db()
    assert request.state == RequestState.COMPLETED
    assert (request.outcome_adopted, request.outcome_contract_route) == (True, "dmp")
    assert request.outcome_budget_secured is True
    assert request.outcome_lessons == "共同調達で交渉力が上がった。"
    assert request.completed_at is not None


def test_completing_an_adopted_solution_needs_the_contract_route(official):
    request = _in_state(RequestState.SELECTING, official)
    with pytest.raises(ValidationError) as error:
        services.support_request_complete(support_request=request, actor=official, adopted=True)
    assert error.value.message_dict["contract_route"] == [str(CONTRACT_ROUTE_REQUIRED)]
    services.support_request_complete(support_request=request, actor=official, adopted=False)
    request.refresh_from_db()
    assert request.outcome_adopted is False and request.outcome_contract_route == ""


def test_transition_view_keeps_the_typed_outcome_on_error(client_for, official):
    request = _in_state(RequestState.SELECTING, official)
    response = client_for(official).post(
        f"/ja/requests/{request.pk}/state/completed/",
        {"adopted": "yes", "lessons": "学んだこと"},
    )
    assert response.status_code == 200
    assert "学んだこと" in response.content.decode()
    assert str(CONTRACT_ROUTE_REQUIRED) in response.content.decode()
    assert SupportRequest.objects.get(pk=request.pk).state == RequestState.SELECTING


def test_detail_page_shows_the_history_with_reasons_to_verified_users(client_for, official):
    request = _in_state(RequestState.OPEN, official)
    services.support_request_withdraw(support_request=request, actor=official, reason="予算不足")
    content = client_for(official).get(f"/ja/requests/{request.pk}/").content.decode()
    assert "予算不足" in content
    content = client_for_visitor_content(request)
    assert "予算不足" not in content


def client_for_visitor_content(request):
    from django.test import Client

    return Client().get(f"/ja/requests/{request.pk}/").content.decode()


# Deadline: a request accepts proposals through the end of its deadline day in Japan.

DEADLINE = datetime.date(2026, 3, 31)


def _jst(*args):
    return datetime.datetime(*args, tzinfo=DEADLINE_TIMEZONE)


@pytest.mark.parametrize(
    ("moment", "accepts"),
    [
        (_jst(2026, 3, 31, 0, 0, 0), True),
        (_jst(2026, 3, 31, 23, 59, 59), True),
        (_jst(2026, 4, 1, 0, 0, 0), False),
        # 2026-03-31 15:30 UTC is already 04-01 00:30 in Tokyo: closed, although UTC says 31st.
        (datetime.datetime(2026, 3, 31, 15, 30, tzinfo=datetime.UTC), False),
        # 2026-03-31 14:59 UTC is 23:59 in Tokyo: still open.
        (datetime.datetime(2026, 3, 31, 14, 59, tzinfo=datetime.UTC), True),
    ],
)
def test_deadline_is_the_end_of_the_day_in_asia_tokyo(official, moment, accepts):
    request = support_request(author=official, proposal_deadline=DEADLINE)
    with time_machine.travel(moment, tick=False):
        assert request.accepts_proposals() is accepts
        assert (
            SupportRequest.objects.accepting_proposals().filter(pk=request.pk).exists() is accepts
        )
        assert request.deadline_passed() is not accepts


def test_only_open_requests_accept_proposals(official):
    for state in STATES:
        request = support_request(author=official, state=state, proposal_deadline=DEADLINE)
        with time_machine.travel(_jst(2026, 3, 1, 12), tick=False):
            assert request.accepts_proposals() is (state == RequestState.OPEN)


def test_deadline_passed_is_shown_on_the_page_after_the_tokyo_day_ends(client, official):
    request = support_request(author=official, proposal_deadline=DEADLINE)
    with time_machine.travel(_jst(2026, 4, 1, 0, 0, 1), tick=False):
        content = client.get(f"/ja/requests/{request.pk}/").content.decode()
    assert "Deadline passed" in content or "締切" in content
