import pytest
from django.core import mail
from django.db import transaction

from portal.notifications.kinds import KINDS, EmailMode
from portal.notifications.models import EmailStatus, Notification
from portal.notifications.rendering import render_notification
from portal.notifications.services import notify
from tests import factories

# Context every kind's templates may use; each kind's own keys are documented in kinds.py.
FULL_CONTEXT = {
    "url": "/ja/requests/1/",
    "request_title": "避難所受付のデジタル化",
    "municipality_name": "前橋市",
    "startup_name": "株式会社ミライ行政テック",
    "channel_name": "防災DXワーキンググループ",
    "excerpt": "来週の実証について相談させてください",
    "event_title": "ICT利活用サミット2026",
    "venue": "前橋市民文化会館",
    "subsidy_title": "デジタル田園都市国家構想交付金",
    "category_label": "防災",
    "reason": "所属の確認書類が不足しています",
}

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_notifies_exactly_its_recipients(kind, notify_now, official, startup_user):
    recipient_a = factories.OnboardedUserFactory()
    recipient_b = factories.OnboardedUserFactory()
    notify_now(
        kind=kind,
        recipients=[recipient_a, recipient_b, recipient_a],
        actor=official,
        context=FULL_CONTEXT,
    )
    notified = set(Notification.objects.values_list("recipient_id", flat=True))
    assert notified == {recipient_a.pk, recipient_b.pk}
    assert Notification.objects.count() == 2
    emailed = sorted(address for message in mail.outbox for address in message.to)
    if KINDS[kind].default_email == EmailMode.IMMEDIATE:
        assert emailed == sorted([recipient_a.email, recipient_b.email])
    else:
        assert emailed == []
    assert not Notification.objects.filter(recipient__in=[official, startup_user]).exists()


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("language", ["ja", "en"])
def test_each_kind_renders_in_both_languages_with_an_absolute_link(kind, language):
    recipient = factories.UserFactory.build(preferred_language=language, display_name="山田 花子")
    rendered = render_notification(kind=kind, recipient=recipient, context=FULL_CONTEXT)
    assert rendered.subject and "\n" not in rendered.subject
    assert rendered.line
    assert "山田 花子" in rendered.body
    assert "http://" in rendered.body and f"/{language}/requests/1/" in rendered.body
    assert "{" not in rendered.subject + rendered.body


def test_inactive_recipients_are_dropped(notify_now):
    active = factories.OnboardedUserFactory()
    suspended = factories.OnboardedUserFactory(is_active=False)
    notify_now(kind="official_verified", recipients=[active, suspended, None])
    assert list(Notification.objects.values_list("recipient_id", flat=True)) == [active.pk]
    assert [m.to for m in mail.outbox] == [[active.email]]


def test_nothing_is_recorded_or_sent_when_the_work_rolls_back(django_capture_on_commit_callbacks):
    recipient = factories.OnboardedUserFactory()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        notify(kind="official_verified", recipients=[recipient])
        raise RuntimeError("the verification failed")
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_email_waits_for_the_commit(django_capture_on_commit_callbacks):
    recipient = factories.OnboardedUserFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify(kind="official_verified", recipients=[recipient])
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1


def test_texts_are_rendered_in_each_recipients_language(notify_now):
    japanese = factories.OnboardedUserFactory(preferred_language="ja")
    english = factories.OnboardedUserFactory(preferred_language="en")
    startup = factories.StartupFactory(name="株式会社ミライ行政テック")
    notify_now(kind="startup_verified", recipients=[japanese, english], target=startup)
    by_user = {n.recipient_id: n for n in Notification.objects.all()}
    assert by_user[english.pk].title == "株式会社ミライ行政テック is verified"
    assert by_user[japanese.pk].url.endswith(f"/ja/startups/{startup.slug}/")
    assert by_user[english.pk].url.endswith(f"/en/startups/{startup.slug}/")
    html_by_address = {m.to[0]: m.alternatives[0][0] for m in mail.outbox}
    assert '<html lang="ja">' in html_by_address[japanese.email]
    assert '<html lang="en">' in html_by_address[english.email]


def test_the_centre_shows_each_notification_in_the_language_of_the_page(notify_now, client):
    """A Japanese-speaking official reading /en/notifications/ sees English titles (their email
    stays in their own language); the bell's live payload carries both."""
    from portal.notifications.realtime import notification_payload

    reader = factories.OnboardedUserFactory(preferred_language="ja")
    startup = factories.StartupFactory(name="株式会社ミライ行政テック")
    [notification] = notify_now(kind="startup_verified", recipients=[reader], target=startup)
    client.force_login(reader)
    english = client.get("/en/notifications/").content.decode()
    japanese = client.get("/ja/notifications/").content.decode()
    assert "株式会社ミライ行政テック is verified" in english
    assert "株式会社ミライ行政テック is verified" not in japanese
    assert notification.title in japanese
    notification.refresh_from_db()
    texts = notification_payload(notification)["texts"]
    assert texts["en"]["title"] == "株式会社ミライ行政テック is verified"
    assert texts["ja"]["title"] == notification.title
    assert mail.outbox[-1].subject == notification.title


def test_notification_records_target_actor_and_pending_email_state(notify_now, moderator):
    recipient = factories.OnboardedUserFactory()
    startup = factories.StartupFactory()
    [notification] = notify_now(
        kind="startup_verified", recipients=[recipient], target=startup, actor=moderator
    )
    notification.refresh_from_db()
    assert notification.target == startup
    assert notification.actor == moderator
    assert notification.email_status == EmailStatus.SENT
    assert notification.emailed_at is not None


def test_plain_text_is_not_html_escaped_but_html_email_is(notify_now):
    recipient = factories.OnboardedUserFactory(preferred_language="en")
    notify_now(
        kind="proposal_selected",
        recipients=[recipient],
        context={"request_title": "<b>R&D</b>", "municipality_name": "A&B市", "url": "/ja/x/"},
    )
    [message] = mail.outbox
    assert "<b>R&D</b>" in message.subject
    assert "A&B市 selected your proposal" in message.body
    html = message.alternatives[0][0]
    assert "<b>R&D</b>" not in html
    assert "&lt;b&gt;R&amp;D&lt;/b&gt;" in html


def test_unknown_kind_still_delivers_with_default_settings(notify_now, settings, tmp_path):
    folder = tmp_path / "notifications" / "kinds" / "brand_new"
    folder.mkdir(parents=True)
    (folder / "subject.txt").write_text("Subject {{ context.x }}")
    (folder / "body.txt").write_text("Body {{ url }}")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    from portal.notifications.rendering import text_engine

    text_engine.cache_clear()
    try:
        recipient = factories.OnboardedUserFactory()
        notify_now(kind="brand_new", recipients=[recipient], context={"x": "1", "url": "/ja/"})
    finally:
        text_engine.cache_clear()
    assert Notification.objects.get().title == "Subject 1"
    assert len(mail.outbox) == 1
