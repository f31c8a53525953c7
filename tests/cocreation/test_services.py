"""Services other apps call, and the chat's Markdown-lite rendering."""

import pytest
from channels.layers import get_channel_layer

from portal.cocreation import services
from portal.cocreation.consumers import CLOSE_UNAUTHENTICATED
from portal.cocreation.models import Channel, ChannelKind, MemberRole, Membership, MembershipState
from portal.cocreation.rendering import render_markdown_lite
from portal.notifications.groups import user_group
from portal.notifications.models import Notification
from tests import factories

# --- Opening a support request's channel (called by the proposals flow) --------------------


@pytest.mark.django_db
def test_selecting_a_startup_opens_the_request_channel_once(
    official, other_official, startup_user, other_startup_user, django_capture_on_commit_callbacks
):
    request = factories.support_request(author=official, title="窓口のオンライン申請")
    with django_capture_on_commit_callbacks(execute=True):
        channel = services.channel_open_for_support_request(
            support_request=request,
            officials=[official, other_official],
            startup_members=[startup_user],
            actor=official,
        )
    assert (channel.kind, channel.name, channel.subject) == (
        ChannelKind.SUPPORT_REQUEST,
        "窓口のオンライン申請",
        request,
    )
    roles = dict(channel.memberships.values_list("user_id", "role"))
    assert roles == {
        official.pk: MemberRole.OWNER,
        other_official.pk: MemberRole.MEMBER,
        startup_user.pk: MemberRole.MEMBER,
    }
    told = set(
        Notification.objects.filter(kind="channel_member_added").values_list(
            "recipient_id", flat=True
        )
    )
    assert told == {other_official.pk, startup_user.pk}

    # A second selection adds the new startup's member to the same channel.
    again = services.channel_open_for_support_request(
        support_request=request,
        officials=[official],
        startup_members=[startup_user, other_startup_user],
        actor=official,
    )
    assert again.pk == channel.pk
    assert Channel.objects.count() == 1
    assert channel.memberships.count() == 4


@pytest.mark.django_db
def test_reopening_does_not_bring_back_a_removed_member(official, startup_user):
    request = factories.support_request(author=official)
    channel = services.channel_open_for_support_request(
        support_request=request,
        officials=[official],
        startup_members=[startup_user],
        actor=official,
    )
    services.membership_remove(channel=channel, user=startup_user, actor=official)
    services.channel_open_for_support_request(
        support_request=request,
        officials=[official],
        startup_members=[startup_user],
        actor=official,
    )
    assert Membership.objects.get(user=startup_user).state == MembershipState.REMOVED


# --- A terminated session closes the chat sockets (account suspension) ---------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_session_terminate_event_closes_the_users_chat_sockets(pair, startup_user, sockets):
    """The contract for account suspension: send `session.terminate` to the user's group."""
    socket = await sockets(startup_user, pair.pk)
    await get_channel_layer().group_send(user_group(startup_user.pk), {"type": "session.terminate"})
    # 4401, not 4403: the page tells the user they were signed out (static/js/cocreation.js).
    assert await socket.closed_with() == CLOSE_UNAUTHENTICATED


# --- Markdown-lite -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("**「重要」**です", "<strong>「重要」</strong>です"),
        ("*少し*強調と_下線風_", "<em>少し</em>強調と<em>下線風</em>"),
        ("`rm -rf` は禁止", "<code>rm -rf</code> は禁止"),
        ("1行目\n2行目", "1行目<br>2行目"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("`<b>`", "<code>&lt;b&gt;</code>"),
        ("snake_case_name", "snake_case_name"),
        ("2 * 3 * 4", "2 * 3 * 4"),
    ],
)
def test_markdown_lite(text, html):
    assert render_markdown_lite(text) == html


def test_links_open_only_http_and_stop_at_japanese_punctuation():
    html = render_markdown_lite("資料：https://example.jp/a?b=1、確認ください。")
    assert '<a href="https://example.jp/a?b=1" rel="nofollow noopener noreferrer">' in html
    assert html.endswith("</a>、確認ください。")
    labelled = render_markdown_lite("[募集要項](https://example.jp/x)")
    assert labelled == (
        '<a href="https://example.jp/x" rel="nofollow noopener noreferrer">募集要項</a>'
    )
    assert "<a" not in render_markdown_lite("[押して](javascript:alert(1))")
    quoted = render_markdown_lite('https://example.jp/"onmouseover="x')
    assert "onmouseover=" not in quoted.split(">", 1)[0]


def test_mentions_are_highlighted_and_the_rest_stays_escaped():
    from portal.cocreation.rendering import render_markdown_lite

    html = str(
        render_markdown_lite(
            "@山田 太郎 さん、<b>確認</b>を @佐藤花子 と", ["山田 太郎", "佐藤 花子"]
        )
    )
    assert '<mark class="mention">@山田 太郎</mark>' in html
    assert '<mark class="mention">@佐藤花子</mark>' in html
    assert "&lt;b&gt;" in html
    assert "<b>" not in html


def test_a_name_that_is_not_a_member_is_not_highlighted():
    from portal.cocreation.rendering import render_markdown_lite

    assert "mark" not in str(render_markdown_lite("@部外者 さん", ["山田 太郎"]))
    assert "mark" not in str(render_markdown_lite("`@山田 太郎`", ["山田 太郎"]))
