"""Notification centre, mark read, settings page and the bell: access matrix and behaviour."""

import pytest
from django.test import Client
from django.urls import reverse

from portal.notifications import services
from portal.notifications.kinds import EmailMode
from portal.notifications.models import Notification

pytestmark = pytest.mark.django_db

CENTRE = "/ja/notifications/"
SETTINGS = "/ja/notifications/settings/"


def make_notifications(user, count, **fields):
    Notification.objects.bulk_create(
        [
            Notification(
                recipient=user,
                kind="channel_mention",
                title=f"山田さんが防災WGであなたをメンションしました {n}",
                body="本文",
                url=f"http://127.0.0.1:8000/ja/channels/{n}/",
                **fields,
            )
            for n in range(count)
        ]
    )


@pytest.fixture
def people(member, official, other_official, startup_user, other_startup_user, moderator):
    return {
        "member": member,
        "official": official,
        "other_official": other_official,
        "startup_user": startup_user,
        "other_startup_user": other_startup_user,
        "moderator": moderator,
    }


@pytest.mark.parametrize("url", [CENTRE, SETTINGS])
def test_visitors_are_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    "role", ["member", "official", "other_official", "startup_user", "moderator"]
)
@pytest.mark.parametrize("url", [CENTRE, SETTINGS])
def test_every_signed_in_role_has_its_own_centre_and_settings(client_for, people, role, url):
    assert client_for(people[role]).get(url).status_code == 200


def test_the_centre_lists_only_my_notifications_newest_first(client_for, official, other_official):
    make_notifications(official, 2)
    Notification.objects.create(
        recipient=other_official, kind="channel_mention", title="塩尻市の秘密", body="x"
    )
    content = client_for(official).get(CENTRE).content.decode()
    assert "メンションしました 1" in content and "メンションしました 0" in content
    assert content.index("メンションしました 1") < content.index("メンションしました 0")
    assert "塩尻市の秘密" not in content


def test_the_centre_links_within_the_site_whatever_the_host(client_for, official):
    make_notifications(official, 1)
    content = client_for(official).get(CENTRE).content.decode()
    assert 'href="/ja/channels/0/"' in content


def test_the_centre_shows_an_empty_state(client_for, official):
    response = client_for(official).get(CENTRE)
    assert '<p class="empty">' in response.content.decode()
    assert "data-mark-read-url" not in response.content.decode()
    assert response.context["page_obj"].paginator.count == 0


def test_the_centre_paginates(client_for, official):
    make_notifications(official, 45)
    client = client_for(official)
    assert len(client.get(CENTRE).context["page_obj"].object_list) == 20
    assert len(client.get(CENTRE + "?page=3").context["page_obj"].object_list) == 5
    assert client.get(CENTRE + "?page=abc").status_code == 200
    assert client.get(CENTRE + "?page=999").context["page_obj"].number == 3


@pytest.mark.parametrize("rows", [3, 30])
def test_the_centre_query_count_does_not_grow_with_rows(
    client_for, official, django_assert_num_queries, rows
):
    make_notifications(official, rows)
    client = client_for(official)
    client.get(CENTRE)  # warm the bell's cached count and the session
    # session, user, the layout's three role flags, the channels' unread total, count and page
    # of notifications; the bell's count comes from the cache.
    with django_assert_num_queries(8):
        client.get(CENTRE)


def test_mark_read_is_post_only_and_marks_my_notification(client_for, official):
    make_notifications(official, 2)
    notification = Notification.objects.first()
    client = client_for(official)
    url = reverse("notifications:mark_read", args=[notification.pk])
    assert client.get(url).status_code == 405
    response = client.post(url, {"next": CENTRE + "?page=1"})
    assert response.status_code == 302 and response["Location"] == CENTRE + "?page=1"
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert Notification.objects.unread().count() == 1


def test_mark_read_answers_json_for_the_script(client_for, official):
    make_notifications(official, 2)
    notification = Notification.objects.first()
    response = client_for(official).post(
        reverse("notifications:mark_read", args=[notification.pk]), HTTP_ACCEPT="application/json"
    )
    assert response.json() == {"unread_count": 1}


def test_mark_read_refuses_an_offsite_next(client_for, official):
    make_notifications(official, 1)
    notification = Notification.objects.get()
    response = client_for(official).post(
        reverse("notifications:mark_read", args=[notification.pk]),
        {"next": "https://evil.example.com/"},
    )
    assert response["Location"] == CENTRE


@pytest.mark.parametrize("intruder", ["other_official", "startup_user", "member", "moderator"])
def test_nobody_can_mark_anothers_notification(client_for, people, intruder):
    make_notifications(people["official"], 1)
    notification = Notification.objects.get()
    response = client_for(people[intruder]).post(
        reverse("notifications:mark_read", args=[notification.pk])
    )
    assert response.status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_anonymous_cannot_mark_read(client, official):
    make_notifications(official, 1)
    notification = Notification.objects.get()
    response = client.post(reverse("notifications:mark_read", args=[notification.pk]))
    assert response.status_code == 302
    assert Notification.objects.unread().count() == 1


def test_mark_all_read_touches_only_my_notifications(client_for, official, other_official):
    make_notifications(official, 3)
    make_notifications(other_official, 2)
    response = client_for(official).post(reverse("notifications:mark_all_read"))
    assert response.status_code == 302
    assert not Notification.objects.filter(recipient=official, read_at__isnull=True).exists()
    assert Notification.objects.filter(recipient=other_official, read_at__isnull=True).count() == 2


def test_state_changes_need_the_csrf_token(official):
    make_notifications(official, 1)
    client = Client(enforce_csrf_checks=True)
    client.force_login(official)
    assert client.post(reverse("notifications:mark_all_read")).status_code == 403
    assert Notification.objects.unread().count() == 1


def test_the_bell_shows_my_unread_count(client_for, official):
    make_notifications(official, 3)
    content = client_for(official).get("/ja/notifications/settings/").content.decode()
    assert "data-unread-count>3</span>" in content
    assert 'data-ws-notifications="/ws/notifications/"' in content


def test_the_bell_count_follows_marking_read(
    client_for, official, django_capture_on_commit_callbacks
):
    make_notifications(official, 2)
    client = client_for(official)
    client.get(SETTINGS)
    with django_capture_on_commit_callbacks(execute=True):
        services.notifications_mark_all_read(user=official)
    assert "data-unread-count hidden>0</span>" in client.get(SETTINGS).content.decode()


def test_visitors_get_no_bell(client):
    assert (
        "data-notification-bell"
        not in client.get("/ja/notifications/unsubscribe/x/").content.decode()
    )


# --- settings page -----------------------------------------------------------------------------


def settings_data(**overrides):
    from portal.notifications.kinds import all_kinds

    data = {f"email_{kind.name}": kind.default_email for kind in all_kinds()}
    data.update(overrides)
    return data


def test_settings_show_the_defaults(client_for, official):
    form = client_for(official).get(SETTINGS).context["form"]
    assert form["email_request_alert_match"].value() == EmailMode.DIGEST
    assert form["email_proposal_submitted"].value() == EmailMode.IMMEDIATE


def test_settings_save_modes_and_followed_categories(client_for, official):
    data = settings_data(email_channel_unread="off", email_proposal_submitted="digest")
    data["followed_categories"] = ["disaster", "smart_agriculture"]
    response = client_for(official).post(SETTINGS, data)
    assert response.status_code == 302
    modes = dict(official.email_preferences.values_list("kind", "mode"))
    assert modes["channel_unread"] == "off" and modes["proposal_submitted"] == "digest"
    assert sorted(official.followed_categories.values_list("category", flat=True)) == [
        "disaster",
        "smart_agriculture",
    ]
    form = client_for(official).get(SETTINGS).context["form"]
    assert form["followed_categories"].value() == ["disaster", "smart_agriculture"]


def test_settings_reject_bad_input_and_keep_what_was_typed(client_for, official):
    data = settings_data(email_channel_unread="sometimes", email_proposal_submitted="digest")
    data["followed_categories"] = ["disaster", "astrology"]
    response = client_for(official).post(SETTINGS, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert "email_channel_unread" in form.errors and "followed_categories" in form.errors
    assert form["email_proposal_submitted"].value() == "digest"
    assert not official.email_preferences.exists()


def test_settings_of_one_user_do_not_touch_another(client_for, official, other_official):
    client_for(official).post(SETTINGS, settings_data(email_channel_mention="off"))
    assert not other_official.email_preferences.exists()
