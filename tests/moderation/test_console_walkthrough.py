"""What a moderator meets walking the console: offered actions, confirmations, errors at the top
of the page, links between the queue, an item and the log."""

import pytest
from django.urls import reverse

from portal.cocreation import services as chat
from portal.cocreation.events import message_payload
from portal.cocreation.views import chat_strings
from portal.moderation import services
from tests import factories
from tests.moderation.conftest import make_channel

pytestmark = pytest.mark.django_db

BASE = "/admin/moderation/"


def test_dismiss_is_offered_only_while_reports_wait(admin_client, member, official):
    support_request = factories.support_request(author=official, title="公民館予約のオンライン化")
    url = f"{BASE}support_request/{support_request.pk}/"
    assert "/dismiss/" not in admin_client.get(url).content.decode()

    services.report_create(reporter=member, target=support_request, reason="spam")

    assert "/dismiss/" in admin_client.get(url).content.decode()
    assert "/dismiss/" not in admin_client.get(f"{BASE}user/{member.pk}/").content.decode()


def test_dangerous_actions_ask_for_confirmation(admin_client, startup_user):
    page = admin_client.get(f"{BASE}user/{startup_user.pk}/").content.decode()

    suspend_form = page.split('id="action-suspend"', 1)[1].split(">", 1)[0]
    warn_form = page.split('id="action-warn"', 1)[1].split(">", 1)[0]
    assert "data-confirm=" in suspend_form and "data-confirm=" not in warn_form
    assert "js/moderation_admin.js" in page


def test_an_action_without_reason_says_so_at_the_top_and_keeps_the_page(
    admin_client, member, official
):
    support_request = factories.support_request(author=official, title="公民館予約のオンライン化")
    services.report_create(reporter=member, target=support_request, reason="spam")

    response = admin_client.post(
        f"{BASE}support_request/{support_request.pk}/hide/", {"reason": " "}
    )

    assert response.status_code == 200
    shown = [str(message) for message in response.context["messages"]]
    assert any("Hide" in text or "非表示" in text for text in shown), shown
    assert 'data-testid="visibility"' in response.content.decode()


def test_item_pages_lead_back_to_the_queue_and_the_log_leads_to_items(
    admin_client, moderator, startup_user
):
    services.user_warn(user=startup_user, target=startup_user, moderator=moderator, reason="注意")

    item = admin_client.get(f"{BASE}user/{startup_user.pk}/")
    crumbs = item.context["breadcrumbs_items"]
    assert crumbs[1]["url"] == BASE and crumbs[-1]["label"].startswith(
        str(item.context["spec"].label)
    )

    log = admin_client.get(f"{BASE}audit/").content.decode()
    assert f'href="{BASE}user/{startup_user.pk}/"' in log
    assert "{&quot;" in log  # before / after as JSON, like the CSV, not Python reprs


def test_live_chat_messages_can_be_reported_and_a_sign_out_is_explained(official, startup_user):
    channel = make_channel(owner=official, members=[startup_user])
    message, _ = chat.message_post(
        channel_id=channel.pk, author=official, body="こんにちは", client_id="walk-000001"
    )

    assert message_payload(message)["id"] == message.pk
    assert chat_strings()["report"] and chat_strings()["signedOut"]


def test_the_queue_links_every_other_queue_and_bulk_actions_ask_first(
    admin_client, member, official
):
    support_request = factories.support_request(author=official, title="公民館予約のオンライン化")
    services.report_create(reporter=member, target=support_request, reason="spam")

    page = admin_client.get(BASE).content.decode()

    for url in ("official_verification:queue", "startup_verification:queue"):
        assert f'href="{reverse(url)}"' in page
    assert f'href="{reverse("moderation_admin:audit")}"' in page
    bulk_form = page.split(f'action="{reverse("moderation_admin:bulk")}"', 1)[1].split(">", 1)[0]
    assert "data-confirm=" in bulk_form
