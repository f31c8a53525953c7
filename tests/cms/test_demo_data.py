"""The demo data an official would read: checked on a site seeded once per test."""

import datetime
import io

import jpholiday
import pytest
import time_machine
from django.core.management import call_command

from portal.accounts.models import User
from portal.cms.models import EventPage, SubsidyProgrammePage
from portal.cms.models.subsidies import JAPAN, SubsidyStatus
from portal.core.business_days import is_japanese_working_day, next_working_day

# 30 days after this the summit would fall on New Year's Day; 45 days after, on a Saturday.
BEFORE_NEW_YEAR = datetime.datetime(2026, 12, 2, 9, 0, tzinfo=JAPAN)


@pytest.mark.django_db
def test_seeded_demo_data_is_what_an_official_would_not_question(client):
    """One seeding (it is slow), several readers' checks."""
    with time_machine.travel(BEFORE_NEW_YEAR, tick=False):
        call_command("seed_demo", "--quiet-logins", "--force", stdout=io.StringIO())
        _no_event_on_a_weekend_or_public_holiday()
        _every_programme_marked_as_demo(client)
        _official_title_not_doubled()
        _trust_pages_say_what_is_collected_why_how_long_and_who_sees_it(client)
        _every_demo_pattern_links_cases_subsidies_and_startups()


def test_working_days_skip_weekends_holidays_and_the_year_end_closure():
    assert next_working_day(datetime.date(2027, 1, 1)) == datetime.date(2027, 1, 4)
    assert not is_japanese_working_day(datetime.date(2026, 11, 23))  # 勤労感謝の日
    assert not is_japanese_working_day(datetime.date(2026, 12, 29))
    assert is_japanese_working_day(datetime.date(2026, 12, 1))


def _no_event_on_a_weekend_or_public_holiday():
    events = list(EventPage.objects.all())
    assert len(events) >= 4
    for event in events:
        day = event.start_at.astimezone(JAPAN).date()
        assert day.weekday() < 5, (event.title, day)
        assert not jpholiday.is_holiday(day), (event.title, day)
        assert is_japanese_working_day(day), (event.title, day)
        if "サミット" in event.title:
            assert str(day.year) in event.title


def _every_programme_marked_as_demo(client):
    programmes = list(SubsidyProgrammePage.objects.live().filter(locale__language_code="ja"))
    assert programmes
    for programme in programmes:
        assert "デモ" in programme.title
        html = client.get(programme.url).content.decode()
        assert "デモ用の掲載です" in html
    # Their English translations say so too.
    for programme in SubsidyProgrammePage.objects.live().exclude(locale__language_code="ja"):
        assert "demo" in programme.title.lower()


@pytest.mark.django_db
def test_subsidies_sorted_by_deadline_with_closed_programmes_last(client):
    from tests.cms import factories as cms_factories

    for title, opens, closes in [
        ("制度・締切済み", -60, -5),
        ("制度・来月締切", -10, 40),
        ("制度・まもなく締切", -10, 3),
        ("制度・締切なし", -10, None),
        ("制度・受付前", 10, 90),
    ]:
        cms_factories.subsidy(title=title, opens_in=opens, closes_in=closes)
    html = client.get("/ja/subsidies/").content.decode()
    order = [
        "制度・まもなく締切",
        "制度・来月締切",
        "制度・受付前",
        "制度・締切なし",
        "制度・締切済み",
    ]
    positions = [html.index(title) for title in order]
    assert positions == sorted(positions)
    assert "締切が近い順" in html
    statuses = [page.status for page in SubsidyProgrammePage.objects.by_deadline()]
    assert statuses[-1] == SubsidyStatus.CLOSED


def _every_demo_pattern_links_cases_subsidies_and_startups():
    """A town starting from a pattern sees who did it, what paid for it and who can build it,
    in both languages (the English copy keeps the links)."""
    from wagtail.models import Locale

    from portal.cms.models import PatternPage

    japanese = PatternPage.objects.live().filter(locale__language_code="ja")
    assert japanese.count() >= 5
    for pattern in japanese:
        assert pattern.case_links.exists(), pattern.title
        assert pattern.subsidy_links.exists(), pattern.title
        assert pattern.startup_links.exists(), pattern.title
        english = pattern.get_translation_or_none(Locale.objects.get(language_code="en"))
        assert english is not None and english.live, pattern.title
        assert english.specific.startup_links.count() == pattern.startup_links.count()


def _official_title_not_doubled():
    official = User.objects.get(email="official1@example.jp").official_profile
    label = official.title_label
    assert label.count("最高デジタル責任者") <= 1
    assert "）（" not in label
    assert label.endswith("・部長")


def _trust_pages_say_what_is_collected_why_how_long_and_who_sees_it(client):
    privacy = client.get("/ja/privacy/").content.decode()
    for heading in ("取得する情報", "利用目的", "誰が閲覧できるか", "保存期間"):
        assert heading in privacy
    terms = client.get("/ja/terms/").content.decode()
    assert "2026-04-01" in terms
    assert 'href="mailto:' in client.get("/ja/contact/").content.decode()
    assert client.get("/ja/operator/").status_code == 200
