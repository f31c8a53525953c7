import pytest
from django.core.management import call_command

from portal.cocreation.models import Message
from portal.moderation.models import AuditEntry, Report

pytestmark = pytest.mark.django_db


def test_demo_data_fills_the_console_and_is_idempotent(settings):
    settings.DEBUG = True
    call_command("seed_demo", quiet_logins=True)
    counts = (Report.objects.open().count(), AuditEntry.objects.count())
    call_command("seed_demo", quiet_logins=True)
    assert (Report.objects.open().count(), AuditEntry.objects.count()) == counts
    assert Report.objects.open().count() >= 3
    assert set(Report.objects.open().values_list("kind", flat=True)) >= {
        "message",
        "support_request",
        "startup",
    }
    assert Message.objects.filter(hidden_at__isnull=False).count() == 1
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"content_hidden", "user_warned"} <= actions
    assert all("。" in report.comment for report in Report.objects.open())
