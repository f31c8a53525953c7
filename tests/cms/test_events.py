"""Event registration: capacity, waiting list, cancellation, the attendee list and its CSV."""

import csv
import datetime
import io
import threading
import time

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import OperationalError, close_old_connections, connection
from django.utils import timezone

from portal.cms import services
from portal.cms.models import EventRegistration, RegistrationStatus
from tests import factories as base_factories
from tests.cms import factories

pytestmark = pytest.mark.django_db


def _status(event, user):
    return EventRegistration.objects.get(event=event, user=user).status


def test_registration_confirms_until_full_then_waitlists(django_capture_on_commit_callbacks):
    event = factories.event(capacity=2)
    a, b, c = (base_factories.UserFactory() for _ in range(3))
    with django_capture_on_commit_callbacks(execute=True):
        for user in (a, b, c):
            services.event_register(event=event, user=user)
    assert [_status(event, u) for u in (a, b, c)] == ["confirmed", "confirmed", "waitlisted"]
    assert sorted(m.to[0] for m in mail.outbox) == sorted([a.email, b.email])


def test_unlimited_event_confirms_everyone():
    event = factories.event(capacity=None)
    users = [base_factories.UserFactory() for _ in range(5)]
    for user in users:
        services.event_register(event=event, user=user)
    assert EventRegistration.objects.confirmed().filter(event=event).count() == 5


def test_registering_twice_is_refused():
    event = factories.event()
    user = base_factories.UserFactory()
    services.event_register(event=event, user=user)
    with pytest.raises(ValidationError) as error:
        services.event_register(event=event, user=user)
    assert error.value.messages == [str(services.ALREADY_REGISTERED)]


def test_registration_closed_after_deadline_or_when_turned_off():
    user = base_factories.UserFactory()
    closed = factories.event(registration_closes_at=timezone.now() - datetime.timedelta(hours=1))
    off = factories.event(registration_open=False)
    for event in (closed, off):
        with pytest.raises(ValidationError) as error:
            services.event_register(event=event, user=user)
        assert error.value.code == "closed"


def test_cancelling_a_confirmed_seat_moves_the_first_waiting_person_up(
    django_capture_on_commit_callbacks,
):
    event = factories.event(capacity=1)
    first, second, third = (base_factories.UserFactory() for _ in range(3))
    for user in (first, second, third):
        services.event_register(event=event, user=user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.event_registration_cancel(event=event, user=first)
    assert _status(event, first) == "cancelled"
    assert _status(event, second) == "confirmed"
    assert _status(event, third) == "waitlisted"
    assert [m.to for m in mail.outbox] == [[second.email]]
    assert event.title in mail.outbox[0].subject
    assert event.url in mail.outbox[0].body


def test_cancelling_a_waiting_place_promotes_nobody():
    event = factories.event(capacity=1)
    first, second = base_factories.UserFactory(), base_factories.UserFactory()
    services.event_register(event=event, user=first)
    services.event_register(event=event, user=second)
    services.event_registration_cancel(event=event, user=second)
    assert _status(event, first) == "confirmed"
    assert _status(event, second) == "cancelled"


def test_registering_again_after_cancelling_joins_the_back_of_the_queue():
    event = factories.event(capacity=1)
    first, second, third = (base_factories.UserFactory() for _ in range(3))
    for user in (first, second, third):
        services.event_register(event=event, user=user)
    services.event_registration_cancel(event=event, user=second)
    services.event_register(event=event, user=second)
    services.event_registration_cancel(event=event, user=first)
    assert _status(event, third) == "confirmed"
    assert _status(event, second) == "waitlisted"


def test_cancel_without_registration_is_refused():
    with pytest.raises(ValidationError) as error:
        services.event_registration_cancel(
            event=factories.event(), user=base_factories.UserFactory()
        )
    assert error.value.code == "not_registered"


def test_raising_the_capacity_and_publishing_promotes_waiting_people(
    django_capture_on_commit_callbacks,
):
    event = factories.event(capacity=1)
    users = [base_factories.UserFactory() for _ in range(3)]
    for user in users:
        services.event_register(event=event, user=user)
    event.capacity = 3
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    assert [_status(event, u) for u in users] == ["confirmed"] * 3


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_registrations_never_exceed_capacity():
    """Many people press "register" at once: the event row lock serialises them."""
    event = factories.event(capacity=3)
    users = [base_factories.UserFactory() for _ in range(8)]
    barrier = threading.Barrier(len(users))
    outcomes = []

    def register(user):
        try:
            barrier.wait()
            for _attempt in range(200):
                try:
                    outcomes.append(services.event_register(event=event, user=user).status)
                    break
                except OperationalError:
                    # SQLite's shared in-memory test database refuses a second writer instead
                    # of waiting; a client would retry, so the test does too.
                    time.sleep(0.01)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=register, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    confirmed = EventRegistration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED)
    assert confirmed.count() == 3
    assert sorted(outcomes) == ["confirmed"] * 3 + ["waitlisted"] * 5


# --- views -------------------------------------------------------------------------------------


def test_anonymous_register_is_sent_to_login(client):
    event = factories.event()
    response = client.post(event.url + "register/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not EventRegistration.objects.exists()


def test_register_by_get_changes_nothing(client_for, member):
    event = factories.event()
    response = client_for(member).get(event.url + "register/")
    assert response.status_code == 302
    assert not EventRegistration.objects.exists()


def test_signed_in_user_registers_and_sees_the_online_address(client_for, member):
    event = factories.event(format="hybrid", online_url="https://meet.example.jp/secret-room")
    client = client_for(member)
    assert "secret-room" not in client.get(event.url).content.decode()
    response = client.post(event.url + "register/", follow=True)
    assert response.status_code == 200
    assert _status(event, member) == "confirmed"
    assert "secret-room" in response.content.decode()


def test_registering_for_a_full_event_shows_the_waiting_list_message(client_for, member):
    event = factories.event(capacity=1)
    services.event_register(event=event, user=base_factories.UserFactory())
    response = client_for(member).post(event.url + "register/", follow=True)
    assert _status(event, member) == "waitlisted"
    assert any(m.level_tag == "info" for m in response.context["messages"])


def test_cancel_asks_for_confirmation_first(client_for, member):
    event = factories.event()
    services.event_register(event=event, user=member)
    client = client_for(member)
    response = client.get(event.url + "cancel/")
    assert response.status_code == 200
    assert _status(event, member) == "confirmed"
    response = client.post(event.url + "cancel/")
    assert response.status_code == 302
    assert _status(event, member) == "cancelled"


def test_duplicate_registration_shows_an_error_not_a_500(client_for, member):
    event = factories.event()
    client = client_for(member)
    client.post(event.url + "register/")
    response = client.post(event.url + "register/", follow=True)
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]][-1] == "error"
    assert EventRegistration.objects.filter(event=event).count() == 1


@pytest.mark.parametrize(
    "who, expected",
    [
        ("anonymous", 302),
        ("member", 403),
        ("official", 403),
        ("other_official", 403),
        ("startup_user", 403),
        ("moderator", 200),
    ],
)
@pytest.mark.parametrize("route", ["attendees/", "attendees/csv/"])
def test_only_moderators_see_the_attendee_list(request, client, client_for, who, expected, route):
    event = factories.event()
    services.event_register(event=event, user=base_factories.UserFactory())
    http = client if who == "anonymous" else client_for(request.getfixturevalue(who))
    response = http.get(event.url + route)
    assert response.status_code == expected


def test_attendee_csv_lists_people_with_affiliation_and_neutralises_formulas(client_for, moderator):
    event = factories.event(capacity=1)
    official = base_factories.official(base_factories.MAEBASHI)
    tricky = base_factories.UserFactory(display_name='=HYPERLINK("http://evil")')
    services.event_register(event=event, user=official)
    services.event_register(event=event, user=tricky)
    response = client_for(moderator).get(event.url + "attendees/csv/")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 3
    assert rows[1][0] == official.display_name
    assert "前橋市" in rows[1][2]
    assert rows[2][0].startswith("'=")


@pytest.mark.parametrize("kind", ["event_registration_confirmed", "event_waitlist_promoted"])
@pytest.mark.parametrize("language", ["ja", "en"])
def test_event_notifications_render_in_the_recipients_language(kind, language):
    from portal.notifications.services import render_for

    event = factories.event(title="現地視察：スマート農業")
    user = base_factories.UserFactory(preferred_language=language)
    subject, body = render_for(
        kind=kind,
        recipient=user,
        target=event,
        context=services._event_context(event),
    )
    assert "現地視察：スマート農業" in subject
    assert "\n" not in subject
    # The page in the reader's language (Wagtail serves the same tree under each prefix).
    assert "http://" in body and event.url.replace("/ja/", f"/{language}/", 1) in body
    assert user.display_name in body
