"""Demo notifications for the demo accounts (development only), so the centre is not empty.

They are rendered through the kinds' templates in each user's language but not emailed. Idempotent:
each demo notification has a `dedupe_key` and is created once.
"""

import datetime as dt

from django.utils import timezone

from portal.accounts.models import User
from portal.notifications.models import EmailStatus, FollowedCategory, Notification
from portal.notifications.rendering import render_notification, render_titles

REQUEST_TITLE = "窓口予約と電子申請のオンライン化"

DEMO = [
    # (recipient, kind, actor, hours ago, read, count, context)
    (
        "official1@example.jp",
        "proposal_submitted",
        "startup1@example.com",
        2,
        False,
        1,
        {
            "request_title": REQUEST_TITLE,
            "startup_name": "株式会社ミライ行政テック",
            "url": "/ja/requests/",
        },
    ),
    (
        "official1@example.jp",
        "request_join_asked",
        "official2@example.jp",
        5,
        False,
        1,
        {"request_title": REQUEST_TITLE, "municipality_name": "塩尻市", "url": "/ja/requests/"},
    ),
    (
        "official1@example.jp",
        "channel_mention",
        "official2@example.jp",
        20,
        False,
        1,
        {
            "channel_name": "防災DXワーキンググループ",
            "excerpt": "前橋市さんの避難所受付のデジタル化事例を、次回の会合で共有いただけますか。",
            "url": "/ja/channels/",
        },
    ),
    (
        "official1@example.jp",
        "channel_unread",
        None,
        26,
        True,
        4,
        {"channel_name": "ICT利活用サミット2026 実行委員会", "url": "/ja/channels/"},
    ),
    (
        "official1@example.jp",
        "official_verified",
        "moderator@example.jp",
        24 * 6,
        True,
        1,
        {"url": "/ja/municipalities/102016/"},
    ),
    (
        "official2@example.jp",
        "request_join_accepted",
        "official1@example.jp",
        3,
        False,
        1,
        {"request_title": REQUEST_TITLE, "municipality_name": "前橋市", "url": "/ja/requests/"},
    ),
    (
        "official2@example.jp",
        "subsidy_deadline_approaching",
        None,
        30,
        False,
        1,
        {
            "subsidy_title": "デジタル田園都市国家構想交付金（デジタル実装タイプ）（デモ）",
            "category_label": "スマート農業",
            "deadline": dt.date(2026, 6, 30),
            "url": "/ja/",
        },
    ),
    (
        "official2@example.jp",
        "event_registration_confirmed",
        None,
        24 * 2,
        True,
        1,
        {
            "event_title": "ICT利活用サミット2026",
            "event_date": dt.datetime(
                2026, 7, 16, 13, 30, tzinfo=dt.timezone(dt.timedelta(hours=9))
            ),
            "venue": "東京・大手町 JA共済ビル カンファレンスホール",
            "url": "/ja/",
        },
    ),
    (
        "startup1@example.com",
        "proposal_shortlisted",
        "official1@example.jp",
        1,
        False,
        1,
        {"request_title": REQUEST_TITLE, "municipality_name": "前橋市", "url": "/ja/requests/"},
    ),
    (
        "startup1@example.com",
        "request_alert_match",
        None,
        9,
        False,
        1,
        {
            "request_title": "公民館・体育館予約のオンライン化",
            "municipality_name": "塩尻市",
            "url": "/ja/requests/",
        },
    ),
    (
        "startup1@example.com",
        "startup_verified",
        "moderator@example.jp",
        24 * 8,
        True,
        1,
        {"startup_name": "株式会社ミライ行政テック", "url": "/ja/startups/mirai-gyosei-tech/"},
    ),
    (
        "startup2@example.com",
        "request_alert_match",
        None,
        4,
        False,
        1,
        {
            "request_title": "水田の水位センサーとLPWAによる見回り負担の軽減",
            "municipality_name": "塩尻市",
            "url": "/ja/requests/",
        },
    ),
    (
        "startup2@example.com",
        "event_waitlist_promoted",
        None,
        28,
        False,
        1,
        {
            "event_title": "スマート農業 現地視察（長野県塩尻市）",
            "event_date": dt.datetime(2026, 8, 6, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=9))),
            "venue": "塩尻市役所 集合",
            "url": "/ja/",
        },
    ),
]

FOLLOWED = {
    "official1@example.jp": ["disaster", "online_procedures"],
    "official2@example.jp": ["smart_agriculture", "wireless_5g"],
    "startup2@example.com": ["smart_agriculture"],
}


def _create(users, number, entry, now) -> bool:
    email, kind, actor_email, hours, read, count, context = entry
    recipient, key = users[email], f"demo:{number}"
    if Notification.objects.filter(recipient=recipient, kind=kind, dedupe_key=key).exists():
        return False
    actor = users.get(actor_email)
    rendered = render_notification(
        kind=kind, recipient=recipient, actor=actor, context=context, count=count
    )
    when = now - dt.timedelta(hours=hours)
    Notification.objects.create(
        recipient=recipient,
        kind=kind,
        actor=actor,
        title=rendered.subject,
        summary=rendered.line,
        texts=render_titles(
            kind=kind, recipient=recipient, actor=actor, context=context, count=count
        ),
        body=rendered.body,
        body_html=rendered.body_html,
        url=rendered.url,
        count=count,
        dedupe_key=key,
        email_status=EmailStatus.NONE,
        created_at=when,
        last_event_at=when,
        read_at=when + dt.timedelta(hours=1) if read else None,
    )
    return True


def seed(stdout) -> None:
    users = {user.email: user for user in User.objects.filter(email__endswith="example.jp")}
    users.update({u.email: u for u in User.objects.filter(email__endswith="example.com")})
    now = timezone.now()
    created = sum(_create(users, n, entry, now) for n, entry in enumerate(DEMO))
    for email, categories in FOLLOWED.items():
        for category in categories:
            FollowedCategory.objects.get_or_create(user=users[email], category=category)
    stdout.write(f"Demo notifications: {created} new")
