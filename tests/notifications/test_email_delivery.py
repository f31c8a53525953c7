"""Email modes (immediate, digest, off), the daily digest, batching and idempotent sending."""

import datetime as dt
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from portal.notifications import services, tasks
from portal.notifications.kinds import CHANNEL_UNREAD_WINDOW, EmailMode
from portal.notifications.models import EmailDelivery, EmailStatus, Notification
from portal.notifications.tasks import send_digest, send_notification_email
from tests import factories

pytestmark = pytest.mark.django_db

TOKYO = dt.timezone(dt.timedelta(hours=9))
REQUEST = {"request_title": "窓口予約のオンライン化", "url": "/ja/requests/7/"}


@pytest.fixture
def person():
    return factories.OnboardedUserFactory(preferred_language="en")


def set_mode(user, kind, mode):
    services.email_preferences_update(user=user, modes={kind: mode})


# --- preferences -------------------------------------------------------------------------------


def test_immediate_mode_emails_at_once(notify_now, person):
    set_mode(person, "proposal_selected", EmailMode.IMMEDIATE)
    notify_now(kind="proposal_selected", recipients=[person], context=REQUEST)
    assert [m.to for m in mail.outbox] == [[person.email]]
    assert Notification.objects.get().email_status == EmailStatus.SENT


def test_off_mode_records_in_app_but_sends_no_email(notify_now, person):
    set_mode(person, "proposal_selected", EmailMode.OFF)
    notify_now(kind="proposal_selected", recipients=[person], context=REQUEST)
    assert mail.outbox == []
    assert Notification.objects.get().email_status == EmailStatus.NONE


def test_digest_mode_waits_for_the_digest(notify_now, person):
    set_mode(person, "proposal_selected", EmailMode.DIGEST)
    notify_now(kind="proposal_selected", recipients=[person], context=REQUEST)
    assert mail.outbox == []
    assert Notification.objects.get().email_status == EmailStatus.DIGEST


def test_each_recipient_gets_their_own_mode(notify_now, person):
    quiet = factories.OnboardedUserFactory()
    set_mode(quiet, "channel_mention", EmailMode.OFF)
    notify_now(kind="channel_mention", recipients=[person, quiet], context=REQUEST)
    assert [m.to for m in mail.outbox] == [[person.email]]


def test_kind_default_applies_without_a_preference(notify_now, person):
    notify_now(kind="request_alert_match", recipients=[person], context=REQUEST)
    assert mail.outbox == []
    assert Notification.objects.get().email_status == EmailStatus.DIGEST


def test_turning_email_off_before_the_task_runs_skips_the_email(
    django_capture_on_commit_callbacks, person
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.notify(kind="proposal_selected", recipients=[person], context=REQUEST)
    set_mode(person, "proposal_selected", EmailMode.OFF)
    for callback in callbacks:
        callback()
    assert mail.outbox == []
    assert Notification.objects.get().email_status == EmailStatus.SKIPPED


def test_unknown_mode_or_kind_is_refused(person):
    with pytest.raises(ValueError):
        services.email_preferences_update(user=person, modes={"proposal_selected": "hourly"})
    with pytest.raises(ValueError):
        services.email_preferences_update(user=person, modes={"nope": EmailMode.OFF})


# --- idempotent sending ------------------------------------------------------------------------


def test_a_retried_email_task_sends_once(notify_now, person):
    [notification] = notify_now(kind="proposal_selected", recipients=[person], context=REQUEST)
    key = f"notification:{notification.pk}:1"
    result = send_notification_email.enqueue(notification_id=notification.pk, key=key)
    assert result.return_value == "duplicate"
    assert len(mail.outbox) == 1
    assert EmailDelivery.objects.filter(key=key, sent_at__isnull=False).count() == 1


def test_a_failed_send_is_retried_and_then_sent_once(django_capture_on_commit_callbacks, person):
    with (
        mock.patch(
            "django.core.mail.backends.locmem.EmailBackend.send_messages",
            side_effect=ConnectionError("SMTP down"),
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        [notification] = services.notify(
            kind="proposal_selected", recipients=[person], context=REQUEST
        )
    assert mail.outbox == []
    notification.refresh_from_db()
    assert notification.email_status == EmailStatus.PENDING
    assert not EmailDelivery.objects.filter(sent_at__isnull=False).exists()
    key = f"notification:{notification.pk}:1"
    for _attempt in range(2):
        send_notification_email.enqueue(notification_id=notification.pk, key=key)
    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert notification.email_status == EmailStatus.SENT


# --- digest ------------------------------------------------------------------------------------


def test_the_digest_groups_everything_pending_and_sends_once(notify_now, person):
    other = factories.OnboardedUserFactory()
    for kind in ["proposal_selected", "request_join_asked", "channel_mention"]:
        set_mode(person, kind, EmailMode.DIGEST)
        notify_now(kind=kind, recipients=[person], context=REQUEST)
    notify_now(kind="request_alert_match", recipients=[person, other], context=REQUEST)
    notify_now(kind="proposal_declined", recipients=[person], context=REQUEST)  # immediate
    mail.outbox.clear()

    call_command("send_digests")
    call_command("send_digests")

    assert sorted(m.to[0] for m in mail.outbox) == sorted([person.email, other.email])
    [digest] = [m for m in mail.outbox if m.to == [person.email]]
    assert digest.subject == "Your daily digest: 4 notifications"
    # Sections follow the order of the settings page: requests, channels, alerts.
    headings = ["Support requests and proposals", "Co-creation channels", "Alerts, events"]
    positions = [digest.body.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert digest.body.count("\n・") == 4
    assert digest.body.count("/en/requests/7/") == 4  # in the reader's language
    assert "List-Unsubscribe" in digest.extra_headers
    assert not Notification.objects.filter(email_status=EmailStatus.DIGEST).exists()


def test_a_retried_digest_task_sends_once(notify_now, person):
    set_mode(person, "proposal_selected", EmailMode.DIGEST)
    notify_now(kind="proposal_selected", recipients=[person], context=REQUEST)
    day = timezone.localdate().isoformat()
    send_digest.enqueue(user_id=person.pk, day=day)
    # A retry after the email went out but before the items were marked: the key stops it.
    Notification.objects.update(email_status=EmailStatus.DIGEST)
    send_digest.enqueue(user_id=person.pk, day=day)
    assert len(mail.outbox) == 1


def test_items_after_todays_digest_wait_for_tomorrows(notify_now, person):
    set_mode(person, "proposal_selected", EmailMode.DIGEST)
    with time_machine.travel(dt.datetime(2026, 5, 11, 7, 0, tzinfo=TOKYO), tick=False):
        notify_now(kind="proposal_selected", recipients=[person], context=REQUEST)
        assert tasks.digests_enqueue() == 1
        notify_now(kind="proposal_selected", recipients=[person], context=REQUEST)
        tasks.digests_enqueue()
    assert len(mail.outbox) == 1
    with time_machine.travel(dt.datetime(2026, 5, 12, 7, 0, tzinfo=TOKYO), tick=False):
        tasks.digests_enqueue()
    assert len(mail.outbox) == 2
    assert "1 notification" in mail.outbox[1].subject


def test_the_digest_skips_kinds_turned_off_since(notify_now, person):
    set_mode(person, "proposal_selected", EmailMode.DIGEST)
    set_mode(person, "channel_mention", EmailMode.DIGEST)
    notify_now(kind="proposal_selected", recipients=[person], context=REQUEST)
    notify_now(kind="channel_mention", recipients=[person], context={"channel_name": "防災WG"})
    set_mode(person, "channel_mention", EmailMode.OFF)
    tasks.digests_enqueue()
    [digest] = mail.outbox
    assert "防災WG" not in digest.body
    assert Notification.objects.get(kind="channel_mention").email_status == EmailStatus.SKIPPED


def test_no_digest_without_pending_items(person):
    assert tasks.digests_enqueue() == 0
    assert mail.outbox == []


# --- batching ----------------------------------------------------------------------------------

CHANNEL = {"channel_name": "防災DXワーキンググループ", "url": "/ja/channels/3/"}


def post_message(notify_now, *recipients, key="channel:3"):
    return notify_now(
        kind="channel_unread", recipients=list(recipients), context=CHANNEL, batch_key=key
    )


def test_channel_messages_fold_into_one_notification_and_one_email(notify_now, person):
    for _message in range(5):
        post_message(notify_now, person)
    notification = Notification.objects.get()
    assert notification.count == 5
    assert notification.title == "5 new messages in 防災DXワーキンググループ"
    assert len(mail.outbox) == 1


def test_a_batch_emails_again_only_after_its_window(notify_now, person):
    start = dt.datetime(2026, 5, 11, 9, 0, tzinfo=TOKYO)
    with time_machine.travel(start, tick=False):
        post_message(notify_now, person)
    with time_machine.travel(start + CHANNEL_UNREAD_WINDOW / 2, tick=False):
        post_message(notify_now, person)
    assert len(mail.outbox) == 1
    with time_machine.travel(start + CHANNEL_UNREAD_WINDOW, tick=False):
        post_message(notify_now, person)
    assert len(mail.outbox) == 2
    assert "3 new messages" in mail.outbox[1].subject
    assert Notification.objects.count() == 1


def test_reading_a_batch_starts_a_new_one(notify_now, person):
    post_message(notify_now, person)
    services.notification_mark_read(notification=Notification.objects.get())
    post_message(notify_now, person)
    assert Notification.objects.count() == 2
    assert Notification.objects.unread().get().count == 1
    assert len(mail.outbox) == 2


def test_batches_are_per_channel_and_per_recipient(notify_now, person):
    other = factories.OnboardedUserFactory()
    post_message(notify_now, person, other, key="channel:3")
    post_message(notify_now, person, key="channel:4")
    post_message(notify_now, person, other, key="channel:3")
    counts = sorted(Notification.objects.values_list("recipient_id", "batch_key", "count"))
    assert counts == sorted(
        [(person.pk, "channel:3", 2), (person.pk, "channel:4", 1), (other.pk, "channel:3", 2)]
    )


def test_batch_key_defaults_to_the_target(notify_now, person):
    startup = factories.StartupFactory()
    for _message in range(3):
        notify_now(kind="channel_unread", recipients=[person], target=startup)
    assert Notification.objects.get().batch_key == f"startups.startup:{startup.pk}"


def test_a_batch_in_digest_mode_appears_once_in_the_digest(notify_now, person):
    set_mode(person, "channel_unread", EmailMode.DIGEST)
    for _message in range(4):
        post_message(notify_now, person)
    assert mail.outbox == []
    tasks.digests_enqueue()
    [digest] = mail.outbox
    assert digest.body.count("防災DXワーキンググループ") == 2  # title and summary of one item
    assert "4 new messages" in digest.body


def test_notify_batched_folds_with_an_explicit_key(django_capture_on_commit_callbacks, person):
    with django_capture_on_commit_callbacks(execute=True):
        for _message in range(2):
            services.notify_batched(
                kind="channel_unread", recipient=person, key="channel:9", context=CHANNEL
            )
    assert Notification.objects.get().count == 2
    assert len(mail.outbox) == 1


# --- subsidy deadlines -------------------------------------------------------------------------


def test_subsidy_deadline_notifies_followers_once(django_capture_on_commit_callbacks):
    follower = factories.OnboardedUserFactory()
    other_category = factories.OnboardedUserFactory()
    services.followed_categories_set(user=follower, categories=["disaster", "tourism"])
    services.followed_categories_set(user=other_category, categories=["education"])
    arguments = {
        "subsidy_title": "防災DX推進補助金",
        "category": "disaster",
        "url": "/ja/subsidies/bousai-dx/",
        "deadline": dt.date(2026, 6, 30),
    }
    with django_capture_on_commit_callbacks(execute=True):
        services.notify_subsidy_deadline(**arguments)
        services.notify_subsidy_deadline(**arguments)
    assert list(Notification.objects.values_list("recipient_id", flat=True)) == [follower.pk]
    assert len(mail.outbox) == 1
    assert "防災DX推進補助金" in mail.outbox[0].subject
    late_follower = factories.OnboardedUserFactory()
    services.followed_categories_set(user=late_follower, categories=["disaster"])
    with django_capture_on_commit_callbacks(execute=True):
        services.notify_subsidy_deadline(**arguments)
    assert Notification.objects.filter(recipient=late_follower).count() == 1
    assert Notification.objects.count() == 2
