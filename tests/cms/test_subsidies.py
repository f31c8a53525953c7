"""Subsidy status is derived from Japanese calendar days; listings filter by it."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from portal.cms.fields import ChoiceSetField
from portal.cms.models import SubsidyProgrammePage, SubsidyStatus
from portal.cms.models.subsidies import subsidy_status
from portal.core.categories import DXCategory
from tests.cms import factories

pytestmark = pytest.mark.django_db

JST = ZoneInfo("Asia/Tokyo")
OPENS = datetime.date(2026, 4, 1)
CLOSES = datetime.date(2026, 4, 30)


def _at(*args):
    return datetime.datetime(*args, tzinfo=JST)


@pytest.mark.parametrize(
    "moment, expected",
    [
        (_at(2026, 3, 31, 23, 59, 59), SubsidyStatus.UPCOMING),
        (_at(2026, 4, 1, 0, 0, 0), SubsidyStatus.OPEN),
        (_at(2026, 4, 15, 23, 59, 59), SubsidyStatus.OPEN),  # 15 days left
        (_at(2026, 4, 16, 0, 0, 0), SubsidyStatus.CLOSING_SOON),  # 14 days left
        (_at(2026, 4, 30, 23, 59, 59), SubsidyStatus.CLOSING_SOON),  # the last day is open
        (_at(2026, 5, 1, 0, 0, 0), SubsidyStatus.CLOSED),
    ],
)
def test_status_at_date_boundaries_in_japan_time(moment, expected):
    with time_machine.travel(moment, tick=False):
        page = factories.subsidy(opens_in=None, closes_in=None)
        page.opens_on, page.closes_on = OPENS, CLOSES
        page.save_revision().publish()
        assert page.status == expected
        matching = SubsidyProgrammePage.objects.live().with_status(expected)
        assert list(matching) == [page]
        others = [status for status in SubsidyStatus if status != expected]
        for status in others:
            assert not SubsidyProgrammePage.objects.live().with_status(status).exists(), status


def test_utc_midnight_is_not_the_japanese_day_boundary():
    # 2026-04-30 15:00 UTC is already 2026-05-01 in Japan: the programme has closed.
    with time_machine.travel(
        datetime.datetime(2026, 4, 30, 15, 0, tzinfo=datetime.UTC), tick=False
    ):
        assert subsidy_status(opens_on=None, closes_on=CLOSES, today=_today()) == "closed"


def _today():
    from portal.cms.models.subsidies import today_in_japan

    return today_in_japan()


def test_rolling_programme_without_deadline_stays_open():
    assert subsidy_status(opens_on=None, closes_on=None, today=CLOSES) == SubsidyStatus.OPEN


def test_home_page_shows_only_programmes_closing_soon(client):
    soon = factories.subsidy(title="締切間近の交付金", closes_in=5)
    factories.subsidy(title="まだ先の補助金", closes_in=60)
    factories.subsidy(title="終了した補助金", closes_in=-1)
    html = client.get("/ja/").content.decode()
    assert soon.title in html
    assert "まだ先の補助金" not in html
    assert "終了した補助金" not in html


@pytest.mark.parametrize(
    "query, expected",
    [
        ("status=closing_soon", {"soon"}),
        ("status=closed", {"closed"}),
        ("area=wireless_5g", {"soon"}),
        ("eligible=company", {"later"}),
        ("ministry=maff", {"later"}),
        ("q=ローカル5G", {"soon"}),
        ("status=bogus", {"soon", "later", "closed"}),
    ],
)
def test_subsidy_index_filters(client, query, expected):
    factories.subsidy(
        slug="soon", title="ローカル5G活用支援", closes_in=3, target_areas=[DXCategory.WIRELESS_5G]
    )
    factories.subsidy(
        slug="later",
        title="スマート農業支援",
        closes_in=90,
        ministry="maff",
        eligible_bodies=["municipality", "company"],
    )
    factories.subsidy(slug="closed", title="終了した制度", closes_in=-3)
    response = client.get(factories.subsidy_index().url + "?" + query)
    assert response.status_code == 200
    assert {page.slug for page in response.context["results"]} == expected


def test_choice_set_field_round_trips_and_orders_values():
    page = factories.subsidy(target_areas=[DXCategory.WIRELESS_5G, DXCategory.ONLINE_PROCEDURES])
    page.refresh_from_db()
    assert page.target_areas == [DXCategory.ONLINE_PROCEDURES, DXCategory.WIRELESS_5G]
    assert page.get_target_area_labels() == [
        DXCategory.ONLINE_PROCEDURES.label,
        DXCategory.WIRELESS_5G.label,
    ]
    lookup = ChoiceSetField.contains_lookup("target_areas", "wireless_5g")
    assert SubsidyProgrammePage.objects.filter(**lookup).get() == page
    assert not SubsidyProgrammePage.objects.filter(
        **ChoiceSetField.contains_lookup("target_areas", "wireless")
    ).exists()


def test_closing_day_before_opening_day_is_rejected():
    from django.core.exceptions import ValidationError

    page = factories.subsidy()
    page.opens_on, page.closes_on = CLOSES, OPENS
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "closes_on" in error.value.message_dict
