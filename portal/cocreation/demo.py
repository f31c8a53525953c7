"""Demo channels (development only): a co-creation pairing and the committee's WG/TF channels.

Idempotent: channels are found by name, messages by their fixed client_id (the same idempotency
key the socket uses), so running seed_demo again changes nothing.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from portal.cocreation.models import (
    Channel,
    ChannelKind,
    MemberRole,
    Membership,
    MembershipState,
    Message,
    Privacy,
)
from portal.cocreation.services import message_post

PAIRING_NAME = "前橋市 電子申請の窓口負担軽減 × 株式会社ミライ行政テック"
PAIRING_DESCRIPTION = (
    "支援要請「子育て関連手続のオンライン化と窓口負担の軽減」で選定された提案の共創チャンネルです。"
)

# (author email, minutes before now, text)
PAIRING_CONVERSATION = [
    (
        "official1@example.jp",
        4320,
        "ミライ行政テックの皆さま、提案の選定おめでとうございます。前橋市デジタル推進課の佐藤です。これからよろしくお願いいたします。",
    ),
    (
        "startup1@example.com",
        4310,
        "佐藤様、ありがとうございます。株式会社ミライ行政テックの鈴木です。まずは現状の窓口業務を把握させていただければと思います。",
    ),
    (
        "official1@example.jp",
        4300,
        "対象は**児童手当の現況届**と**保育所入所申込**の2手続です。昨年度の窓口件数は合わせて約3,200件でした。",
    ),
    (
        "startup1@example.com",
        4200,
        "承知しました。申請様式と、窓口で確認している項目の一覧を共有いただけますか。マイナンバーカードによる本人確認の範囲も確認したいです。",
    ),
    (
        "official1@example.jp",
        2880,
        "様式一式と確認項目の一覧を庁内で整理しました。来週、こども課の担当者も交えて打合せをお願いできますか。",
    ),
    (
        "startup1@example.com",
        2870,
        "はい、来週火曜の14時はいかがでしょうか。オンラインでも現地でも対応できます。",
    ),
    (
        "official1@example.jp",
        2860,
        "火曜14時、現地でお願いします。場所は本庁舎3階の会議室です。LGWAN環境の制約についてもその場でご説明します。",
    ),
    (
        "startup1@example.com",
        1440,
        "本日の打合せありがとうございました。議事メモを共有します。\n1. 現況届は電子申請へ全面移行\n2. 保育所入所申込は添付書類の電子化から着手\n3. 庁内の審査画面は既存の基幹系と連携しない形で開始",
    ),
    (
        "official1@example.jp",
        1430,
        "議事メモの確認をしました。3点目は情報政策課とも合意済みです。費用は今年度の**デジタル田園都市国家構想交付金**の活用を想定しています。",
    ),
    (
        "startup1@example.com",
        300,
        "試作版の申請フォームを用意しました。スマートフォンで5分以内に入力できることを目標にしています。ご確認をお願いします。",
    ),
    (
        "official1@example.jp",
        120,
        "試作版を確認しました。入力項目がかなり減っていて良いと思います。ふりがなの自動入力は可能でしょうか。",
    ),
    (
        "startup1@example.com",
        60,
        "ふりがなは、マイナンバーカードの券面事項入力補助では取得できないため、入力欄として残します。代わりに入力例を表示します。",
    ),
    (
        "startup1@example.com",
        55,
        "あわせて、窓口職員向けの審査画面の画面案を来週中にお送りします。",
    ),
]

COMMUNITY_CHANNELS = [
    {
        "name": "インフラプラットフォームWG",
        "kind": ChannelKind.WORKING_GROUP,
        "privacy": Privacy.OPEN,
        "description": "官民にまたがるデータ流通、AIやIoTの活用によるイノベーションの創造を担当します。高度無線技術利活用の先進事例の収集・分析と情報発信を行います。",
        "messages": [
            (
                "moderator@example.jp",
                2000,
                "インフラプラットフォームWGのチャンネルです。高度無線技術の先進事例や現地視察の情報を共有してください。",
            ),
            (
                "official2@example.jp",
                1500,
                "塩尻市の田中です。ローカル5Gの実証で得た知見を共有できます。",
            ),
        ],
    },
    {
        "name": "ICT利活用WG",
        "kind": ChannelKind.WORKING_GROUP,
        "privacy": Privacy.OPEN,
        "description": "ICTを利用し地域課題を解決する優良事例の収集と横展開、マッチング、ICTを活用した自治体の課題解決手法の検討を行います。",
        "messages": [
            (
                "moderator@example.jp",
                2500,
                "ICT利活用WGのチャンネルです。優良事例の横展開に向けて、各自治体の取組を共有しましょう。",
            ),
            (
                "official1@example.jp",
                2400,
                "前橋市の佐藤です。子育て手続のオンライン化について、スタートアップと共創を始めました。進捗を共有します。",
            ),
            (
                "startup1@example.com",
                2300,
                "ミライ行政テックの鈴木です。他の自治体でも同じ様式で展開できるよう、設定項目を整理しています。",
            ),
        ],
    },
    {
        "name": "高度無線利活用検討TF",
        "kind": ChannelKind.TASK_FORCE,
        "privacy": Privacy.VERIFIED,
        "description": "高度無線技術の追跡調査、補助金等支援制度の動向、シームレス無線活用事例の調査研究、スマート農業の先行事例調査と標準パターンのモデルづくりを行います。",
        "messages": [
            (
                "moderator@example.jp",
                1800,
                "スマート農業の先行事例調査について、通信基盤のシステム構成と要望ヒアリングの結果をこちらに集約します。",
            ),
            (
                "official2@example.jp",
                1700,
                "塩尻市では水田の水位センサーにLPWAを使っています。農産物別の標準パターンづくりに協力できます。",
            ),
        ],
    },
    {
        "name": "テレワークによる社会課題解決検討TF",
        "kind": ChannelKind.TASK_FORCE,
        "privacy": Privacy.VERIFIED,
        "description": "テレワークによる自治体連携協働就労地域モデル、地域共生社会モデル、テレワーク・ワーケーションの地域通信インフラ支援を検討します。",
        "messages": [
            (
                "moderator@example.jp",
                1600,
                "総務省の実証事業「テレワークによる自治体連携協働就労地域モデル構築の実証」の進め方を相談しましょう。",
            ),
        ],
    },
    {
        "name": "地域DX・自治体DX推進検討TF",
        "kind": ChannelKind.TASK_FORCE,
        "privacy": Privacy.OPEN,
        "description": "TFとJCCの連携体制、自治体CDO・CIOへの支援策、スタートアップ企業を中心としたDX企業への支援策を検討します。",
        "messages": [
            (
                "moderator@example.jp",
                1400,
                "JCCとの連携体制について、CDO・CIOの皆さまのご意見をお寄せください。",
            ),
            (
                "official1@example.jp",
                1300,
                "民間出身CDOとして、庁内での予算化の進め方を共有する勉強会があると助かります。",
            ),
            (
                "startup1@example.com",
                1200,
                "スタートアップ側からは、随意契約やプロポーザルの手続の違いを学べる資料があるとありがたいです。",
            ),
        ],
    },
]


def _users(emails):
    found = {u.email: u for u in get_user_model().objects.filter(email__in=set(emails))}
    return found


def _channel(*, name, kind, privacy, description, owner) -> Channel:
    channel, _created = Channel.objects.get_or_create(
        name=name,
        kind=kind,
        defaults={"privacy": privacy, "description": description, "owner": owner},
    )
    return channel


def _member(channel, user, role=MemberRole.MEMBER) -> None:
    Membership.objects.get_or_create(
        channel=channel, user=user, defaults={"role": role, "state": MembershipState.ACTIVE}
    )


def _converse(channel, conversation, people, prefix) -> None:
    now = timezone.now()
    for index, (email, minutes_ago, text) in enumerate(conversation):
        message, created = message_post(
            channel_id=channel.pk,
            author=people[email],
            body=text,
            client_id=f"demo-{prefix}-{index:04d}",
        )
        if created:
            when = now - timedelta(minutes=minutes_ago)
            Message.objects.filter(pk=message.pk).update(created_at=when, updated_at=when)
            Channel.objects.filter(pk=channel.pk).update(last_message_at=when)


def seed(stdout) -> None:
    emails = ["official1@example.jp", "official2@example.jp", "startup1@example.com"]
    people = _users([*emails, "moderator@example.jp"])
    moderator, official1 = people["moderator@example.jp"], people["official1@example.jp"]
    startup1 = people["startup1@example.com"]

    pairing = _channel(
        name=PAIRING_NAME,
        kind=ChannelKind.SUPPORT_REQUEST,
        privacy=Privacy.PRIVATE,
        description=PAIRING_DESCRIPTION,
        owner=official1,
    )
    _member(pairing, official1, MemberRole.OWNER)
    _member(pairing, startup1)
    _converse(pairing, PAIRING_CONVERSATION, people, "pairing")
    # Leave the startup's last replies unread for the official, to show the unread marker.
    Membership.objects.filter(channel=pairing, user=official1).update(
        last_read_seq=max(pairing.messages.count() - 3, 0)
    )

    for number, spec in enumerate(COMMUNITY_CHANNELS):
        channel = _channel(
            name=spec["name"],
            kind=spec["kind"],
            privacy=spec["privacy"],
            description=spec["description"],
            owner=moderator,
        )
        _member(channel, moderator, MemberRole.OWNER)
        for email, _minutes, _text in spec["messages"]:
            _member(channel, people[email])
        _converse(channel, spec["messages"], people, f"community{number}")
    stdout.write(f"Demo channels: {Channel.objects.count()}")
