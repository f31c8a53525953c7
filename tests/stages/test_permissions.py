"""Who may read and change a stage tracker: every role × action, incl. another municipality's
official, another startup's member, a co-sponsor and a moderator."""

import pytest
from django.urls import reverse

from portal.stages import services
from portal.stages.models import Stage, StageEvent, StageUpdate
from tests.stages.conftest import AUDIENCE, ROLES, today

pytestmark = pytest.mark.django_db

OUTSIDERS = {"member", "other_official", "other_startup"}


def _expected(role, allowed):
    if role == "visitor":
        return 302  # to the login page
    if role in OUTSIDERS:
        return 404  # nothing about the tracker leaks
    return 302 if role in allowed else 403


@pytest.mark.parametrize("role", ROLES)
def test_tracker_page_is_for_its_audience_only(world, client_as, role):
    response = client_as(world.users[role]).get(
        reverse("stages:tracker", args=[world.support_request.pk])
    )
    expected = 200 if role in AUDIENCE else (302 if role == "visitor" else 404)
    assert response.status_code == expected


@pytest.mark.parametrize("role", ROLES)
def test_only_owner_officials_move_a_stage(world, client_as, role):
    response = client_as(world.users[role]).post(
        reverse("stages:advance", args=[world.support_request.pk]),
        {"entered_on": today().isoformat()},
    )
    assert response.status_code == _expected(role, {"official"})
    world.tracker.refresh_from_db()
    assert world.tracker.stage == (Stage.AGREEMENT if role == "official" else Stage.SELECTED)


@pytest.mark.parametrize("role", ROLES)
def test_only_owner_officials_stop(world, client_as, role):
    response = client_as(world.users[role]).post(
        reverse("stages:stop", args=[world.support_request.pk]),
        {"reason": "policy", "stopped_on": today().isoformat(), "lessons": "早めに県と相談する。"},
    )
    assert response.status_code == _expected(role, {"official"})
    world.tracker.refresh_from_db()
    assert world.tracker.is_stopped == (role == "official")


@pytest.mark.parametrize("role", ROLES)
def test_only_selected_startup_members_propose(world, client_as, role):
    response = client_as(world.users[role]).post(
        reverse("stages:propose", args=[world.support_request.pk]),
        {"note": "協定の締結日を提案します。"},
    )
    # An empty proposal is refused with a form error (400) for the one who may propose.
    assert response.status_code == (400 if role == "startup" else _expected(role, set()))
    assert not StageUpdate.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_only_owner_officials_confirm_proposed_updates(world, client_as, role):
    services.stage_advance(tracker=world.tracker, actor=world.users["official"], entered_on=today())
    update = services.stage_update_propose(
        tracker=world.tracker,
        actor=world.users["startup"],
        changes={"agreement_signed_on": today().isoformat()},
    )
    response = client_as(world.users[role]).post(
        reverse("stages:decide", args=[world.support_request.pk, update.pk, "confirm"])
    )
    assert response.status_code == _expected(role, {"official"})
    update.refresh_from_db()
    world.tracker.refresh_from_db()
    assert (update.state == "confirmed") == (role == "official")
    assert (world.tracker.agreement_signed_on == today()) == (role == "official")


@pytest.mark.parametrize("role", ROLES)
def test_details_and_kpis_are_written_by_owner_officials_only(world, client_as, role):
    client = client_as(world.users[role])
    pk = world.support_request.pk
    response = client.post(reverse("stages:kpi_new", args=[pk]), {"name": "申請率", "target": "30"})
    assert response.status_code == _expected(role, {"official"})
    assert world.tracker.kpis.exists() == (role == "official")


def test_a_selected_startup_member_proposes_and_the_owner_confirms(world, client_as):
    official, startup = world.users["official"], world.users["startup"]
    services.stage_advance(tracker=world.tracker, actor=official, entered_on=today())
    pk = world.support_request.pk
    response = client_as(startup).post(
        reverse("stages:propose", args=[pk]),
        {"agreement_signed_on": today().isoformat(), "note": "締結しました。"},
    )
    assert response.status_code == 302
    update = StageUpdate.objects.get()
    assert update.changes == {"agreement_signed_on": today().isoformat()}
    client_as(official).post(
        reverse("stages:decide", args=[pk, update.pk, "reject"]), {"note": "日付が違います。"}
    )
    update.refresh_from_db()
    assert update.state == "rejected" and update.decision_note == "日付が違います。"
    world.tracker.refresh_from_db()
    assert world.tracker.agreement_signed_on is None
    kinds = list(StageEvent.objects.values_list("kind", flat=True))
    assert kinds == ["started", "moved", "proposed", "rejected"]


def test_a_startup_that_was_not_selected_cannot_propose_even_through_the_service(world):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.stage_update_propose(
            tracker=world.tracker,
            actor=world.users["other_startup"],
            changes={"agreement_signed_on": today().isoformat()},
        )


def test_moderators_and_co_sponsors_read_but_do_not_move(world):
    from django.core.exceptions import PermissionDenied

    for role in ("moderator", "co_sponsor"):
        with pytest.raises(PermissionDenied):
            services.stage_advance(
                tracker=world.tracker, actor=world.users[role], entered_on=today()
            )
