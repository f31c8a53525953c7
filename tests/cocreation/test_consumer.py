"""The channel socket through the real ASGI stack (origin check, session auth, routing)."""

import asyncio

import pytest
from asgiref.sync import sync_to_async
from django.utils import translation

from portal.cocreation import errors as E
from portal.cocreation import services
from portal.cocreation.consumers import CLOSE_FORBIDDEN, CLOSE_UNAUTHENTICATED, MAX_FRAME_BYTES
from portal.cocreation.models import MESSAGE_MAX_CHARS, Membership, MembershipState, Message
from tests import factories
from tests.cocreation.conftest import make_channel, new_member

ECHO = ("presence", "typing", "message")

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.asyncio,
]


def post(channel, user, body, client_id):
    return services.message_post(
        channel_id=channel.pk, author=user, body=body, client_id=client_id
    )[0]


# --- Refusals ------------------------------------------------------------------------------


async def test_anonymous_socket_is_refused(pair, sockets):
    socket = await sockets(None, pair.pk)
    assert await socket.refused() == (E.SIGNED_OUT, CLOSE_UNAUTHENTICATED, None)


async def test_foreign_origin_is_refused_even_for_a_member(pair, official, sockets):
    socket = await sockets(official, pair.pk, origin=b"https://evil.example")
    assert await socket.refused() == (None, CLOSE_FORBIDDEN, "origin")


@pytest.fixture(
    params=["other_official", "other_startup_user", "moderator", "member", "pending_official"]
)
def outsider(request):
    return request.getfixturevalue(request.param)


async def test_non_member_is_refused(pair, outsider, sockets):
    socket = await sockets(outsider, pair.pk)
    assert await socket.refused() == (E.FORBIDDEN, CLOSE_FORBIDDEN, None)


async def test_unknown_channel_is_refused(official, sockets):
    socket = await sockets(official, 987654)
    assert await socket.refused() == (E.FORBIDDEN, CLOSE_FORBIDDEN, None)


@pytest.mark.parametrize("state", [MembershipState.REMOVED, MembershipState.SUSPENDED])
async def test_removed_or_suspended_member_is_refused(pair, startup_user, state, sockets):
    await sync_to_async(Membership.objects.filter(user=startup_user).update)(state=state)
    socket = await sockets(startup_user, pair.pk)
    assert await socket.refused() == (E.FORBIDDEN, CLOSE_FORBIDDEN, None)


async def test_deactivated_account_is_refused(pair, startup_user, sockets):
    startup_user.is_active = False
    await sync_to_async(startup_user.save)()
    socket = await sockets(startup_user, pair.pk)
    assert await socket.refused() == (E.SIGNED_OUT, CLOSE_UNAUTHENTICATED, None)


@pytest.mark.parametrize(
    "change", [services.membership_remove, services.membership_suspend], ids=["remove", "suspend"]
)
async def test_open_socket_closes_when_member_is_removed(
    pair, official, startup_user, change, sockets
):
    socket = await sockets(startup_user, pair.pk)
    assert socket.connected
    await sync_to_async(change)(channel=pair, user=startup_user, actor=official)
    error = await socket.next("error")
    assert error["code"] == E.FORBIDDEN
    assert await socket.closed_with() == CLOSE_FORBIDDEN


async def test_removal_from_one_channel_keeps_other_channel_open(
    pair, official, startup_user, sockets
):
    other = await sync_to_async(make_channel)(owner=official, members=[startup_user])
    kept = await sockets(startup_user, other.pk)
    closing = await sockets(startup_user, pair.pk)
    await sync_to_async(services.membership_remove)(channel=pair, user=startup_user, actor=official)
    assert await closing.closed_with() == CLOSE_FORBIDDEN
    await kept.send({"type": "message.send", "client_id": "still-here-1", "body": "届きますか"})
    assert (await kept.next("ack", timeout=10))["seq"] == 1


async def test_frame_after_removal_is_refused_even_without_the_close_event(
    pair, startup_user, sockets
):
    """The per-frame check does not depend on the revocation event arriving."""
    socket = await sockets(startup_user, pair.pk)
    await sync_to_async(Membership.objects.filter(user=startup_user).update)(
        state=MembershipState.REMOVED
    )
    from portal.cocreation import hotpath

    hotpath.reset()  # the cached answer expired
    await socket.send({"type": "message.send", "client_id": "after-removal", "body": "まだ?"})
    assert (await socket.next("error"))["code"] == E.FORBIDDEN
    assert await socket.closed_with() == CLOSE_FORBIDDEN
    assert not await sync_to_async(Message.objects.exists)()


# --- Messages ------------------------------------------------------------------------------


async def test_message_is_stored_acked_and_delivered_to_other_member(
    pair, official, startup_user, sockets
):
    sender = await sockets(official, pair.pk)
    receiver = await sockets(startup_user, pair.pk)
    await sender.send(
        {"type": "message.send", "client_id": "c-0001-abcd", "body": "よろしくお願いします"}
    )
    ack = await sender.next("ack")
    assert (ack["client_id"], ack["seq"]) == ("c-0001-abcd", 1)
    assert ack["message"]["body"] == "よろしくお願いします"
    frame = await receiver.next("message")
    assert frame["seq"] == 1
    assert frame["client_id"] == "c-0001-abcd"
    assert frame["body"] == "よろしくお願いします"
    assert frame["author"] == {"id": official.pk, "name": official.display_name}
    echoed = await sender.next("message")
    assert echoed["seq"] == 1
    stored = await sync_to_async(Message.objects.get)()
    assert (stored.seq, stored.author_id, stored.body) == (1, official.pk, "よろしくお願いします")


async def test_same_client_id_twice_stores_one_message_and_acks_both(pair, official, sockets):
    socket = await sockets(official, pair.pk)
    frame = {"type": "message.send", "client_id": "dup-00000001", "body": "一度だけ"}
    await socket.send(frame)
    first = await socket.next("ack")
    assert (await socket.next("message"))["seq"] == 1
    await socket.send(frame)
    second = await socket.next("ack")
    assert (first["client_id"], first["seq"]) == ("dup-00000001", 1)
    assert first == second
    assert await socket.nothing_more()
    assert await sync_to_async(Message.objects.count)() == 1


async def test_same_client_id_from_another_socket_after_reconnect_is_not_duplicated(
    pair, official, sockets
):
    first = await sockets(official, pair.pk)
    frame = {"type": "message.send", "client_id": "outbox-000001", "body": "再送テスト"}
    await first.send(frame)
    await first.next("ack")
    await first.close()
    second = await sockets(official, pair.pk)
    await second.send(frame)
    assert (await second.next("ack"))["seq"] == 1
    assert await sync_to_async(Message.objects.count)() == 1


async def test_sync_after_a_gap_returns_exactly_the_missed_messages_in_order(
    pair, official, startup_user, sockets
):
    for number in range(1, 4):
        await sync_to_async(post)(pair, official, f"既読 {number}", f"seen-{number:05d}")
    for number in range(4, 9):
        await sync_to_async(post)(pair, official, f"未読 {number}", f"missed-{number:05d}")
    socket = await sockets(startup_user, pair.pk)
    await socket.send({"type": "sync", "after_seq": 3})
    received = [await socket.next("message") for _ in range(5)]
    done = await socket.next("sync.done")
    assert [m["seq"] for m in received] == [4, 5, 6, 7, 8]
    assert [m["body"] for m in received] == [f"未読 {n}" for n in range(4, 9)]
    assert done["last_seq"] == 8
    assert done["has_more"] is False
    assert await socket.nothing_more()


async def test_sync_comes_in_batches_with_has_more(pair, official, startup_user, sockets):
    from portal.cocreation.selectors import SYNC_BATCH

    for number in range(SYNC_BATCH + 2):
        await sync_to_async(post)(pair, official, f"{number}", f"batch-{number:05d}")
    socket = await sockets(startup_user, pair.pk)
    await socket.send({"type": "sync", "after_seq": 0})
    first = [await socket.next("message") for _ in range(SYNC_BATCH)]
    done = await socket.next("sync.done")
    assert done == {**done, "last_seq": SYNC_BATCH, "has_more": True}
    await socket.send({"type": "sync", "after_seq": done["last_seq"]})
    rest = [await socket.next("message") for _ in range(2)]
    assert (await socket.next("sync.done"))["has_more"] is False
    assert [m["seq"] for m in first + rest] == list(range(1, SYNC_BATCH + 3))


async def test_sync_with_since_returns_messages_edited_while_away(
    pair, official, startup_user, sockets
):
    await sync_to_async(post)(pair, official, "修正前", "edit-me-00001")
    socket = await sockets(startup_user, pair.pk)
    await socket.send({"type": "sync", "after_seq": 0})
    await socket.next("message")
    since = (await socket.next("sync.done"))["server_time"]
    await socket.close()
    await sync_to_async(services.message_edit)(
        channel_id=pair.pk, actor=official, seq=1, body="修正後"
    )
    socket = await sockets(startup_user, pair.pk)
    await socket.send({"type": "sync", "after_seq": 1, "since": since})
    updated = await socket.next("message.updated")
    assert (updated["seq"], updated["body"]) == (1, "修正後")
    assert updated["edited_at"]
    assert (await socket.next("sync.done"))["last_seq"] == 1


async def test_reply_carries_the_quoted_message(pair, official, startup_user, sockets):
    await sync_to_async(post)(pair, official, "見積もりは来週お送りします", "quoted-00001")
    socket = await sockets(startup_user, pair.pk)
    await socket.send(
        {"type": "message.send", "client_id": "reply-000001", "body": "承知しました", "reply_to": 1}
    )
    await socket.next("ack")
    frame = await socket.next("message")
    assert frame["reply_to"]["seq"] == 1
    assert frame["reply_to"]["excerpt"] == "見積もりは来週お送りします"
    assert frame["reply_to"]["author"]["id"] == official.pk


async def test_html_in_a_message_is_delivered_as_text(pair, official, startup_user, sockets):
    receiver = await sockets(startup_user, pair.pk)
    sender = await sockets(official, pair.pk)
    body = '<script>alert("x")</script><img src=x onerror=alert(1)> **重要**'
    await sender.send({"type": "message.send", "client_id": "html-0000001", "body": body})
    frame = await receiver.next("message")
    assert frame["body"] == body
    assert "<script" not in frame["body_html"]
    assert "<img" not in frame["body_html"]
    assert "&lt;script&gt;" in frame["body_html"]
    assert "<strong>重要</strong>" in frame["body_html"]


async def test_typing_reaches_other_members_but_not_the_typist(
    pair, official, startup_user, sockets
):
    typist = await sockets(official, pair.pk)
    other = await sockets(startup_user, pair.pk)
    await typist.send({"type": "typing"})
    frame = await other.next("typing")
    assert frame["user"] == {"id": official.pk, "name": official.display_name}
    assert await typist.nothing_more(ignore=("presence",))


async def test_presence_lists_members_with_an_open_socket(pair, official, startup_user, sockets):
    first = await sockets(official, pair.pk)
    assert [p["id"] for p in (await first.next("presence"))["online"]] == [official.pk]
    second = await sockets(startup_user, pair.pk)
    online = {p["id"] for p in (await first.next("presence"))["online"]}
    assert online == {official.pk, startup_user.pk}
    await second.close()
    assert [p["id"] for p in (await first.next("presence"))["online"]] == [official.pk]


async def test_read_moves_the_read_marker_forward_only(pair, official, startup_user, sockets):
    for number in range(1, 5):
        await sync_to_async(post)(pair, official, f"{number}", f"read-{number:06d}")
    socket = await sockets(startup_user, pair.pk)
    await socket.send({"type": "read", "seq": 3})
    await socket.send({"type": "read", "seq": 1})
    await socket.send({"type": "read", "seq": 99})
    await socket.send({"type": "sync", "after_seq": 4})
    await socket.next("sync.done")

    async def marker():
        return (await sync_to_async(Membership.objects.get)(user=startup_user)).last_read_seq

    # Read markers are coalesced (one write per READ_FLUSH_SECONDS): the latest one lands.
    for _ in range(50):
        if await marker() == 4:
            break
        await asyncio.sleep(0.1)
    assert await marker() == 4


async def test_edit_own_message_is_broadcast_as_updated(pair, official, startup_user, sockets):
    await sync_to_async(post)(pair, official, "会議は10時", "edit-000001")
    author = await sockets(official, pair.pk)
    other = await sockets(startup_user, pair.pk)
    await author.send({"type": "message.edit", "seq": 1, "body": "会議は**11時**"})
    frame = await other.next("message.updated")
    assert frame["seq"] == 1
    assert frame["body"] == "会議は**11時**"
    assert "<strong>11時</strong>" in frame["body_html"]
    assert frame["edited_at"] is not None


async def test_delete_own_message_shows_as_deleted(pair, official, startup_user, sockets):
    await sync_to_async(post)(pair, official, "誤送信です", "delete-00001")
    author = await sockets(official, pair.pk)
    other = await sockets(startup_user, pair.pk)
    await author.send({"type": "message.delete", "seq": 1})
    frame = await other.next("message.updated")
    assert frame["deleted"] is True
    assert frame["body"] == ""
    assert frame["body_html"] == ""
    stored = await sync_to_async(Message.objects.get)()
    assert stored.is_deleted and stored.body == ""


async def test_editing_someone_elses_message_is_an_error(pair, official, startup_user, sockets):
    await sync_to_async(post)(pair, official, "元の文", "others-00001")
    socket = await sockets(startup_user, pair.pk)
    await socket.send({"type": "message.edit", "seq": 1, "body": "書き換え"})
    assert (await socket.next("error"))["code"] == E.NOT_AUTHOR
    await socket.send({"type": "message.delete", "seq": 1})
    assert (await socket.next("error"))["code"] == E.NOT_AUTHOR
    assert (await sync_to_async(Message.objects.get)()).body == "元の文"


async def test_editing_a_deleted_message_is_an_error(pair, official, sockets):
    await sync_to_async(post)(pair, official, "消す", "deleted-0001")
    await sync_to_async(services.message_delete)(channel_id=pair.pk, actor=official, seq=1)
    socket = await sockets(official, pair.pk)
    await socket.send({"type": "message.edit", "seq": 1, "body": "復活"})
    assert (await socket.next("error"))["code"] == E.ALREADY_DELETED


async def test_reader_can_sync_but_not_write(community, sockets):
    reader = await sync_to_async(factories.OnboardedUserFactory)()
    await sync_to_async(Membership.objects.create)(channel=community, user=reader, role="reader")
    socket = await sockets(reader, community.pk)
    await socket.send({"type": "sync", "after_seq": 0})
    assert (await socket.next("sync.done"))["last_seq"] == 0
    await socket.send({"type": "message.send", "client_id": "reader-00001", "body": "書けますか"})
    error = await socket.next("error")
    assert (error["code"], error["client_id"], error["retryable"]) == (
        E.READ_ONLY,
        "reader-00001",
        False,
    )
    await socket.send({"type": "typing"})
    assert (await socket.next("error"))["code"] == E.READ_ONLY


async def test_mention_notifies_the_named_member(pair, official, startup_user, sockets, mailoutbox):
    socket = await sockets(official, pair.pk)
    body = f"@{startup_user.display_name} さん、資料のご確認をお願いします"
    await socket.send({"type": "message.send", "client_id": "mention-0001", "body": body})
    await socket.next("ack")
    assert [m.to for m in mailoutbox] == [[startup_user.email]]
    assert "資料のご確認" in mailoutbox[0].body
    assert official.display_name in mailoutbox[0].subject


# --- Errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("{not json", E.INVALID_JSON),
        ("[1, 2]", E.INVALID_FRAME),
        ('"message.send"', E.INVALID_FRAME),
        ('{"body": "no type"}', E.INVALID_FRAME),
        ('{"type": 5}', E.INVALID_FRAME),
        ('{"type": "message.explode"}', E.UNKNOWN_TYPE),
        ('{"type": "message.send", "client_id": 12345678, "body": "x"}', E.INVALID_FIELD),
        ('{"type": "message.send", "client_id": "short", "body": "x"}', E.INVALID_FIELD),
        ('{"type": "message.send", "client_id": "ok-id-0001", "body": ["x"]}', E.INVALID_FIELD),
        (
            '{"type": "message.send", "client_id": "ok-id-0002", "body": "x", "reply_to": true}',
            E.INVALID_FIELD,
        ),
        ('{"type": "message.send", "client_id": "ok-id-0003", "body": "  \\n "}', E.EMPTY_MESSAGE),
        (
            '{"type": "message.send", "client_id": "ok-id-0004", "body": "x", "reply_to": 42}',
            E.NOT_FOUND,
        ),
        ('{"type": "sync", "after_seq": "3"}', E.INVALID_FIELD),
        ('{"type": "sync", "after_seq": -1}', E.INVALID_FIELD),
        ('{"type": "read"}', E.INVALID_FIELD),
        ('{"type": "message.edit", "seq": 1}', E.INVALID_FIELD),
        ('{"type": "message.edit", "seq": 77, "body": "x"}', E.NOT_FOUND),
        ('{"type": "message.delete", "seq": "1"}', E.INVALID_FIELD),
    ],
)
async def test_bad_frames_get_an_error_frame_and_the_socket_stays_open(
    pair, official, raw, code, sockets
):
    socket = await sockets(official, pair.pk)
    await socket.send_raw(text=raw)
    error = await socket.next("error")
    assert error["code"] == code
    assert error["detail"]
    await socket.send({"type": "sync", "after_seq": 0})
    assert (await socket.next("sync.done"))["last_seq"] == 0


async def test_binary_frame_is_an_error(pair, official, sockets):
    socket = await sockets(official, pair.pk)
    await socket.send_raw(data=b"\x00\x01")
    assert (await socket.next("error"))["code"] == E.INVALID_FRAME


async def test_too_long_message_is_refused_with_an_error(pair, official, sockets):
    socket = await sockets(official, pair.pk)
    body = "長" * (MESSAGE_MAX_CHARS + 1)
    await socket.send({"type": "message.send", "client_id": "too-long-0001", "body": body})
    error = await socket.next("error")
    assert (error["code"], error["client_id"]) == (E.MESSAGE_TOO_LONG, "too-long-0001")
    assert not await sync_to_async(Message.objects.exists)()


async def test_longest_allowed_japanese_message_fits_in_a_frame(pair, official, sockets):
    socket = await sockets(official, pair.pk)
    body = "長" * MESSAGE_MAX_CHARS
    await socket.send({"type": "message.send", "client_id": "max-len-0001", "body": body})
    assert (await socket.next("ack"))["seq"] == 1


async def test_oversized_frame_is_refused_with_an_error(pair, official, sockets):
    socket = await sockets(official, pair.pk)
    await socket.send({"type": "typing", "padding": "x" * MAX_FRAME_BYTES})
    assert (await socket.next("error"))["code"] == E.FRAME_TOO_LARGE


async def test_sending_too_fast_is_rate_limited_with_a_retryable_error(
    pair, official, sockets, settings
):
    settings.COCREATION_RATE_LIMITS = {"message": (3, 60)}
    socket = await sockets(official, pair.pk)
    for number in range(3):
        await socket.send(
            {"type": "message.send", "client_id": f"rate-{number:05d}", "body": "連投"}
        )
        await socket.next("ack", skip=ECHO)
    await socket.send({"type": "message.send", "client_id": "rate-00003", "body": "連投"})
    error = await socket.next("error", skip=ECHO)
    assert (error["code"], error["client_id"], error["retryable"]) == (
        E.RATE_LIMITED,
        "rate-00003",
        True,
    )
    assert await sync_to_async(Message.objects.count)() == 3


async def test_rate_limit_is_per_user_across_sockets(pair, official, sockets, settings):
    settings.COCREATION_RATE_LIMITS = {"message": (2, 60)}
    first = await sockets(official, pair.pk)
    second = await sockets(official, pair.pk)
    await first.send({"type": "message.send", "client_id": "tab-a-00001", "body": "1"})
    await first.next("ack", skip=ECHO)
    await second.send({"type": "message.send", "client_id": "tab-b-00001", "body": "2"})
    await second.next("ack", skip=ECHO)
    await second.send({"type": "message.send", "client_id": "tab-b-00002", "body": "3"})
    assert (await second.next("error", skip=ECHO))["code"] == E.RATE_LIMITED


async def test_error_detail_is_in_the_requested_language(pair, official, sockets):
    japanese = await sockets(official, pair.pk)
    await japanese.send_raw(text="{oops")
    english = await sockets(official, pair.pk, lang="en")
    await english.send_raw(text="{oops")
    assert (await english.next("error"))["detail"] == "The frame is not valid JSON."
    with translation.override("ja"):
        expected = str(E.DETAILS[E.INVALID_JSON])
    assert (await japanese.next("error"))["detail"] == expected


async def test_new_member_receives_messages_after_being_added(pair, official, sockets):
    newcomer = await sync_to_async(new_member)(pair)
    socket = await sockets(newcomer, pair.pk)
    assert socket.connected
    await sync_to_async(post)(pair, official, "ようこそ", "welcome-0001")
    assert (await socket.next("message"))["body"] == "ようこそ"


async def test_database_failure_is_a_retryable_error_and_the_socket_stays_open(
    pair, official, sockets, monkeypatch
):
    from django.db import OperationalError

    from portal.cocreation import consumers

    def database_down(**kwargs):
        raise OperationalError("the database is restarting")

    socket = await sockets(official, pair.pk)
    monkeypatch.setattr(consumers, "_post", database_down)
    await socket.send({"type": "message.send", "client_id": "db-down-0001", "body": "届く?"})
    error = await socket.next("error")
    assert (error["code"], error["client_id"], error["retryable"]) == (
        E.UNAVAILABLE,
        "db-down-0001",
        True,
    )
    monkeypatch.undo()
    await socket.send({"type": "message.send", "client_id": "db-down-0001", "body": "届く?"})
    assert (await socket.next("ack"))["seq"] == 1


# --- Invalid content: permanent errors, no traceback ---------------------------------------


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ('{"type": "message.send", "client_id": "nul-000001", "body": "a\\u0000b"}', E.UNSTORABLE),
        ('{"type": "message.send", "client_id": "sur-000001", "body": "a\\ud800b"}', E.UNSTORABLE),
        ('{"type": "message.send", "client_id": "sur\\udfff", "body": "ok"}', E.UNSTORABLE),
        ('{"type": "message.edit", "seq": 1, "body": "\\u0000"}', E.UNSTORABLE),
        ("[" * 30000, E.TOO_NESTED),
        ('{"type": "sync", "after_seq": 0, "x": ' + "[" * 12000 + "]" * 12000 + "}", E.TOO_NESTED),
        ("not json at all", E.INVALID_JSON),
        ('{"type": "sync", "after_seq": 1e400}', E.INVALID_FIELD),
        ('{"type": "sync", "after_seq": 99999999999999999999999999}', E.INVALID_FIELD),
        ('{"type": "sync", "after_seq": 0, "since": "2026-13-45T99:00:00"}', E.INVALID_FIELD),
        ('{"type": "sync", "after_seq": 0, "since": 5}', E.INVALID_FIELD),
        ('{"type": "message.send", "client_id": ["x"], "body": "ok"}', E.INVALID_FIELD),
        ('{"type": "message.send", "client_id": "typed-0001", "body": {"a": 1}}', E.INVALID_FIELD),
        ('{"type": "read", "seq": true}', E.INVALID_FIELD),
        (
            '{"type": "message.send", "client_id": "reply-0001", "body": "x", "reply_to": 1e9999}',
            E.INVALID_FIELD,
        ),
    ],
)
async def test_invalid_content_is_a_permanent_error_without_a_traceback(
    pair, official, raw, code, sockets, caplog
):
    socket = await sockets(official, pair.pk, lang="en")
    await socket.send_raw(text=raw)
    error = await socket.next("error")
    assert (error["code"], error["retryable"]) == (code, False)
    with translation.override("en"):  # the socket was opened with ?lang=en
        assert error["detail"] == str(E.DETAILS[code])
    assert not [record for record in caplog.records if record.exc_info]
    await socket.send({"type": "sync", "after_seq": 0})
    assert (await socket.next("sync.done"))["last_seq"] == 0  # the socket stays open
    assert not await sync_to_async(Message.objects.exists)()


async def test_unstorable_text_error_names_the_message_in_the_users_language(
    pair, official, sockets
):
    socket = await sockets(official, pair.pk)
    await socket.send({"type": "message.send", "client_id": "nul-ja-0001", "body": "資料\x00"})
    error = await socket.next("error")
    assert error["client_id"] == "nul-ja-0001"
    with translation.override("ja"):
        assert error["detail"] == str(E.DETAILS[E.UNSTORABLE])
