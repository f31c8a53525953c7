"""The bell's unread count updates live on every open page of the user (Daphne + WebSocket).

pytest-django's live server speaks WSGI only, so this module serves the real ASGI application
(HTTP and WebSocket) with Daphne in a background thread of the test process: it shares the
test database (including SQLite's shared in-memory one) and the channel layer. Notifications are
created on Daphne's event loop, as a request or consumer would create them, so the in-memory
channel layer sees one loop; with REDIS_URL set the same code goes through Redis.
"""

import asyncio
import os
import threading
import time

import pytest
from asgiref.sync import sync_to_async
from django.test import Client
from playwright.sync_api import expect

from portal.notifications import services
from tests import factories
from tests.browser.conftest import serious_axe_violations

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


class AsgiLiveServer:
    def __init__(self):
        from daphne.server import Server, twisted_loop
        from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler

        from portal.asgi import application

        self.loop = twisted_loop
        self.server = Server(
            application=ASGIStaticFilesHandler(application),
            endpoints=["tcp:port=0:interface=127.0.0.1"],
            signal_handlers=False,
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self):
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.listening_addresses:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("Daphne did not start")
            time.sleep(0.05)
        host, port = self.server.listening_addresses[0]
        self.url = f"http://{host}:{port}"

    def stop(self):
        from twisted.internet import reactor

        reactor.callFromThread(reactor.stop)
        self.thread.join(timeout=10)

    def drop_websockets(self):
        """Cut every open WebSocket's TCP connection, as a network drop would."""
        from daphne.ws_protocol import WebSocketProtocol
        from twisted.internet import reactor

        def drop():
            for protocol in list(self.server.connections):
                if isinstance(protocol, WebSocketProtocol):
                    protocol.transport.abortConnection()

        reactor.callFromThread(drop)

    def run(self, func):
        """Run `func` (ORM work, notify…) in a worker thread of the server's event loop."""
        future = asyncio.run_coroutine_threadsafe(sync_to_async(func)(), self.loop)
        return future.result(timeout=20)


@pytest.fixture(scope="session")
def asgi_live_server(django_db_setup):
    server = AsgiLiveServer()
    server.start()
    yield server
    server.stop()


def signed_in_context(new_context, server, user):
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    context = new_context()
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": server.url}]
    )
    return context


def test_the_bell_updates_on_two_open_pages_without_reload(asgi_live_server, new_context):
    server = asgi_live_server
    user = factories.OnboardedUserFactory(display_name="佐藤 美咲")
    context = signed_in_context(new_context, server, user)
    centre, settings_page = context.new_page(), context.new_page()
    centre.goto(f"{server.url}/ja/notifications/")
    settings_page.goto(f"{server.url}/ja/notifications/settings/")
    pages = (centre, settings_page)
    for page in pages:
        expect(page.locator("[data-notification-bell]")).to_have_attribute("data-live", "connected")
        expect(page.locator("[data-unread-count]")).to_be_hidden()
        page.evaluate("window.__notLoadedAgain = true")

    colleague = factories.OnboardedUserFactory(display_name="田中 健一")
    server.run(
        lambda: services.notify(
            kind="channel_mention",
            recipients=[user],
            actor=colleague,
            context={"channel_name": "防災DXワーキンググループ", "url": "/ja/channels/"},
        )
    )

    for page in pages:
        count = page.locator("[data-unread-count]")
        expect(count).to_be_visible()
        expect(count).to_have_text("1")
        expect(page.locator("[data-notification-announcer]")).to_contain_text("防災DX")
        assert page.evaluate("window.__notLoadedAgain") is True
    expect(centre.locator("[data-notification-live]")).to_be_visible()

    # Reading it on one page clears the bell on the other, again without a reload.
    centre.reload()
    centre.locator("form[action$='/read-all/'] button").click()
    expect(settings_page.locator("[data-unread-count]")).to_be_hidden()
    assert settings_page.evaluate("window.__notLoadedAgain") is True


def test_the_bell_reconnects_after_the_socket_drops(asgi_live_server, new_context):
    server = asgi_live_server
    user = factories.OnboardedUserFactory()
    page = signed_in_context(new_context, server, user).new_page()
    page.goto(f"{server.url}/ja/notifications/settings/")
    bell = page.locator("[data-notification-bell]")
    expect(bell).to_have_attribute("data-live", "connected")
    server.drop_websockets()
    expect(bell).to_have_attribute("data-live", "disconnected")
    expect(bell).to_have_attribute("data-live", "connected", timeout=15_000)
    server.run(lambda: services.notify(kind="official_verified", recipients=[user]))
    expect(page.locator("[data-unread-count]")).to_have_text("1")


def test_notification_pages_have_no_serious_accessibility_violations(asgi_live_server, new_context):
    server = asgi_live_server
    user = factories.OnboardedUserFactory()
    server.run(
        lambda: services.notify(
            kind="proposal_submitted",
            recipients=[user],
            context={"request_title": "避難所受付のデジタル化", "startup_name": "株式会社A"},
        )
    )
    page = signed_in_context(new_context, server, user).new_page()
    for path in ("/ja/notifications/", "/ja/notifications/settings/"):
        page.goto(server.url + path)
        assert serious_axe_violations(page) == []


def test_following_a_notification_marks_it_read_everywhere(asgi_live_server, new_context):
    server = asgi_live_server
    user = factories.OnboardedUserFactory()
    for title in ("防災DXワーキンググループ", "ICT利活用サミット2026 実行委員会"):
        server.run(
            lambda title=title: services.notify(
                kind="channel_mention",
                recipients=[user],
                context={"channel_name": title, "url": "/ja/notifications/settings/"},
            )
        )
    context = signed_in_context(new_context, server, user)
    centre, other = context.new_page(), context.new_page()
    other.goto(f"{server.url}/ja/notifications/settings/")
    expect(other.locator("[data-unread-count]")).to_have_text("2")
    expect(other.locator("[data-notification-bell]")).to_have_attribute("data-live", "connected")
    centre.goto(f"{server.url}/ja/notifications/")
    centre.get_by_role("link", name="防災DXワーキンググループ").click()
    expect(other.locator("[data-unread-count]")).to_have_text("1")


def test_the_demo_flow_rings_the_right_bells_live(asgi_live_server, new_context):
    """A startup proposes on an open request while the official has the portal open: the
    official's bell rings; the official shortlists and selects: the startup's bell rings once
    per decision, in English for the startup that reads English. Nobody else's bell moves."""
    server = asgi_live_server
    official = factories.official(factories.MAEBASHI)
    support_request = server.run(
        lambda: factories.support_request(author=official, title="窓口のオンライン申請拡充")
    )
    proposer = factories.startup_member()
    proposer.preferred_language = "en"
    proposer.save(update_fields=["preferred_language"])
    bystander = factories.official(factories.MAEBASHI, verification_state="pending")

    official_page = signed_in_context(new_context, server, official).new_page()
    startup_page = signed_in_context(new_context, server, proposer).new_page()
    bystander_page = signed_in_context(new_context, server, bystander).new_page()
    for page, language in ((official_page, "ja"), (startup_page, "en"), (bystander_page, "ja")):
        page.goto(f"{server.url}/{language}/notifications/")
        expect(page.locator("[data-notification-bell]")).to_have_attribute("data-live", "connected")
        expect(page.locator("[data-unread-count]")).to_be_hidden()

    proposing = startup_page.context.new_page()
    proposing.goto(f"{server.url}/en/proposals/requests/{support_request.pk}/new/")
    proposing.locator("textarea[name=summary]").fill("LINEで申請できる仕組みを導入します。")
    proposing.locator("textarea[name=body]").fill("3か月で主要手続をオンライン化します。")
    proposing.locator("input[name=estimated_cost_yen]").fill("3000000")
    proposing.locator("input[name=timeline]").fill("契約から3か月")
    proposing.locator("button[name=submit]").click()
    proposing.wait_for_url("**/en/proposals/*/")
    expect(official_page.locator("[data-unread-count]")).to_have_text("1")
    expect(official_page.locator("[data-notification-announcer]")).to_contain_text(
        "窓口のオンライン申請拡充"
    )
    proposal_pk = proposing.url.rstrip("/").rsplit("/", 1)[1]

    deciding = official_page.context.new_page()
    for decision, count in (("shortlist", "1"), ("select", "2")):
        deciding.goto(f"{server.url}/ja/proposals/{proposal_pk}/decide/{decision}/")
        deciding.locator("main form button[type=submit]").click()
        deciding.wait_for_url("**/compare/")
        expect(startup_page.locator("[data-unread-count]")).to_have_text(count)
    expect(startup_page.locator("[data-notification-announcer]")).to_contain_text("was selected")
    startup_page.reload()  # the selection and the shortlisting; no separate "added to a channel"
    expect(startup_page.locator(".notification-list > li")).to_have_count(2)
    expect(startup_page.locator(".notification__title").first).to_contain_text("was selected")
    expect(official_page.locator("[data-unread-count]")).to_have_text("1")
    expect(bystander_page.locator("[data-unread-count]")).to_be_hidden()
