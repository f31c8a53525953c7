"""An official and a startup member chat in realtime in two browsers, one of them going offline.

The pages are served by a real Daphne process (HTTP and WebSocket) on a copy of the test
database; see tests/cocreation/livestack.py.
"""

import os
import re

import pytest

from tests.browser.conftest import serious_axe_violations
from tests.cocreation.livestack import Daphne, copy_test_database, run_setup, stack_env
from tests.uploads import PDF_BYTES

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def chat_server(django_db_setup, django_db_blocker, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("chat-browser")
    with django_db_blocker.unblock():
        database_url, drop_database = copy_test_database(workdir)
    env = stack_env(database_url, None, PRIVATE_MEDIA_ROOT=str(workdir / "private_media"))
    server = Daphne(env, workdir, "daphne")
    server.start()
    yield server, env
    server.stop(hard=True)
    drop_database()


def _open_as(new_context, server, person, channel_id):
    context = new_context()
    name, value = person["cookie"].split("=", 1)
    context.add_cookies([{"name": name, "value": value, "url": server.http}])
    page = context.new_page()
    page.goto(f"{server.http}/ja/channels/{channel_id}/")
    page.wait_for_selector("[data-connection][data-state=online]")
    return context, page


def _send(page, text):
    page.locator("textarea[name=body]").fill(text)
    page.locator("textarea[name=body]").press("Enter")


def _messages(page) -> list[tuple[int, str]]:
    return page.eval_on_selector_all(
        "li[data-seq]",
        "items => items.map(i => [Number(i.dataset.seq), i.querySelector('.msg__body').innerText])",
    )


def _wait_for_text(page, text):
    page.locator("li[data-seq] .msg__body", has_text=text).wait_for()


def test_official_and_startup_chat_live_and_survive_going_offline(chat_server, new_context):
    server, env = chat_server
    data = run_setup(
        env,
        {
            "users": {"official": "official", "startup": "startup"},
            "channels": {"pair": {"owner": "official", "members": ["startup"]}},
        },
    )
    channel = data["channels"]["pair"]
    _, official = _open_as(new_context, server, data["users"]["official"], channel)
    startup_context, startup = _open_as(new_context, server, data["users"]["startup"], channel)

    # Realtime in both directions, in Japanese, with Markdown-lite and HTML kept as text.
    _send(official, "はじめまして、前橋市の佐藤です。**よろしくお願いします**")
    _wait_for_text(startup, "はじめまして、前橋市の佐藤です。")
    assert startup.locator("li[data-seq] strong", has_text="よろしくお願いします").count() == 1
    _send(startup, "ミライ行政テックの鈴木です。<b>資料</b>は明日お送りします")
    _wait_for_text(official, "資料</b>は明日お送りします")

    # Presence shows both people to each other.
    official.locator("[data-presence] li[data-user]").nth(1).wait_for()

    # Typing is shown to the other side.
    startup.locator("textarea[name=body]").press_sequentially("入力中")
    official.locator("[data-typing]", has_text=data["users"]["startup"]["name"]).wait_for()
    startup.locator("textarea[name=body]").fill("")

    # The Enter that confirms a Japanese IME conversion must not send; Shift+Enter breaks lines.
    box = startup.locator("textarea[name=body]")
    box.fill("変換中の文")
    for init in ("{key: 'Enter', isComposing: true}", "{key: 'Enter', keyCode: 229}"):
        box.evaluate(
            f"el => el.dispatchEvent(new KeyboardEvent('keydown', "
            f"Object.assign({init}, {{bubbles: true, cancelable: true}})))"
        )
        assert startup.locator("li[data-pending]").count() == 0
    box.dispatch_event("compositionstart")
    box.press("Enter")  # a real Enter while the IME is composing
    assert startup.locator("li[data-pending]").count() == 0
    assert box.input_value().startswith("変換中の文")
    box.dispatch_event("compositionend")
    startup.wait_for_timeout(50)
    box.fill("変換中の文")
    box.press("Shift+Enter")
    box.press_sequentially("二行目")
    assert box.input_value() == "変換中の文\n二行目"
    box.press("Enter")
    _wait_for_text(official, "二行目")

    # The startup member goes offline, writes, and comes back.
    startup_context.set_offline(True)
    startup.wait_for_selector("[data-connection][data-state=offline]")
    _send(startup, "オフラインで書いたメッセージです")
    startup.wait_for_selector("li[data-pending]")
    _send(official, "鈴木さんがオフラインの間に送りました")
    _wait_for_text(official, "鈴木さんがオフラインの間に送りました")
    assert official.locator("text=オフラインで書いたメッセージです").count() == 0

    startup_context.set_offline(False)
    startup.wait_for_selector("[data-connection][data-state=online]")
    _wait_for_text(startup, "鈴木さんがオフラインの間に送りました")
    _wait_for_text(official, "オフラインで書いたメッセージです")
    startup.wait_for_selector("li[data-pending]", state="detached")

    expected = [
        "はじめまして、前橋市の佐藤です。よろしくお願いします",
        "ミライ行政テックの鈴木です。<b>資料</b>は明日お送りします",
        "変換中の文\n二行目",
        "鈴木さんがオフラインの間に送りました",
        "オフラインで書いたメッセージです",
    ]
    for page in (official, startup):
        shown = _messages(page)
        assert [seq for seq, _text in shown] == [1, 2, 3, 4, 5]  # each once, in order
        assert sorted(text for _seq, text in shown) == sorted(expected)
    assert (
        startup.evaluate(
            "Object.keys(localStorage).filter(k => k.startsWith('cocreation.outbox')).length"
        )
        == 0
    )

    # After a reload the server-rendered history has the same messages, once each.
    startup.reload()
    startup.wait_for_selector("[data-connection][data-state=online]")
    assert [seq for seq, _text in _messages(startup)] == [1, 2, 3, 4, 5]
    assert serious_axe_violations(startup) == []


def test_a_file_posted_from_the_composer_reaches_the_other_member_live(
    chat_server, new_context, tmp_path
):
    server, env = chat_server
    data = run_setup(
        env,
        {
            "users": {"official": "official", "startup": "startup"},
            "channels": {"files": {"owner": "official", "members": ["startup"]}},
        },
    )
    channel = data["channels"]["files"]
    _, official = _open_as(new_context, server, data["users"]["official"], channel)
    _, startup = _open_as(new_context, server, data["users"]["startup"], channel)

    document = tmp_path / "<i>見積書</i>.pdf".replace("/", "_")
    document.write_bytes(PDF_BYTES)
    official.locator(".composer__files summary").click()
    official.locator("input[type=file]").set_input_files(str(document))
    _send(official, "見積書を添付します")

    link = startup.locator("li[data-seq] .msg__files a", has_text="見積書")
    link.wait_for()
    assert link.inner_text() == document.name  # the name is text, never markup
    assert startup.locator(".msg__files i").count() == 0
    _wait_for_text(startup, "見積書を添付します")
    with startup.expect_download() as download:
        link.click()
    # (Chromium replaces the < and > of a saved file's name.)
    assert download.value.suggested_filename.endswith("見積書__i_.pdf")
    assert open(download.value.path(), "rb").read() == PDF_BYTES  # noqa: PTH123, SIM115

    # The sender's page came back from the form post with the message and its file, once.
    official.wait_for_selector("[data-connection][data-state=online]")
    assert [seq for seq, _text in _messages(official)] == [1]
    assert official.locator(".msg__files a", has_text="見積書").count() == 1


def test_channel_pages_have_no_serious_accessibility_violations(chat_server, new_context):
    server, env = chat_server
    data = run_setup(
        env,
        {
            "users": {"official": "official", "startup": "startup"},
            "channels": {"pair": {"owner": "official", "members": ["startup"]}},
        },
    )
    channel = data["channels"]["pair"]
    _, page = _open_as(new_context, server, data["users"]["official"], channel)
    _send(page, "防災アプリの打合せ資料です。`v1.2` と https://example.jp/docs を参照してください")
    _wait_for_text(page, "防災アプリ")
    paths = [
        f"/ja/channels/{channel}/",
        "/ja/channels/",
        f"/ja/channels/{channel}/members/",
        f"/ja/channels/{channel}/search/?q=防災",
        f"/ja/channels/{channel}/messages/1/edit/",
        f"/ja/channels/{channel}/messages/1/delete/",
    ]
    for path in paths:
        page.goto(server.http + path)
        page.wait_for_load_state()
        assert serious_axe_violations(page) == [], path


def test_a_message_that_arrived_live_can_be_reported(chat_server, new_context):
    """The socket-driven page must not swallow the Report link (it is a page of its own)."""
    server, env = chat_server
    data = run_setup(
        env,
        {
            "users": {"official": "official", "startup": "startup"},
            "channels": {"pair": {"owner": "official", "members": ["startup"]}},
        },
    )
    channel = data["channels"]["pair"]
    _, official = _open_as(new_context, server, data["users"]["official"], channel)
    _, startup = _open_as(new_context, server, data["users"]["startup"], channel)

    _send(official, "報告リンクの確認用メッセージです")
    _wait_for_text(startup, "報告リンクの確認用メッセージです")
    item = startup.locator("li[data-seq]", has_text="報告リンクの確認用メッセージです")
    item.locator("a[data-action=report]").click()

    startup.wait_for_url("**/report/message/**")
    assert startup.locator("h1", has_text="モデレーターに報告する").count() == 1


def test_a_signed_out_socket_is_explained_and_not_reconnected(chat_server, new_context):
    """Suspension ends the user's sessions and closes their sockets with 4401 (see
    tests/moderation/test_realtime.py): the page says so instead of reconnecting forever."""
    server, env = chat_server
    data = run_setup(
        env,
        {
            "users": {"official": "official", "startup": "startup"},
            "channels": {"pair": {"owner": "official", "members": ["startup"]}},
        },
    )
    context = new_context()
    name, value = data["users"]["startup"]["cookie"].split("=", 1)
    context.add_cookies([{"name": name, "value": value, "url": server.http}])
    sockets = []

    def relay(route):
        route.connect_to_server()
        sockets.append(route)

    context.route_web_socket(re.compile(r".*/ws/channels/.*"), relay)
    page = context.new_page()
    page.goto(f"{server.http}/ja/channels/{data['channels']['pair']}/")
    page.wait_for_selector("[data-connection][data-state=online]")

    sockets[-1].close(code=4401, reason="")

    page.wait_for_selector("[data-connection][data-state=closed]")
    assert "ログアウトされたため" in page.locator(".chat__status").inner_text()
    page.wait_for_timeout(2500)  # longer than the first reconnection delay
    assert len(sockets) == 1


def _count_sockets(page) -> list[str]:
    opened = []
    page.on("websocket", lambda socket: opened.append(socket.url))
    return opened


def test_a_removed_member_is_told_by_the_server_and_the_page_stops(chat_server, new_context):
    """A real refusal (no faked close): the owner removes the member on the members page, the
    server closes the member's socket with 4403 and the page says why and stops."""
    server, env = chat_server
    data = run_setup(
        env,
        {
            "users": {"official": "official", "startup": "startup"},
            "channels": {"pair": {"owner": "official", "members": ["startup"]}},
        },
    )
    channel = data["channels"]["pair"]
    startup_id = data["users"]["startup"]["id"]
    _, official = _open_as(new_context, server, data["users"]["official"], channel)
    _, startup = _open_as(new_context, server, data["users"]["startup"], channel)
    opened = _count_sockets(startup)

    official.goto(f"{server.http}/ja/channels/{channel}/members/{startup_id}/remove/")
    official.locator("form.form__actions button[type=submit]").click()

    startup.wait_for_selector("[data-connection][data-state=closed]")
    status = startup.locator(".chat__status").inner_text()
    assert "このチャンネルへのアクセス権がなくなりました" in status, status
    startup.wait_for_timeout(2500)  # longer than the first reconnection delay
    assert [url for url in opened if "/ws/channels/" in url] == []


def test_a_signed_out_page_offers_sign_in_and_stops_reconnecting(chat_server, new_context):
    """The user signs out elsewhere, then the server restarts: the channel page and the bell
    reconnect once, are refused with 4401 by the server, say so in Japanese and offer sign-in."""
    from tests.cocreation.livestack import sign_out

    server, env = chat_server
    data = run_setup(
        env,
        {
            "users": {"official": "official", "startup": "startup"},
            "channels": {"pair": {"owner": "official", "members": ["startup"]}},
        },
    )
    channel = data["channels"]["pair"]
    _, startup = _open_as(new_context, server, data["users"]["startup"], channel)
    startup.wait_for_selector("[data-notification-bell][data-live=connected]")

    sign_out(env, data["users"]["startup"]["id"])
    server.stop(hard=True)
    server.start()

    startup.wait_for_selector("[data-connection][data-state=closed]", timeout=120000)
    assert "ログアウトされたため" in startup.locator(".chat__status").inner_text()
    sign_in = startup.locator(".chat__status a.chat__signin")
    assert sign_in.inner_text() == "もう一度ログイン"
    assert sign_in.get_attribute("href").startswith("/ja/accounts/login/?next=/ja/channels/")
    bell_notice = startup.locator("[data-bell-closed='4401']")
    bell_notice.wait_for(timeout=120000)
    assert "ログアウト" in bell_notice.inner_text()
    assert bell_notice.locator("a").get_attribute("href").startswith("/ja/accounts/login/")

    opened = _count_sockets(startup)
    startup.wait_for_timeout(3000)  # longer than the first reconnection delays of both
    assert opened == []
    assert serious_axe_violations(startup) == []
