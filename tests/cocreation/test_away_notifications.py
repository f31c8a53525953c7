import uuid

import pytest

from portal.cocreation.presence import presence_enter
from portal.cocreation.services import message_post
from portal.notifications.models import Notification
from tests import factories

pytestmark = pytest.mark.django_db


def test_members_away_get_one_batched_notification_and_online_members_none(
    pair, official, startup_user, django_capture_on_commit_callbacks
):
    from portal.cocreation.models import MemberRole, Membership

    third = factories.official(factories.SHIOJIRI)
    Membership.objects.create(channel=pair, user=third, role=MemberRole.MEMBER)
    presence_enter(channel_id=pair.pk, user_id=third.pk)  # has the channel open
    for number in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            message_post(
                channel_id=pair.pk,
                author=official,
                body=f"連絡{number}",
                client_id=str(uuid.uuid4()),
            )
    unread = Notification.objects.filter(kind="channel_unread")
    assert [n.recipient_id for n in unread] == [startup_user.pk]
    assert unread.get().count == 3


def test_a_mentioned_member_is_told_once(
    pair, official, startup_user, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message_post(
            channel_id=pair.pk,
            author=official,
            body=f"@{startup_user.display_name} 資料をご確認ください",
            client_id=str(uuid.uuid4()),
        )
    assert [m.to for m in mailoutbox] == [[startup_user.email]]
    assert not Notification.objects.filter(kind="channel_unread").exists()


def test_reading_the_channel_marks_its_unread_notification_read(
    pair, official, startup_user, client, django_capture_on_commit_callbacks
):
    for number in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            message_post(
                channel_id=pair.pk,
                author=official,
                body=f"連絡{number}",
                client_id=str(uuid.uuid4()),
            )
    unread = Notification.objects.get(kind="channel_unread", recipient=startup_user)
    assert unread.read_at is None
    client.force_login(startup_user)
    client.post(f"/ja/channels/{pair.pk}/read/")
    unread.refresh_from_db()
    assert unread.read_at is not None


def test_reading_part_of_the_channel_leaves_the_notification_unread(
    pair, official, startup_user, django_capture_on_commit_callbacks
):
    from portal.cocreation.services import membership_mark_read

    for number in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            message_post(
                channel_id=pair.pk,
                author=official,
                body=f"連絡{number}",
                client_id=str(uuid.uuid4()),
            )
    membership_mark_read(channel_id=pair.pk, user=startup_user, seq=1)
    assert Notification.objects.get(kind="channel_unread", recipient=startup_user).read_at is None
