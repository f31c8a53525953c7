import datetime as dt

import pytest
from django.utils import translation

from portal.notifications.checks import check_notification_kinds
from portal.notifications.kinds import KINDS, EmailMode, Kind, get_kind, register
from portal.notifications.templatetags.notification_tags import site_path, when

EXPECTED_KINDS = {
    "official_verified",
    "official_rejected",
    "startup_verified",
    "proposal_submitted",
    "proposal_shortlisted",
    "proposal_selected",
    "proposal_declined",
    "request_join_asked",
    "request_join_accepted",
    "request_join_declined",
    "startup_invitation",
    "startup_join_requested",
    "channel_mention",
    "channel_unread",
    "request_alert_match",
    "event_registration_confirmed",
    "event_waitlist_promoted",
    "subsidy_deadline_approaching",
    # Added by the startups work: verification refused, join decisions, track records.
    "startup_rejected",
    "startup_join_approved",
    "startup_join_declined",
    "track_record_claimed",
    # Added by the co-creation channels: someone added me to a channel.
    "channel_member_added",
    # Added by moderation: reports handled, content hidden, warnings.
    "report_handled",
    "content_hidden",
    "moderation_warning",
    # Added by peer municipalities: direct conversations between officials.
    "direct_conversation_requested",
    "direct_conversation_declined",
    # Added by the stage tracker (registered in portal.stages' ready()).
    "stage_deadline_passed",
    "stage_update_proposed",
    "stage_update_decided",
}


def test_the_registry_holds_every_event_of_the_issue():
    assert set(KINDS) == EXPECTED_KINDS
    assert all(kind.default_email in EmailMode.values for kind in KINDS.values())
    assert [name for name, kind in KINDS.items() if kind.batched] == ["channel_unread"]


def test_every_registered_kind_has_its_templates_and_every_folder_is_registered():
    assert check_notification_kinds() == []


def test_registering_a_kind_twice_is_an_error():
    with pytest.raises(ValueError):
        register(Kind("channel_mention", "x", "y"))


def test_an_unknown_kind_gets_immediate_unbatched_defaults():
    kind = get_kind("not_registered_yet")
    assert kind.default_email == EmailMode.IMMEDIATE and not kind.batched


def test_when_formats_dates_and_tokyo_datetimes_in_the_active_language():
    moment = dt.datetime(2026, 6, 30, 15, 0, tzinfo=dt.UTC)
    with translation.override("en"):
        assert when(dt.date(2026, 6, 30)) == "June 30, 2026"
        assert when(moment) == "July 1, 2026, midnight"
    assert when("not a date") == ""
    assert when(None) == ""


def test_site_path_keeps_portal_links_relative_and_others_unchanged(settings):
    settings.PORTAL_BASE_URL = "https://portal.example.jp"
    assert site_path("https://portal.example.jp/ja/requests/1/") == "/ja/requests/1/"
    assert site_path("https://www.soumu.go.jp/") == "https://www.soumu.go.jp/"
    assert site_path("") == ""
