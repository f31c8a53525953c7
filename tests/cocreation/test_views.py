"""Channel pages: who may do what (role × action matrix), rendering, unread, search, export."""

import csv
import io

import pytest
from django.urls import reverse

from portal.cocreation import services
from portal.cocreation.models import (
    ChannelKind,
    MemberRole,
    Membership,
    MembershipState,
    Message,
    Privacy,
)
from tests import factories
from tests.cocreation.conftest import make_channel

pytestmark = pytest.mark.django_db


def post(channel, user, body, number):
    return services.message_post(
        channel_id=channel.pk, author=user, body=body, client_id=f"view-test-{number:06d}"
    )[0]


@pytest.fixture
def unverified(db):
    """Onboarded member of an unverified startup."""
    startup = factories.StartupFactory(verification_state="pending")
    return factories.startup_member(startup=startup)


ROLES = [
    "official",
    "startup_user",
    "other_official",
    "other_startup_user",
    "moderator",
    "unverified",
]


def _as(client_for, request, role):
    return client_for(request.getfixturevalue(role))


# --- Matrix: a support request's private channel -------------------------------------------

DETAIL_STATUS = {
    "official": 200,
    "startup_user": 200,
    "other_official": 404,
    "other_startup_user": 404,
    "moderator": 200,
    "unverified": 404,
}


@pytest.mark.parametrize("role", ROLES)
def test_private_channel_page_by_role(role, pair, client_for, request):
    response = _as(client_for, request, role).get(pair.get_absolute_url())
    assert response.status_code == DETAIL_STATUS[role]


@pytest.mark.parametrize(
    "name",
    ["channel_detail", "channel_search", "channel_members", "channel_history"],
)
def test_anonymous_is_sent_to_login(name, pair, client):
    response = client.get(reverse(f"cocreation:{name}", args=[pair.pk]) + "?before=5")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_member_who_has_not_finished_onboarding_is_sent_to_onboarding(pair, member, client_for):
    response = client_for(member).get(pair.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].endswith(reverse("onboarding:index"))


POST_STATUS = {
    "official": 302,
    "startup_user": 302,
    "other_official": 404,
    "other_startup_user": 404,
    "moderator": 400,  # may read to moderate, must join to write
    "unverified": 404,
}


@pytest.mark.parametrize("role", ROLES)
def test_posting_without_javascript_by_role(role, pair, client_for, request):
    url = reverse("cocreation:message_create", args=[pair.pk])
    data = {"body": "資料を共有します", "client_id": "form-post-000001"}
    response = _as(client_for, request, role).post(url, data)
    assert response.status_code == POST_STATUS[role]
    assert Message.objects.filter(channel=pair).exists() == (POST_STATUS[role] == 302)


EXPORT_STATUS = {**DETAIL_STATUS, "moderator": 404}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("fmt", ["csv", "txt"])
def test_transcript_export_is_for_members_only(role, fmt, pair, client_for, request):
    url = reverse("cocreation:channel_export", args=[pair.pk, fmt])
    response = _as(client_for, request, role).get(url)
    assert response.status_code == EXPORT_STATUS[role]


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("official", 302),
        ("moderator", 302),
        ("startup_user", 403),
        ("other_official", 404),
        ("other_startup_user", 404),
    ],
)
def test_only_owner_or_moderator_removes_members(
    role, status, pair, startup_user, client_for, request
):
    url = reverse("cocreation:member_change", args=[pair.pk, startup_user.pk, "remove"])
    response = _as(client_for, request, role).post(url)
    assert response.status_code == status
    membership = Membership.objects.get(channel=pair, user=startup_user)
    expected = MembershipState.REMOVED if status == 302 else MembershipState.ACTIVE
    assert membership.state == expected


def test_member_removal_asks_for_confirmation_first(pair, official, startup_user, client_for):
    url = reverse("cocreation:member_change", args=[pair.pk, startup_user.pk, "remove"])
    response = client_for(official).get(url)
    assert response.status_code == 200
    assert startup_user.display_name in response.content.decode()
    assert Membership.objects.get(user=startup_user).state == MembershipState.ACTIVE


def test_removed_member_cannot_read_the_channel_any_more(pair, official, startup_user, client_for):
    services.membership_remove(channel=pair, user=startup_user, actor=official)
    response = client_for(startup_user).get(pair.get_absolute_url())
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("role", "status"), [("other_official", 404), ("moderator", 302), ("unverified", 404)]
)
def test_only_moderators_join_a_support_request_channel(role, status, pair, client_for, request):
    url = reverse("cocreation:channel_join", args=[pair.pk])
    assert _as(client_for, request, role).post(url).status_code == status


def test_member_who_left_a_support_request_channel_cannot_rejoin_alone(
    pair, startup_user, client_for
):
    services.channel_leave(channel=pair, user=startup_user)
    url = reverse("cocreation:channel_join", args=[pair.pk])
    assert client_for(startup_user).post(url).status_code == 404


def test_owner_adds_a_member_by_email(
    pair, official, other_startup_user, client_for, mailoutbox, django_capture_on_commit_callbacks
):
    url = reverse("cocreation:channel_members", args=[pair.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(official).post(url, {"email": other_startup_user.email.upper()})
    assert response.status_code == 302
    membership = Membership.objects.get(channel=pair, user=other_startup_user)
    assert (membership.role, membership.state) == (MemberRole.MEMBER, MembershipState.ACTIVE)
    assert [m.to for m in mailoutbox] == [[other_startup_user.email]]


def test_adding_an_unknown_address_keeps_the_form_with_an_error(pair, official, client_for):
    url = reverse("cocreation:channel_members", args=[pair.pk])
    response = client_for(official).post(url, {"email": "nobody@example.jp"})
    assert response.status_code == 200
    assert "nobody@example.jp" in response.content.decode()
    assert response.context["form"].errors["email"]


def test_member_who_is_not_owner_cannot_add_people(pair, startup_user, other_official, client_for):
    url = reverse("cocreation:channel_members", args=[pair.pk])
    response = client_for(startup_user).post(url, {"email": other_official.email})
    assert response.status_code == 404
    assert not Membership.objects.filter(user=other_official).exists()


# --- Community channels --------------------------------------------------------------------


def test_moderator_creates_a_community_channel(moderator, client_for):
    url = reverse("cocreation:channel_create")
    data = {
        "name": "ICT利活用WG",
        "kind": ChannelKind.WORKING_GROUP,
        "description": "優良事例の収集と横展開",
        "privacy": Privacy.OPEN,
    }
    response = client_for(moderator).post(url, data)
    channel = Membership.objects.get(user=moderator, role=MemberRole.OWNER).channel
    assert response.status_code == 302
    assert (channel.name, channel.kind) == ("ICT利活用WG", ChannelKind.WORKING_GROUP)


@pytest.mark.parametrize("role", ["official", "startup_user", "unverified"])
def test_only_moderators_create_community_channels(role, client_for, request):
    response = _as(client_for, request, role).get(reverse("cocreation:channel_create"))
    assert response.status_code == 403


def test_community_channel_form_refuses_support_request_kind(moderator, client_for):
    data = {"name": "x", "kind": ChannelKind.SUPPORT_REQUEST, "privacy": Privacy.OPEN}
    response = client_for(moderator).post(reverse("cocreation:channel_create"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["kind"]


def test_unverified_member_reads_an_open_channel_and_joins_read_only(
    community, unverified, client_for
):
    client = client_for(unverified)
    assert client.get(community.get_absolute_url()).status_code == 200
    client.post(reverse("cocreation:channel_join", args=[community.pk]))
    membership = Membership.objects.get(channel=community, user=unverified)
    assert membership.role == MemberRole.READER
    url = reverse("cocreation:message_create", args=[community.pk])
    response = client.post(url, {"body": "書き込み", "client_id": "reader-form-0001"})
    assert response.status_code == 400
    assert not Message.objects.exists()


def test_verified_startup_member_joins_and_writes(community, other_startup_user, client_for):
    client = client_for(other_startup_user)
    client.post(reverse("cocreation:channel_join", args=[community.pk]))
    url = reverse("cocreation:message_create", args=[community.pk])
    response = client.post(url, {"body": "参加しました", "client_id": "joined-form-001"})
    assert response.status_code == 302
    assert Message.objects.get().author == other_startup_user


def test_verified_only_channel_is_closed_to_unverified_members(moderator, unverified, client_for):
    channel = make_channel(owner=moderator, kind=ChannelKind.TASK_FORCE, privacy=Privacy.VERIFIED)
    client = client_for(unverified)
    assert client.get(channel.get_absolute_url()).status_code == 403
    assert client.post(reverse("cocreation:channel_join", args=[channel.pk])).status_code == 403


def test_member_leaves_a_community_channel_after_confirming(community, official, client_for):
    services.channel_join(channel=community, user=official)
    client = client_for(official)
    url = reverse("cocreation:channel_leave", args=[community.pk])
    assert client.get(url).status_code == 200
    assert Membership.objects.get(user=official).state == MembershipState.ACTIVE
    assert client.post(url).status_code == 302
    assert Membership.objects.get(user=official).state == MembershipState.LEFT


# --- Rendering, unread, history --------------------------------------------------------------


def test_html_in_messages_is_shown_as_text(pair, official, startup_user, client_for):
    post(pair, official, "<script>alert('x')</script> **確認**お願いします", 1)
    html = client_for(startup_user).get(pair.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
    assert "<strong>確認</strong>お願いします" in html


def test_unread_marker_is_at_the_first_unread_message(pair, official, startup_user, client_for):
    for number in range(1, 6):
        post(pair, official, f"メッセージ{number}", number)
    Membership.objects.filter(user=startup_user).update(last_read_seq=2)
    html = client_for(startup_user).get(pair.get_absolute_url()).content.decode()
    marker = html.index('id="unread"')
    assert html.index('id="m-2"') < marker < html.index('id="m-3"')


def test_no_unread_marker_when_everything_is_read(pair, official, client_for):
    post(pair, official, "自分の投稿", 1)
    html = client_for(official).get(pair.get_absolute_url()).content.decode()
    assert 'id="unread"' not in html


def test_unread_counts_in_the_list_and_navigation(pair, official, startup_user, client_for):
    for number in range(1, 4):
        post(pair, official, f"お知らせ{number}", number)
    html = client_for(startup_user).get(reverse("cocreation:channel_list")).content.decode()
    assert html.count('class="badge badge--count"') == 2  # the list and the navigation
    assert "data-nav-unread>3<" in html


def test_mark_all_as_read(pair, official, startup_user, client_for):
    post(pair, official, "既読にしてください", 1)
    client_for(startup_user).post(reverse("cocreation:channel_mark_read", args=[pair.pk]))
    assert Membership.objects.get(user=startup_user).last_read_seq == 1


def test_older_messages_page_and_fragment(pair, official, client_for):
    for number in range(1, 61):
        post(pair, official, f"履歴{number:02d}", number)
    client = client_for(official)
    html = client.get(pair.get_absolute_url()).content.decode()
    assert 'id="m-11"' in html and 'id="m-10"' not in html
    assert "?before=11" in html
    fragment = client.get(
        reverse("cocreation:channel_history", args=[pair.pk]) + "?before=11"
    ).content.decode()
    assert fragment.count("data-seq=") == 10
    assert "履歴01" in fragment and "履歴11" not in fragment


def test_history_fragment_without_before_is_not_found(pair, official, client_for):
    url = reverse("cocreation:channel_history", args=[pair.pk]) + "?before=abc"
    assert client_for(official).get(url).status_code == 404


@pytest.mark.parametrize("size", [3, 40])
def test_channel_page_query_count_does_not_grow_with_messages(
    size, pair, official, startup_user, client_for, django_assert_num_queries
):
    for number in range(size):
        author = official if number % 2 else startup_user
        message = post(pair, author, f"本文{number}", number)
    post(pair, official, "返信です", 999).reply_to = message
    client = client_for(startup_user)
    with django_assert_num_queries(13):  # 13th: the messages' files, one query for all
        assert client.get(pair.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("size", [1, 6])
def test_channel_list_query_count_does_not_grow_with_channels(
    size, official, client_for, django_assert_num_queries, moderator
):
    for number in range(size):
        channel = make_channel(owner=official, name=f"共創チャンネル{number}")
        post(channel, official, "はじめまして", number)
        make_channel(owner=moderator, kind=ChannelKind.WORKING_GROUP, privacy=Privacy.OPEN)
    client = client_for(official)
    with django_assert_num_queries(9):
        assert client.get(reverse("cocreation:channel_list")).status_code == 200


# --- Edit and delete without JavaScript ----------------------------------------------------


def test_author_edits_a_message_without_javascript(pair, official, client_for):
    post(pair, official, "明日10時から", 1)
    url = reverse("cocreation:message_edit", args=[pair.pk, 1])
    client = client_for(official)
    assert client.get(url).status_code == 200
    assert client.post(url, {"body": "明日11時から"}).status_code == 302
    message = Message.objects.get()
    assert (message.body, message.edited_at is not None) == ("明日11時から", True)


def test_other_member_cannot_edit(pair, official, startup_user, client_for):
    post(pair, official, "原文", 1)
    url = reverse("cocreation:message_edit", args=[pair.pk, 1])
    assert client_for(startup_user).get(url).status_code == 403


def test_delete_asks_then_shows_as_deleted(pair, official, startup_user, client_for):
    post(pair, official, "誤って送信", 1)
    url = reverse("cocreation:message_delete", args=[pair.pk, 1])
    client = client_for(official)
    assert client.get(url).status_code == 200
    assert not Message.objects.get().is_deleted
    client.post(url)
    html = client_for(startup_user).get(pair.get_absolute_url()).content.decode()
    assert "誤って送信" not in html
    assert 'class="msg msg--deleted' in html


def test_posting_the_same_form_twice_stores_one_message(pair, official, client_for):
    url = reverse("cocreation:message_create", args=[pair.pk])
    data = {"body": "二重送信の確認", "client_id": "double-submit-01"}
    client = client_for(official)
    client.post(url, data)
    client.post(url, data)
    assert Message.objects.count() == 1


def test_too_long_message_form_keeps_the_text(pair, official, client_for):
    from portal.cocreation.models import MESSAGE_MAX_CHARS

    body = "あ" * (MESSAGE_MAX_CHARS + 1)
    url = reverse("cocreation:message_create", args=[pair.pk])
    response = client_for(official).post(url, {"body": body, "client_id": "long-form-0001"})
    assert response.status_code == 400
    assert body in response.content.decode()


# --- Search and export ---------------------------------------------------------------------


def test_search_finds_two_character_japanese_words(pair, official, startup_user, client_for):
    post(pair, official, "防災アプリの要件を整理しました", 1)
    post(pair, startup_user, "農業センサーの件は別途", 2)
    post(pair, official, "防災訓練は来月です", 3)
    url = reverse("cocreation:channel_search", args=[pair.pk])
    response = client_for(startup_user).get(url, {"q": "防災"})
    found = [m.seq for m in response.context["page"]]
    assert found == [3, 1]


def test_search_is_paginated_and_skips_deleted_messages(pair, official, client_for):
    for number in range(1, 26):
        post(pair, official, f"会議メモ {number}", number)
    services.message_delete(channel_id=pair.pk, actor=official, seq=25)
    url = reverse("cocreation:channel_search", args=[pair.pk])
    client = client_for(official)
    first = client.get(url, {"q": "会議"}).context["page"]
    second = client.get(url, {"q": "会議", "page": 2}).context["page"]
    assert first.paginator.count == 24
    assert [m.seq for m in second] == [4, 3, 2, 1]


def test_csv_transcript_has_every_message_in_japanese(pair, official, startup_user, client_for):
    post(pair, official, "キックオフを始めます", 1)
    post(pair, startup_user, "よろしくお願いします\n資料は後ほど", 2)
    services.message_delete(channel_id=pair.pk, actor=official, seq=1)
    url = reverse("cocreation:channel_export", args=[pair.pk, "csv"])
    response = client_for(startup_user).get(url)
    assert response["Content-Disposition"].startswith("attachment;")
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 3
    assert rows[2][2:4] == [startup_user.display_name, "よろしくお願いします\n資料は後ほど"]
    assert "キックオフ" not in text


def test_text_transcript(pair, official, client_for):
    post(pair, official, "議事録です", 1)
    url = reverse("cocreation:channel_export", args=[pair.pk, "txt"])
    response = client_for(official).get(url)
    text = b"".join(response.streaming_content).decode("utf-8")
    assert pair.name in text
    assert "#1 " in text and "    議事録です" in text


def test_unknown_export_format_is_not_found(pair, official, client_for):
    url = reverse("cocreation:channel_export", args=[pair.pk, "pdf"])
    assert client_for(official).get(url).status_code == 404
