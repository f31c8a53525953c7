"""Demo startups (development only): ~15 realistic Japanese GovTech/RegionTech companies."""

from django.utils import timezone

from portal.accounts.demo import DEMO_PASSWORD
from portal.accounts.models import Role, User
from portal.community.models import Municipality, OfficialProfile, VerificationState
from portal.startups.models import (
    MemberRole,
    Startup,
    StartupAlert,
    StartupCategory,
    StartupMember,
    TrackRecord,
    TrackRecordState,
)
from portal.startups.validators import corporate_number_check_digit

# slug, name, HQ prefecture, stage, size, categories, tags, summary, owner (email, name), verified
STARTUPS = [
    (
        "mirai-gyosei-tech",
        "株式会社ミライ行政テック",
        "13",
        "growth",
        "50-299",
        ["online_procedures", "my_number", "ai_rpa"],
        ["電子申請", "ノーコード", "LINE"],
        "行政手続のオンライン化とノーコード電子申請で、窓口に来なくてよい自治体をつくります。",
        ("startup1@example.com", "鈴木 翔太"),
        True,
    ),
    (
        "agrisense",
        "アグリセンス合同会社",
        "20",
        "early",
        "1-9",
        ["smart_agriculture", "wireless_5g"],
        ["LPWA", "水田センサー", "IoT"],
        "LPWAとセンサーで水田の水位と気象を見える化し、スマート農業の導入を支援します。",
        ("startup2@example.com", "高橋 由紀"),
        False,
    ),
    (
        "bosai-link",
        "株式会社防災リンク",
        "22",
        "growth",
        "10-49",
        ["disaster", "data_linkage"],
        ["避難所", "防災DX", "GIS"],
        "避難所の混雑状況と備蓄をリアルタイムに共有する防災プラットフォームを提供します。",
        ("bosai@example.com", "伊藤 大輔"),
        True,
    ),
    (
        "kaigo-connect",
        "ケアコネクト株式会社",
        "27",
        "growth",
        "50-299",
        ["health_welfare", "data_linkage"],
        ["介護", "見守り", "地域包括ケア"],
        "地域包括ケアの多職種連携を支える情報共有サービスを開発しています。",
        ("care@example.com", "渡辺 恵"),
        True,
    ),
    (
        "edu-cloud-lab",
        "エデュクラウドラボ株式会社",
        "40",
        "early",
        "10-49",
        ["education"],
        ["GIGAスクール", "校務DX", "クラウド"],
        "GIGAスクール端末の活用と校務のクラウド化を伴走支援します。",
        ("edu@example.com", "山口 亮"),
        True,
    ),
    (
        "local5g-works",
        "ローカル5Gワークス株式会社",
        "04",
        "growth",
        "10-49",
        ["wireless_5g", "smart_agriculture", "tourism"],
        ["ローカル5G", "高度無線", "遠隔監視"],
        "ローカル5Gと高度無線環境の設計・構築・運用を一貫して支援します。",
        ("5g@example.com", "中村 拓也"),
        True,
    ),
    (
        "telework-furusato",
        "ふるさとテレワーク株式会社",
        "32",
        "early",
        "1-9",
        ["telework"],
        ["テレワーク", "ワーケーション", "地域雇用"],
        "サテライトオフィスとテレワークで、地方に新しい雇用をつくります。",
        ("telework@example.com", "小林 早紀"),
        True,
    ),
    (
        "secure-gov",
        "セキュアガバメント株式会社",
        "13",
        "mature",
        "300+",
        ["security", "standardisation"],
        ["三層分離", "ゼロトラスト", "ガバメントクラウド"],
        "自治体情報セキュリティ対策とガバメントクラウド移行を支援します。",
        ("secure@example.com", "加藤 誠"),
        True,
    ),
    (
        "machi-data",
        "株式会社まちデータ",
        "26",
        "seed",
        "1-9",
        ["data_linkage", "transport"],
        ["オープンデータ", "データ連携基盤", "都市OS"],
        "データ連携基盤とオープンデータで、まちの意思決定を支えます。",
        ("data@example.com", "吉田 彩"),
        False,
    ),
    (
        "mobility-mura",
        "モビリティむら株式会社",
        "38",
        "early",
        "10-49",
        ["transport"],
        ["デマンド交通", "MaaS", "高齢者"],
        "中山間地域のデマンド交通とMaaSで、高齢者の移動を支えます。",
        ("mobility@example.com", "佐々木 健"),
        True,
    ),
    (
        "kanko-dx",
        "観光DXパートナーズ株式会社",
        "47",
        "growth",
        "10-49",
        ["tourism", "data_linkage"],
        ["観光DX", "人流データ", "多言語"],
        "人流データと多言語案内で、観光地の混雑緩和と消費拡大を支援します。",
        ("kanko@example.com", "比嘉 美奈"),
        True,
    ),
    (
        "rpa-town",
        "RPAタウン株式会社",
        "23",
        "growth",
        "50-299",
        ["ai_rpa", "online_procedures"],
        ["RPA", "AI-OCR", "業務改革"],
        "AI-OCRとRPAで、税・福祉の定型業務を自動化します。",
        ("rpa@example.com", "松本 直樹"),
        True,
    ),
    (
        "mynumber-plus",
        "マイナプラス株式会社",
        "14",
        "early",
        "10-49",
        ["my_number", "online_procedures"],
        ["マイナンバーカード", "公金受取口座", "書かない窓口"],
        "マイナンバーカードを活用した「書かない窓口」を実現します。",
        ("mynumber@example.com", "井上 千尋"),
        False,
    ),
    (
        "nouson-drone",
        "農村ドローン株式会社",
        "05",
        "seed",
        "1-9",
        ["smart_agriculture", "disaster", "transport"],
        ["ドローン", "農薬散布", "被災調査", "物流"],
        "ドローンによる農薬散布、災害時の被災状況調査、中山間地域へのドローン配送を提供します。",
        ("drone@example.com", "斎藤 光"),
        True,
    ),
    (
        "hyojunka-support",
        "標準化サポート合同会社",
        "01",
        "early",
        "1-9",
        ["standardisation", "security"],
        ["システム標準化", "移行支援", "PMO"],
        "基幹業務システムの標準化・ガバメントクラウド移行のPMOを担います。",
        ("hyojun@example.com", "木村 悠"),
        True,
    ),
]

# The startup the demo data intends for each request (by title): on the demo data, matching must
# rank it in the request's top three (tests/startups/test_matching_quality.py).
INTENDED_MATCHES = {
    "窓口の待ち時間を減らすオンライン申請の拡充": "mirai-gyosei-tech",
    "AI-OCRとRPAによる給付金事務の自動化": "rpa-town",
    "庁内生成AI利用ガイドラインと実証": "rpa-town",
    "テレワークによる地域就労支援ネットワークの構築": "telework-furusato",
    "ワーケーション受入れのための通信環境整備": "local5g-works",
    "LPWAを活用した河川水位と土砂災害の監視": "bosai-link",
    "避難所運営のデジタル化（受付・物資管理）": "bosai-link",
    "オプトイン型データ連携基盤の活用サービス募集": "machi-data",
    "基幹業務システム標準化の移行計画策定支援": "hyojunka-support",
    "ドローン配送による中山間地域の買い物支援": "nouson-drone",
    "書かない窓口に対応したタブレット受付": "mynumber-plus",
    "畜産農家向けの牛の体調モニタリング": "agrisense",
    "小規模自治体向けセキュリティ監視の共同化": "secure-gov",
    "県内市町村共同のAI議事録作成サービス": "rpa-town",
    "中山間地域のオンライン診療と服薬指導": "kaigo-connect",
    "GIGAスクール端末を活用した遠隔合同授業": "edu-cloud-lab",
    "観光客の周遊データを活用した観光施策": "kanko-dx",
    "ものづくり企業と連携したローカル5G実証": "local5g-works",
    "マイナンバーカードを使った図書館・公共施設の利用": "mynumber-plus",
    "除雪車の位置情報共有システム": "machi-data",
    "介護認定調査のタブレット化": "kaigo-connect",
    "公共交通のオンデマンド化と予約システム": "mobility-mura",
    "職員のテレワーク環境とセキュリティ対策": "telework-furusato",
    "オープンデータの利活用促進と庁内データ整備": "machi-data",
    "標的型メール訓練とセキュリティ研修": "secure-gov",
    "農業用水路の水位遠隔監視": "agrisense",
}

# startup slug → (municipality code, category, project, year, confirmed)
TRACK_RECORDS = {
    "mirai-gyosei-tech": [
        ("102016", "online_procedures", "子育て関連手続のオンライン化", 2024, True),
        ("202151", "online_procedures", "証明書コンビニ交付と電子申請の連携", 2025, True),
    ],
    "agrisense": [("202151", "smart_agriculture", "水田水位センサーの実証", 2025, True)],
    "bosai-link": [
        ("102016", "disaster", "避難所混雑状況の可視化", 2025, True),
        ("221309", "disaster", "防災訓練での避難所受付DX", 2024, False),
    ],
    "local5g-works": [("202151", "wireless_5g", "ローカル5Gによるぶどう畑の遠隔監視", 2024, True)],
    "rpa-town": [("102016", "ai_rpa", "市民税申告書のAI-OCR読取", 2023, True)],
    "telework-furusato": [
        ("202151", "telework", "サテライトオフィス誘致とテレワーク人材育成", 2024, True)
    ],
}


# Saved searches, so that a request published in the demo tells the startups it matches:
# slug, alert name, categories, prefecture codes, keywords.
ALERTS = [
    (
        "mirai-gyosei-tech",
        "電子申請・窓口DXの募集",
        ["online_procedures", "my_number"],
        [],
        "申請 窓口",
    ),
    ("agrisense", "群馬・長野のスマート農業", ["smart_agriculture"], ["10", "20"], ""),
]


def _seed_alerts() -> None:
    for slug, name, categories, prefectures, keywords in ALERTS:
        startup = Startup.objects.get(slug=slug)
        alert, created = StartupAlert.objects.get_or_create(
            startup=startup,
            name=name,
            defaults={
                "categories": categories,
                "keywords": keywords,
                "created_by": startup.members.filter(role=MemberRole.OWNER).first().user,
            },
        )
        if created:
            alert.prefectures.set(prefectures)


def _owner(email: str, name: str) -> User:
    user, created = User.objects.get_or_create(
        email=email,
        defaults={"display_name": name, "role": Role.STARTUP, "onboarded_at": timezone.now()},
    )
    if created:
        from allauth.account.models import EmailAddress

        user.set_password(DEMO_PASSWORD)
        user.save()
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    return user


def _official_of(code: str):
    profile = (
        OfficialProfile.objects.filter(
            municipality_id=code, verification_state=VerificationState.VERIFIED
        )
        .select_related("user")
        .first()
    )
    return profile.user if profile else None


def demo_corporate_number(position: int) -> str:
    """A 法人番号 with a valid check digit under registry code 9999, which no registry office
    uses: a demo number never points at a real company on the 国税庁 site."""
    base = f"9999{position:08d}"
    return f"{corporate_number_check_digit(base)}{base}"


def seed(stdout) -> None:
    now = timezone.now()
    for position, (
        slug,
        name,
        hq,
        stage,
        size,
        categories,
        tags,
        summary,
        (
            email,
            person,
        ),
        verified,
    ) in enumerate(STARTUPS, start=1):
        startup, _ = Startup.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "hq_prefecture_id": hq,
                "stage": stage,
                "size": size,
                "summary": summary,
                "website": f"https://{slug}.example.com",
                "corporate_number": demo_corporate_number(position),
                "verification_state": VerificationState.VERIFIED
                if verified
                else VerificationState.PENDING,
                "verification_decided_at": now if verified else None,
            },
        )
        for category in categories:
            StartupCategory.objects.get_or_create(startup=startup, category=category)
        startup.tags.add(*tags)
        owner = _owner(email, person)
        if not StartupMember.objects.filter(user=owner).exists():
            StartupMember.objects.create(startup=startup, user=owner, role=MemberRole.OWNER)
        for code, category, title, year, confirmed in TRACK_RECORDS.get(slug, []):
            official = _official_of(code) if confirmed else None
            TrackRecord.objects.get_or_create(
                startup=startup,
                municipality=Municipality.objects.get(code=code),
                title=title,
                defaults={
                    "category": category,
                    "year": year,
                    "claimed_by": owner,
                    "state": TrackRecordState.CONFIRMED if official else TrackRecordState.PENDING,
                    "decided_by": official,
                    "decided_at": now if official else None,
                },
            )
    _seed_alerts()
    from portal.search.index import index_objects

    index_objects(Startup, Startup.objects.prefetch_related("tags", "categories"))
    stdout.write(f"Demo startups: {Startup.objects.count()}")
