"""Demo moderation (development only): open reports, a hidden message, a warning, audit entries.

Runs after the other seeders (it reports their content). Idempotent: every step checks first.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

from portal.cocreation.models import Channel, Membership, MembershipState, Message
from portal.cocreation.services import message_post
from portal.community.models import SupportRequest
from portal.moderation import services
from portal.moderation.models import AuditAction, AuditEntry, Report, ReportReason
from portal.startups.models import Startup

SPAM_CHANNEL = "インフラプラットフォームWG"
SPAM_TEXT = (
    "【期間限定】自治体様向けDXセミナー教材を今だけ無料配布中！詳細は個別にメールでお問い合わせ"
    "ください。担当者の携帯番号もお知らせします。"
)
SPAM_AUTHOR = "rpa@example.com"
HIDE_REASON = "営業目的の勧誘投稿のため非表示にしました（ガイドライン第3条：宣伝・勧誘の禁止）。"
WARN_REASON = "WGチャンネルへの宣伝目的の投稿が続いています。次回以降はアカウント停止を検討します。"

OPEN_REPORTS = [
    # (reporter, kind, reason, comment)
    (
        "official2@example.jp",
        "message",
        ReportReason.PERSONAL_INFORMATION,
        "投稿に担当者の個人の携帯番号が載っています。削除をお願いします。",
    ),
    (
        "startup2@example.com",
        "support_request",
        ReportReason.MISINFORMATION,
        "募集要項の予算額が前回の説明会資料と大きく食い違っています。確認をお願いします。",
    ),
    (
        "official1@example.jp",
        "startup",
        ReportReason.INAPPROPRIATE,
        "会社紹介に他社の導入実績を自社のものとして記載しているように見えます。",
    ),
    (
        "startup1@example.com",
        "support_request",
        ReportReason.SPAM,
        "同じ内容の要請が重複して投稿されているようです。",
    ),
]


def _spam_messages(channel, author):
    Membership.objects.get_or_create(
        channel=channel, user=author, defaults={"state": MembershipState.ACTIVE}
    )
    hidden, _created = message_post(
        channel_id=channel.pk, author=author, body=SPAM_TEXT, client_id="demo-moderation-spam-1"
    )
    reported, _created = message_post(
        channel_id=channel.pk,
        author=author,
        body="資料のご請求は 090-1234-5678（担当 松本）まで直接お電話ください。",
        client_id="demo-moderation-spam-2",
    )
    return hidden, reported


def _targets(reported_message):
    requests = list(SupportRequest.objects.filter(hidden_at__isnull=True).order_by("pk")[:2])
    startup = Startup.objects.filter(slug__icontains="mobility").first() or Startup.objects.last()
    return {
        "message": [reported_message],
        "support_request": requests,
        "startup": [startup] if startup else [],
    }


def seed(stdout) -> None:
    users = {u.email: u for u in get_user_model().objects.filter(email__endswith="example.jp")}
    users |= {u.email: u for u in get_user_model().objects.filter(email__endswith="example.com")}
    moderator = users.get("moderator@example.jp")
    author = users.get(SPAM_AUTHOR)
    channel = Channel.objects.filter(name=SPAM_CHANNEL).first()
    if moderator is None or author is None or channel is None:
        stdout.write("Demo moderation skipped (seed accounts, startups and channels first).")
        return
    hidden, reported = _spam_messages(channel, author)
    if Message.objects.get(pk=hidden.pk).hidden_at is None:
        Report.objects.get_or_create(
            reporter=users["official1@example.jp"],
            kind="message",
            target_type=ContentType.objects.get_for_model(Message),
            target_id=hidden.pk,
            defaults={"reason": ReportReason.SPAM, "comment": "WGの趣旨と関係のない宣伝です。"},
        )
        services.content_hide(target=hidden, moderator=moderator, reason=HIDE_REASON)
    if not AuditEntry.objects.filter(
        action=AuditAction.USER_WARNED, target_id=str(author.pk)
    ).exists():
        services.user_warn(user=author, moderator=moderator, reason=WARN_REASON)

    targets = _targets(reported)
    used: dict[str, int] = {}
    for email, kind, reason, comment in OPEN_REPORTS:
        index = used.get(kind, 0)
        used[kind] = index + 1
        candidates = targets.get(kind, [])
        reporter = users.get(email)
        if reporter is None or index >= len(candidates):
            continue
        target = candidates[index]
        if Report.objects.filter(reporter=reporter).of_target(target).exists():
            continue
        services.report_create(reporter=reporter, target=target, reason=reason, comment=comment)
    stdout.write(
        f"Demo moderation: {Report.objects.open().count()} open reports, "
        f"{AuditEntry.objects.count()} audit entries"
    )
