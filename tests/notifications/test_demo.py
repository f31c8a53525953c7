import pytest
from django.core import mail
from django.core.management import call_command

from portal.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_demo_notifications_fill_each_demo_centre_once_without_emails(settings, client_for):
    settings.DEBUG = True
    call_command("seed_demo", quiet_logins=True)
    count = Notification.objects.count()
    call_command("seed_demo", quiet_logins=True)
    assert Notification.objects.count() == count
    assert mail.outbox == []
    for email in ["official1@example.jp", "official2@example.jp", "startup1@example.com"]:
        mine = Notification.objects.filter(recipient__email=email)
        assert mine.unread().exists() and mine.exclude(read_at=None).exists()
    official = Notification.objects.filter(recipient__email="official1@example.jp").first()
    page = client_for(official.recipient).get("/ja/notifications/").content.decode()
    assert "窓口予約と電子申請のオンライン化" in page
