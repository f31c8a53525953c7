import pytest
from django.core.management import call_command

from portal.notifications.models import FollowedCategory, Notification
from tests import factories
from tests.cms import factories as cms

pytestmark = pytest.mark.django_db


def test_daily_scan_tells_followers_once_per_deadline(mailoutbox):
    follower = factories.OnboardedUserFactory()
    FollowedCategory.objects.create(user=follower, category="wireless_5g")
    bystander = factories.OnboardedUserFactory()
    FollowedCategory.objects.create(user=bystander, category="education")
    cms.subsidy(title="ローカル5G導入支援（デモ）", closes_in=5, target_areas=["wireless_5g"])
    cms.subsidy(title="まだ先の補助金（デモ）", closes_in=60, target_areas=["wireless_5g"])
    call_command("notify_subsidy_deadlines")
    call_command("notify_subsidy_deadlines")
    notes = Notification.objects.filter(kind="subsidy_deadline_approaching")
    assert [(n.recipient_id, "ローカル5G導入支援" in n.title + n.summary) for n in notes] == [
        (follower.pk, True)
    ]
