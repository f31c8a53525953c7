"""Joint requests (共同): another municipality asks, the owner accepts or declines; notices."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from portal.community import policies, services
from portal.community.models import JoinState, SupportRequest
from portal.community.services.joins import ALREADY_JOINED
from tests import factories
from tests.factories import support_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_request(official):
    return support_request(author=official, title="避難所受付のデジタル化")


def _ask(request, user, comment="同じ課題です"):
    return services.support_request_join_ask(support_request=request, user=user, comment=comment)


def test_other_municipality_asks_and_the_requesting_officials_are_told(
    open_request, official, other_official, django_capture_on_commit_callbacks
):
    colleague = factories.official(factories.MAEBASHI)
    with django_capture_on_commit_callbacks(execute=True):
        join = _ask(open_request, other_official, comment="内部の検討メモ")
    assert join.state == JoinState.PENDING
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [official.email, colleague.email]
    )
    message = mail.outbox[0]
    assert "長野県塩尻市" in message.subject + message.body
    assert f"/requests/{open_request.pk}/" in message.body
    assert "内部の検討メモ" not in message.body  # read on the page, not in email


def test_asking_twice_is_refused(open_request, other_official):
    _ask(open_request, other_official)
    with pytest.raises(ValidationError) as error:
        _ask(open_request, other_official)
    assert error.value.messages == [str(ALREADY_JOINED)]


@pytest.mark.parametrize("state", ["draft", "selecting", "co_creating", "completed", "withdrawn"])
def test_only_open_requests_can_be_joined(official, other_official, state):
    request = support_request(author=official, state=state)
    with pytest.raises(PermissionDenied):
        _ask(request, other_official)


def test_own_municipality_and_non_officials_cannot_join(
    open_request, startup_user, pending_official
):
    colleague = factories.official(factories.MAEBASHI)
    for user in (colleague, startup_user, pending_official):
        with pytest.raises(PermissionDenied):
            _ask(open_request, user)


def test_accepting_makes_a_co_sponsor_who_acts_as_requester(
    open_request, official, other_official, django_capture_on_commit_callbacks
):
    join = _ask(open_request, other_official)
    assert not policies.is_requester(other_official, open_request)
    with django_capture_on_commit_callbacks(execute=True):
        services.support_request_join_accept(join=join, actor=official)
    open_request.refresh_from_db()
    assert open_request.municipality_count == 2
    assert policies.is_requester(other_official, open_request)
    assert [message.to for message in mail.outbox] == [[other_official.email]]
    assert "避難所受付のデジタル化" in mail.outbox[0].subject


def test_declining_tells_the_asker_and_keeps_the_count(
    open_request, official, other_official, django_capture_on_commit_callbacks
):
    join = _ask(open_request, other_official)
    with django_capture_on_commit_callbacks(execute=True):
        services.support_request_join_decline(join=join, actor=official)
    join.refresh_from_db()
    assert join.state == JoinState.DECLINED and join.decided_by == official
    assert SupportRequest.objects.get(pk=open_request.pk).municipality_count == 1
    assert mail.outbox[0].to == [other_official.email]
    assert not policies.is_requester(other_official, open_request)


def test_a_decision_is_made_once(open_request, official, other_official):
    join = _ask(open_request, other_official)
    services.support_request_join_accept(join=join, actor=official)
    with pytest.raises(ValidationError):
        services.support_request_join_decline(join=join, actor=official)


def test_co_sponsor_can_leave_and_the_count_follows(open_request, official, other_official):
    join = _ask(open_request, other_official)
    services.support_request_join_accept(join=join, actor=official)
    services.support_request_join_withdraw(join=join, actor=other_official)
    assert SupportRequest.objects.get(pk=open_request.pk).municipality_count == 1
    _ask(open_request, other_official)  # may ask again later


def test_join_page_flow(client_for, open_request, official, other_official):
    client = client_for(other_official)
    response = client.post(f"/ja/requests/{open_request.pk}/join/", {"comment": "塩尻市も同じ"})
    assert response.status_code == 302
    join = open_request.joins.get()
    content = client_for(official).get(f"/ja/requests/{open_request.pk}/").content.decode()
    assert "塩尻市も同じ" in content and "長野県塩尻市" in content
    client_for(official).post(f"/ja/requests/{open_request.pk}/joins/{join.pk}/accept/")
    content = client_for(other_official).get(f"/ja/requests/{open_request.pk}/").content.decode()
    assert 'class="badge badge--joint"' in content


def test_list_shows_how_many_municipalities_share_a_request(
    client, open_request, official, other_official
):
    join = _ask(open_request, other_official)
    services.support_request_join_accept(join=join, actor=official)
    response = client.get("/ja/requests/", {"joint": "yes"})
    assert [item.municipality_count for item in response.context["page"]] == [2]
