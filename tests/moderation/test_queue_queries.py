"""The queue's query count does not grow with the number of reports or reported items."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.cocreation import services as chat
from portal.moderation import services
from tests import factories
from tests.moderation.conftest import make_channel

pytestmark = pytest.mark.django_db


def reported_items(numbers, reporters, channel, author):
    for number in numbers:
        support_request = factories.support_request(title=f"要請 {number}")
        message, _ = chat.message_post(
            channel_id=channel.pk, author=author, body=f"宣伝 {number}", client_id=f"q-{number:06d}"
        )
        startup = factories.StartupFactory()
        for reporter in reporters:
            for target in (support_request, message, startup):
                services.report_create(reporter=reporter, target=target, reason="spam")


def queue_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/moderation/?sort=most")
    assert response.status_code == 200
    return len(queries)


def test_queue_queries_stay_fixed_as_reports_grow(admin_client, member, startup_user, official):
    channel = make_channel(owner=official, members=[member, startup_user])
    reported_items(range(2), [member], channel, official)
    small = queue_queries(admin_client)
    reported_items(range(2, 12), [member, startup_user], channel, official)
    large = queue_queries(admin_client)
    page = admin_client.get("/admin/moderation/").content.decode()
    assert page.count('data-testid="queue-row"') == 30  # one page of 30 items
    assert small == large, (small, large)
