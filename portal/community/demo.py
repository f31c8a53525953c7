# ruff: noqa: E501 - demo data: long Japanese sentences read better unwrapped
"""Demo support requests (development only): ~30 realistic needs of real municipalities.

Wording follows the committee plan (ICT 利活用地域イノベーション委員会 活動方針): 行政手続のオンライン化,
AI・RPA, テレワーク, セキュリティ, 標準化, 高度無線, スマート農業 and so on. Idempotent: a request
is identified by its municipality and title; existing ones are left as they are.
"""

import datetime

from django.utils import timezone

from portal.accounts.demo import _onboard, _user
from portal.accounts.models import Role, User
from portal.community.models import (
    JoinState,
    Municipality,
    OfficialProfile,
    OfficialTitle,
    RequestState,
    SupportRequest,
    SupportRequestJoin,
    SupportRequestTransition,
    VerificationState,
)
from portal.search.index import index_objects

OFFICIALS = [
    {
        "email": "official1@example.jp",
        "display_name": "佐藤 美咲",
        "municipality": "102016",  # 群馬県前橋市
        "department": "未来創造部 デジタル推進課",
        "title": OfficialTitle.CDO,
        "title_detail": "最高デジタル責任者",
    },
    {
        "email": "official2@example.jp",
        "display_name": "田中 健一",
        "municipality": "202151",  # 長野県塩尻市
        "department": "企画政策部 DX推進課",
        "title": OfficialTitle.CIO,
        "title_detail": "課長",
    },
]


MORE_OFFICIALS = [
    (
        "official3@example.jp",
        "佐々木 亮",
        "072028",
        "企画政策部 スマートシティ推進室",
        OfficialTitle.CDO,
    ),
    ("official4@example.jp", "中村 彩", "172065", "イノベーション推進部", OfficialTitle.MANAGER),
    ("official5@example.jp", "山口 大輔", "452025", "総合政策部 デジタル統括課", OfficialTitle.CIO),
    ("official6@example.jp", "小林 智子", "016390", "総務課 情報管理係", OfficialTitle.STAFF),
    ("official7@example.jp", "松本 拓也", "390003", "総務部 デジタル政策課", OfficialTitle.CDO),
    ("official8@example.jp", "井上 真理", "152048", "総務部 行政改革課", OfficialTitle.DEPUTY),
]
PENDING_OFFICIALS = [
    (
        "kato.k@city.toyota.example.lg.jp",
        "加藤 健太",
        "232114",
        "企画政策部 DX推進課",
        OfficialTitle.MANAGER,
    ),
    ("yoshida.nara@example.com", "吉田 恵", "292010", "総合政策部 情報政策課", OfficialTitle.STAFF),
]

AUTHOR_BY_KEY = {
    "maebashi": "official1@example.jp",
    "shiojiri": "official2@example.jp",
    "aizu": "official3@example.jp",
    "kaga": "official4@example.jp",
    "miyakonojo": "official5@example.jp",
    "sarabetsu": "official6@example.jp",
    "kochi": "official7@example.jp",
    "sanjo": "official8@example.jp",
}


def _body(background: str, problem: str, wanted: str, conditions: str) -> str:
    return (
        f"## 背景\n\n{background}\n\n## 現状の課題\n\n{problem}\n\n"
        f"## 求める支援\n\n{wanted}\n\n## 条件・制約\n\n{conditions}\n"
    )


# (author key, title, summary, body parts, category, tags, budget, state, deadline offset in
#  days, visibility, joins [(author key, join state, comment)], outcome or None)
REQUESTS = [
    (
        "maebashi",
        "窓口の待ち時間を減らすオンライン申請の拡充",
        "転入・転出や証明書の申請をスマートフォンで完結させ、窓口の混雑と待ち時間を減らしたい。",
        (
            "繁忙期の3〜4月には市民課の待ち時間が最大2時間に達しています。",
            "オンライン化済みの手続は全体の2割で、本人確認と手数料の支払いが窓口に残っています。",
            "マイナンバーカードによる本人確認とキャッシュレス決済を組み込んだ電子申請の設計・構築。",
            "LGWAN 接続系との分離を前提に、ガバメントクラウド移行後も使える構成とすること。",
        ),
        "online_procedures",
        ["電子申請", "キャッシュレス", "窓口改革"],
        "10m_30m",
        "open",
        35,
        "public",
        [
            ("aizu", "accepted", "当市も転入手続の待ち時間が課題です。"),
            ("sanjo", "pending", "同じ課題を抱えています。"),
        ],
        None,
    ),
    (
        "maebashi",
        "AI-OCRとRPAによる給付金事務の自動化",
        "紙の申請書の入力とシステム登録をAI-OCRとRPAで自動化し、職員の残業を減らしたい。",
        (
            "臨時給付金の事務で延べ3,000時間の入力作業が発生しました。",
            "手書き申請書の読み取り精度と、例外処理の切り分けが課題です。",
            "AI-OCR の読取設定と RPA シナリオの作成、職員が自ら保守できる研修。",
            "個人情報を扱うため、読取処理は庁内またはLGWAN-ASP上で完結すること。",
        ),
        "ai_rpa",
        ["AI-OCR", "RPA", "業務効率化"],
        "5m_10m",
        "selecting",
        -5,
        "public",
        [],
        None,
    ),
    (
        "maebashi",
        "庁内生成AI利用ガイドラインと実証",
        "議事録要約や文書作成に生成AIを安全に使うためのガイドライン策定と試行を支援してほしい。",
        (
            "職員から生成AIの利用希望が多く寄せられています。",
            "情報漏えいのリスク評価と、使ってよい業務の線引きができていません。",
            "ガイドライン案の作成、プロンプト研修、3か月間の試行環境の提供。",
            "入力データを学習に利用しないサービスであること。",
        ),
        "ai_rpa",
        ["生成AI", "ガイドライン"],
        "1m_5m",
        "draft",
        45,
        "members",
        [],
        None,
    ),
    (
        "shiojiri",
        "テレワークによる地域就労支援ネットワークの構築",
        "子育て世代や障がいのある方が地元でテレワーク就労できるよう、仕事の受発注と支援の仕組みをつくりたい。",
        (
            "市の自営型テレワーク推進事業では約500人が登録しています。",
            "仕事の確保と品質管理、就労者のスキル育成を市が個別に担っており、拡大が難しい状況です。",
            "複数自治体で仕事を融通できるプラットフォームと、在宅就労者向けの研修プログラム。",
            "自治体連携協働就労地域モデルとして、近隣自治体も参加できる設計とすること。",
        ),
        "telework",
        ["テレワーク", "地域就労", "自治体連携"],
        "10m_30m",
        "open",
        21,
        "public",
        [
            ("sarabetsu", "accepted", "村内に在宅で働きたい住民がいます。"),
            ("kochi", "accepted", "県内市町村への展開を検討中です。"),
        ],
        None,
    ),
    (
        "shiojiri",
        "ワーケーション受入れのための通信環境整備",
        "ワーケーション拠点と観光地で安定した通信を提供するため、通信環境の調査と整備計画づくりを支援してほしい。",
        (
            "奈良井宿など観光地へのワーケーション需要が高まっています。",
            "山間部では携帯電話の電波が弱く、Wi-Fi も施設ごとにばらばらです。",
            "通信環境の現地調査、公衆Wi-Fiとローカル5Gの組合せ検討、補助金活用の提案。",
            "景観条例に配慮した機器設置とすること。",
        ),
        "wireless_5g",
        ["ワーケーション", "Wi-Fi", "ローカル5G"],
        "5m_10m",
        "open",
        14,
        "public",
        [],
        None,
    ),
    (
        "shiojiri",
        "LPWAを活用した河川水位と土砂災害の監視",
        "河川水位と斜面の変位をLPWAセンサーで常時監視し、避難情報の発令判断を早めたい。",
        (
            "近年の豪雨で市内の中小河川が氾濫危険水位に達しました。",
            "現地確認に職員が出向く必要があり、夜間の判断が遅れがちです。",
            "LPWA センサーの設置、データの可視化ダッシュボード、防災情報システムとの連携。",
            "停電時も72時間以上稼働すること。",
        ),
        "disaster",
        ["LPWA", "IoT", "水位監視", "防災"],
        "10m_30m",
        "co_creating",
        -30,
        "public",
        [("kaga", "accepted", "当市も河川監視の高度化が課題です。")],
        None,
    ),
    (
        "aizu",
        "避難所運営のデジタル化（受付・物資管理）",
        "避難所の受付をマイナンバーカードやQRコードで行い、避難者数と物資の状況をリアルタイムで把握したい。",
        (
            "総合防災訓練で、紙の名簿による受付に長い列ができました。",
            "避難者数の集計と物資の過不足の把握に半日以上かかっています。",
            "受付アプリ、避難者情報と物資在庫のダッシュボード、訓練での実証。",
            "通信途絶時もオフラインで受付ができること。",
        ),
        "disaster",
        ["避難所", "マイナンバーカード", "防災DX"],
        "5m_10m",
        "open",
        28,
        "public",
        [("miyakonojo", "pending", "避難所受付の効率化を検討しています。")],
        None,
    ),
    (
        "aizu",
        "オプトイン型データ連携基盤の活用サービス募集",
        "市民が同意したデータを活用するデータ連携基盤の上で、新しい市民向けサービスを共創したい。",
        (
            "スマートシティ会津若松として都市OSを運用しています。",
            "基盤上のサービス数が伸び悩み、市民の利用も限定的です。",
            "データ連携基盤の API を使った生活支援サービスの企画・開発。",
            "市民の同意（オプトイン）に基づくデータのみを扱うこと。",
        ),
        "data_linkage",
        ["都市OS", "データ連携", "オープンAPI"],
        "30m_100m",
        "open",
        60,
        "public",
        [],
        None,
    ),
    (
        "aizu",
        "基幹業務システム標準化の移行計画策定支援",
        "20業務の標準準拠システムへの移行計画と、ガバメントクラウドへの移行手順の整理を支援してほしい。",
        (
            "標準化の期限に向け、移行作業の全体像を整理する必要があります。",
            "既存ベンダーとの調整と、独自施策のカスタマイズの扱いが決まっていません。",
            "Fit&Gap 分析、移行計画書の作成、ベンダー調整の支援。",
            "デジタル庁の標準仕様書に準拠すること。",
        ),
        "standardisation",
        ["標準化", "ガバメントクラウド", "移行計画"],
        "10m_30m",
        "completed",
        -120,
        "public",
        [("sanjo", "accepted", "同時期に移行を予定しています。")],
        {
            "adopted": True,
            "route": "proposal",
            "budget": True,
            "lessons": "Fit&Gap分析を早く始めるほど独自カスタマイズを減らせた。近隣自治体と共同で進めたことでベンダーとの交渉力が上がった。",
        },
    ),
    (
        "kaga",
        "メタバースを活用した移住相談窓口",
        "遠方の移住希望者が仮想空間で市の職員や先輩移住者に相談できる窓口をつくりたい。",
        (
            "人口減少対策として移住促進に取り組んでいます。",
            "移住相談会は都市部での開催が中心で、参加できる人が限られています。",
            "仮想空間での相談窓口の構築と運営、相談データの分析。",
            "高齢の移住希望者でも使いやすい操作性であること。",
        ),
        "tourism",
        ["メタバース", "移住", "関係人口"],
        "5m_10m",
        "open",
        18,
        "public",
        [],
        None,
    ),
    (
        "kaga",
        "ドローン配送による中山間地域の買い物支援",
        "商店のない中山間地域へ、日用品や医薬品をドローンで配送する仕組みを実証したい。",
        (
            "山間部の集落では最寄りの商店まで車で30分以上かかります。",
            "高齢化で運転をやめる住民が増え、買い物が困難になっています。",
            "配送ルートの設計、飛行許可の取得支援、地元商店と連携した運用モデル。",
            "レベル3.5飛行に対応し、冬季の降雪時の運用方法を示すこと。",
        ),
        "transport",
        ["ドローン", "物流", "中山間地域"],
        "10m_30m",
        "selecting",
        -10,
        "public",
        [("sarabetsu", "accepted", "村内の遠隔集落で同じ課題があります。")],
        None,
    ),
    (
        "kaga",
        "電子契約の導入による契約事務の効率化",
        "工事や委託の契約を電子契約に移行し、事業者の来庁と印紙の負担をなくしたい。",
        (
            "年間約1,200件の契約を紙で締結しています。",
            "事業者の来庁、押印、郵送に時間がかかっています。",
            "電子契約サービスの選定支援と、財務会計システムとの連携。",
            "地方自治法施行規則に定める電子署名の要件を満たすこと。",
        ),
        "online_procedures",
        ["電子契約", "ペーパーレス"],
        "1m_5m",
        "completed",
        -90,
        "public",
        [],
        {
            "adopted": True,
            "route": "dmp",
            "budget": True,
            "lessons": "DMPで候補サービスを比較でき、調達期間を2か月短縮できた。事業者向け説明会を早めに開くことが定着の鍵だった。",
        },
    ),
    (
        "miyakonojo",
        "ふるさと納税返礼品の在庫・配送データ連携",
        "返礼品事業者の在庫と配送状況をポータルサイトと自動連携し、問い合わせ対応を減らしたい。",
        (
            "ふるさと納税の寄附件数は年間数十万件にのぼります。",
            "在庫切れや配送遅延の確認を事業者に電話で行っています。",
            "事業者・ポータル・市をつなぐデータ連携と、在庫の見える化。",
            "中小の事業者でも負担なく入力できること。",
        ),
        "data_linkage",
        ["ふるさと納税", "データ連携", "EC"],
        "5m_10m",
        "open",
        40,
        "public",
        [],
        None,
    ),
    (
        "miyakonojo",
        "書かない窓口に対応したタブレット受付",
        "住民が申請書を書かずに、職員と対話しながらタブレットで手続できる窓口にしたい。",
        (
            "転入時に最大15枚の申請書を記入してもらっています。",
            "記入漏れや二重記入が多く、窓口の滞在時間が長くなっています。",
            "住民基本台帳システムと連携した受付システムと、手続ナビゲーション。",
            "標準準拠システムへの移行後も継続して使えること。",
        ),
        "online_procedures",
        ["書かない窓口", "タブレット", "窓口改革"],
        "10m_30m",
        "co_creating",
        -45,
        "public",
        [("maebashi", "accepted", "当市の窓口改革と方向性が同じです。")],
        None,
    ),
    (
        "miyakonojo",
        "畜産農家向けの牛の体調モニタリング",
        "首輪型センサーで牛の発情や体調の変化を検知し、畜産農家の見回り負担を減らしたい。",
        (
            "市は畜産の産出額が全国有数です。",
            "高齢化と規模拡大で、夜間の見回りが農家の大きな負担になっています。",
            "センサー機器の導入支援、アラート通知、獣医師との情報共有。",
            "通信環境の弱い牛舎でも動作すること。",
        ),
        "smart_agriculture",
        ["畜産", "IoT", "スマート農業"],
        "5m_10m",
        "open",
        25,
        "public",
        [("sarabetsu", "pending", "酪農家から同様の要望があります。")],
        None,
    ),
    (
        "sarabetsu",
        "大規模畑作の自動操舵トラクター導入支援",
        "RTK-GNSS基地局を整備し、自動操舵トラクターで大規模畑作の省力化を進めたい。",
        (
            "1戸あたりの耕作面積は約60ヘクタールと大規模です。",
            "担い手不足で作業の熟練者に負担が集中しています。",
            "RTK 基地局の設置、補正情報の配信、農家向けの操作研修。",
            "近隣町村と基地局を共同利用できる方式とすること。",
        ),
        "smart_agriculture",
        ["自動操舵", "RTK-GNSS", "スマート農業", "畑作"],
        "10m_30m",
        "open",
        50,
        "public",
        [("miyakonojo", "accepted", "農業の担い手不足は共通の課題です。")],
        None,
    ),
    (
        "sarabetsu",
        "小規模自治体向けセキュリティ監視の共同化",
        "職員数の少ない村でも情報セキュリティの監視と事故対応ができるよう、近隣自治体と共同化したい。",
        (
            "情報担当は2名で、他の業務と兼務しています。",
            "不審な通信の検知やインシデント対応の体制がありません。",
            "複数自治体で共同利用できる監視サービスと、インシデント対応の手順書。",
            "自治体情報セキュリティクラウドとの役割分担を明確にすること。",
        ),
        "security",
        ["セキュリティ", "共同化", "小規模自治体"],
        "1m_5m",
        "open",
        12,
        "members",
        [("kochi", "accepted", "県内の小規模町村向けに共同化を検討中です。")],
        None,
    ),
    (
        "kochi",
        "県内市町村共同のAI議事録作成サービス",
        "県と市町村で共同利用できるAI議事録作成サービスを導入し、会議録作成の負担を減らしたい。",
        (
            "議会や審議会の議事録作成に多くの時間を要しています。",
            "小規模町村では単独で AI サービスを導入する予算がありません。",
            "共同調達の仕組み、方言にも対応した音声認識、各団体への導入支援。",
            "LGWAN-ASP で提供されること。",
        ),
        "ai_rpa",
        ["AI", "議事録", "共同調達"],
        "5m_10m",
        "open",
        30,
        "public",
        [("sanjo", "pending", "議会事務局の負担軽減を検討しています。")],
        None,
    ),
    (
        "kochi",
        "中山間地域のオンライン診療と服薬指導",
        "医療機関の少ない中山間地域で、公民館などを拠点にオンライン診療と服薬指導を受けられるようにしたい。",
        (
            "県内には無医地区が多く、通院が高齢者の大きな負担になっています。",
            "通信環境と、機器を操作できる支援者が不足しています。",
            "オンライン診療の拠点整備、看護師等の同席支援、薬局との連携。",
            "医療情報システムの安全管理ガイドラインに準拠すること。",
        ),
        "health_welfare",
        ["オンライン診療", "医療DX", "中山間地域"],
        "10m_30m",
        "selecting",
        -3,
        "public",
        [],
        None,
    ),
    (
        "kochi",
        "GIGAスクール端末を活用した遠隔合同授業",
        "小規模校同士をつなぐ遠隔合同授業で、少人数でも多様な学びの機会をつくりたい。",
        (
            "県内の小学校の約3割が複式学級を抱えています。",
            "端末は整備されたものの、遠隔授業の実践は一部の学校に限られています。",
            "遠隔合同授業の設計、教員研修、ネットワーク環境の改善。",
            "既存の学習支援ソフトと併用できること。",
        ),
        "education",
        ["GIGAスクール", "遠隔授業", "教育DX"],
        "1m_5m",
        "completed",
        -150,
        "public",
        [],
        {
            "adopted": False,
            "route": "",
            "budget": False,
            "lessons": "実証で効果は確認できたが、教員の負担増が課題として残った。次年度は授業支援員の配置とあわせて再検討する。",
        },
    ),
    (
        "kochi",
        "観光客の周遊データを活用した観光施策",
        "人流データとキャッシュレス決済データを組み合わせ、観光客の周遊と消費の傾向を把握したい。",
        (
            "観光客数は回復していますが、県内での滞在時間が短いままです。",
            "施策の効果を測るデータがなく、経験に頼った判断になっています。",
            "人流データ分析、観光ダッシュボード、周遊施策の効果検証。",
            "個人を特定できないデータのみを扱うこと。",
        ),
        "tourism",
        ["観光DX", "人流データ", "EBPM"],
        "5m_10m",
        "withdrawn",
        -20,
        "public",
        [],
        None,
    ),
    (
        "sanjo",
        "ものづくり企業と連携したローカル5G実証",
        "金属加工の工場でローカル5Gを使った遠隔検査と技能継承を実証したい。",
        (
            "燕三条地域は金属加工の集積地です。",
            "熟練技能者の高齢化で、技能継承と品質検査の人手不足が深刻です。",
            "ローカル5G 環境の構築、映像による遠隔検査、技能の記録と教育コンテンツ化。",
            "総務省の補助事業の活用を前提とすること。",
        ),
        "wireless_5g",
        ["ローカル5G", "ものづくり", "技能継承"],
        "30m_100m",
        "open",
        55,
        "public",
        [("kaga", "pending", "地場産業での活用を検討しています。")],
        None,
    ),
    (
        "sanjo",
        "マイナンバーカードを使った図書館・公共施設の利用",
        "マイナンバーカードを図書館カードや公共施設の予約に使えるようにし、カードの利便性を高めたい。",
        (
            "カードの交付率は上がったものの、市独自の活用場面が少ない状況です。",
            "図書館カードと施設予約の利用者登録がそれぞれ別になっています。",
            "カードを使った本人確認と利用者登録の一元化。",
            "公的個人認証サービスの利用手続を含めて支援すること。",
        ),
        "my_number",
        ["マイナンバーカード", "図書館", "公共施設予約"],
        "1m_5m",
        "open",
        9,
        "public",
        [],
        None,
    ),
    (
        "sanjo",
        "除雪車の位置情報共有システム",
        "除雪車の位置と作業状況を市民に公開し、問い合わせの電話を減らしたい。",
        (
            "大雪の日には除雪に関する問い合わせが1日数百件寄せられます。",
            "作業状況を職員が無線で確認しており、回答に時間がかかっています。",
            "GPS 端末の車載、作業状況の地図公開、委託事業者との情報共有。",
            "委託事業者の車両にも簡単に取り付けられること。",
        ),
        "transport",
        ["除雪", "GPS", "オープンデータ"],
        "1m_5m",
        "completed",
        -200,
        "public",
        [("aizu", "accepted", "冬季の問い合わせ対応が同じく課題です。")],
        {
            "adopted": True,
            "route": "negotiated",
            "budget": True,
            "lessons": "位置情報の公開で問い合わせが半減した。委託事業者への説明を冬前に済ませることが重要。",
        },
    ),
    (
        "maebashi",
        "介護認定調査のタブレット化",
        "介護認定調査を紙からタブレットに切り替え、調査票の転記と審査会資料の作成を効率化したい。",
        (
            "年間約1万件の認定調査を行っています。",
            "調査票の転記と確認に多くの時間がかかり、認定までの日数が延びています。",
            "タブレット入力アプリと介護保険システムとの連携。",
            "訪問先の通信環境が悪くても入力できること。",
        ),
        "health_welfare",
        ["介護", "タブレット", "業務効率化"],
        "5m_10m",
        "open",
        33,
        "public",
        [],
        None,
    ),
    (
        "shiojiri",
        "公共交通のオンデマンド化と予約システム",
        "利用者の少ない路線バスをAIオンデマンド交通に置き換え、予約と配車を効率化したい。",
        (
            "市内の路線バスの多くが赤字で、便数が減っています。",
            "高齢者の通院や買い物の移動手段が不足しています。",
            "AI 配車システム、電話とアプリによる予約、運行データの分析。",
            "電話予約にも対応し、デジタルに不慣れな方が利用できること。",
        ),
        "transport",
        ["オンデマンド交通", "AI配車", "MaaS"],
        "10m_30m",
        "open",
        3,
        "public",
        [
            ("kaga", "accepted", "中山間地域の移動手段が同じく課題です。"),
            ("kochi", "pending", "県内での横展開を検討しています。"),
        ],
        None,
    ),
    (
        "miyakonojo",
        "職員のテレワーク環境とセキュリティ対策",
        "LGWAN 接続系の業務も安全に在宅で行えるテレワーク環境を整備したい。",
        (
            "災害時や感染症流行時の業務継続のため、テレワークを推進しています。",
            "インターネット接続系の業務に限られ、実施できる職員が少数です。",
            "三層の対策に沿ったリモートアクセス方式の設計と試行。",
            "総務省の情報セキュリティポリシーガイドラインに準拠すること。",
        ),
        "telework",
        ["テレワーク", "セキュリティ", "BCP"],
        "5m_10m",
        "draft",
        40,
        "public",
        [],
        None,
    ),
    (
        "aizu",
        "オープンデータの利活用促進と庁内データ整備",
        "庁内のデータを整理して公開し、地域の事業者や学生がオープンデータを活用できるようにしたい。",
        (
            "オープンデータの公開件数は増えましたが、利用は限定的です。",
            "データの形式がばらばらで、更新も担当者任せになっています。",
            "データカタログの整備、公開手順の標準化、活用イベントの企画。",
            "自治体標準オープンデータセットに準拠すること。",
        ),
        "data_linkage",
        ["オープンデータ", "データカタログ"],
        "under_1m",
        "withdrawn",
        -60,
        "public",
        [],
        None,
    ),
    (
        "kaga",
        "標的型メール訓練とセキュリティ研修",
        "全職員を対象に標的型メール訓練と、役職別のセキュリティ研修を実施したい。",
        (
            "他自治体でランサムウェアの被害が報告されています。",
            "職員の意識にばらつきがあり、研修が形式的になっています。",
            "年2回の訓練メール配信、結果分析、eラーニング教材の提供。",
            "訓練結果は個人を特定せず集計すること。",
        ),
        "security",
        ["標的型メール", "研修", "セキュリティ"],
        "under_1m",
        "draft",
        20,
        "public",
        [],
        None,
    ),
    (
        "sarabetsu",
        "農業用水路の水位遠隔監視",
        "農業用水路の水位と取水ゲートを遠隔で監視し、見回りの負担と溢水の危険を減らしたい。",
        (
            "用水路の見回りは土地改良区と農家が交代で行っています。",
            "大雨の際の見回りは危険で、夜間は状況が分かりません。",
            "水位センサーとカメラの設置、スマートフォンでの確認と通知。",
            "電源のない場所でも太陽光で稼働すること。",
        ),
        "smart_agriculture",
        ["水位監視", "農業用水", "IoT"],
        "1m_5m",
        "open",
        16,
        "public",
        [("shiojiri", "accepted", "当市の農業用水路でも検討しています。")],
        None,
    ),
]


def _officials(moderator: User) -> None:
    for email, name, code, department, title in MORE_OFFICIALS:
        user = _user(email, name)
        OfficialProfile.objects.update_or_create(
            user=user,
            defaults={
                "municipality": Municipality.objects.get(code=code),
                "department": department,
                "title": title,
                "verification_state": VerificationState.VERIFIED,
                "verification_decided_by": moderator,
                "verification_decided_at": timezone.now(),
            },
        )
        _onboard(user, Role.OFFICIAL)
    for email, name, code, department, title in PENDING_OFFICIALS:
        user = _user(email, name)
        OfficialProfile.objects.get_or_create(
            user=user,
            defaults={
                "municipality": Municipality.objects.get(code=code),
                "department": department,
                "title": title,
            },
        )
        _onboard(user, Role.OFFICIAL)


def _history(support_request: SupportRequest, author: User, created: datetime.datetime) -> None:
    path = {
        RequestState.DRAFT: [],
        RequestState.OPEN: [RequestState.OPEN],
        RequestState.SELECTING: [RequestState.OPEN, RequestState.SELECTING],
        RequestState.CO_CREATING: [
            RequestState.OPEN,
            RequestState.SELECTING,
            RequestState.CO_CREATING,
        ],
        RequestState.COMPLETED: [
            RequestState.OPEN,
            RequestState.SELECTING,
            RequestState.CO_CREATING,
            RequestState.COMPLETED,
        ],
        RequestState.WITHDRAWN: [RequestState.OPEN, RequestState.WITHDRAWN],
    }[support_request.state]
    rows = [
        SupportRequestTransition(
            support_request=support_request, to_state="draft", actor=author, created_at=created
        )
    ]
    previous = RequestState.DRAFT
    for step, state in enumerate(path, start=1):
        reason = "予算の見直しにより今年度の実施を見送ります。" if state == "withdrawn" else ""
        rows.append(
            SupportRequestTransition(
                support_request=support_request,
                from_state=previous,
                to_state=state,
                actor=author,
                reason=reason,
                created_at=created + datetime.timedelta(days=step * 7),
            )
        )
        previous = state
    SupportRequestTransition.objects.bulk_create(rows)


def _create(index: int, row, users: dict, today: datetime.date) -> SupportRequest | None:
    (author_key, title, summary, parts, category, tags, budget, state, offset, visibility) = row[
        :10
    ]
    joins, outcome = row[10:]
    author = users[AUTHOR_BY_KEY[author_key]]
    municipality = author.official_profile.municipality
    if SupportRequest.objects.filter(municipality=municipality, title=title).exists():
        return None
    created = timezone.now() - datetime.timedelta(days=90 - index * 2)
    support_request = SupportRequest.objects.create(
        municipality=municipality,
        author=author,
        title=title,
        summary=summary,
        body=_body(*parts),
        category=category,
        budget_range=budget,
        proposal_deadline=today + datetime.timedelta(days=offset),
        expected_start=today + datetime.timedelta(days=max(offset, 0) + 60),
        visibility=visibility,
        state=state,
        published_at=None if state == "draft" else created + datetime.timedelta(days=7),
        municipality_count=1 + sum(1 for _k, s, _c in joins if s == "accepted"),
        **_outcome_fields(outcome, created),
    )
    support_request.tags.set(tags)
    _history(support_request, author, created)
    for joiner_key, join_state, comment in joins:
        joiner = users[AUTHOR_BY_KEY[joiner_key]]
        SupportRequestJoin.objects.create(
            support_request=support_request,
            municipality=joiner.official_profile.municipality,
            requested_by=joiner,
            comment=comment,
            state=join_state,
            decided_by=author if join_state != JoinState.PENDING else None,
            decided_at=timezone.now() if join_state != JoinState.PENDING else None,
        )
    return support_request


def _outcome_fields(outcome, created) -> dict:
    if not outcome:
        return {}
    return {
        "completed_at": created + datetime.timedelta(days=60),
        "outcome_adopted": outcome["adopted"],
        "outcome_contract_route": outcome["route"],
        "outcome_budget_secured": outcome["budget"],
        "outcome_lessons": outcome["lessons"],
    }


def _demo_login_officials(moderator: User) -> None:
    for data in OFFICIALS:
        user = _user(data["email"], data["display_name"])
        OfficialProfile.objects.update_or_create(
            user=user,
            defaults={
                "municipality": Municipality.objects.get(code=data["municipality"]),
                "department": data["department"],
                "title": data["title"],
                "title_detail": data["title_detail"],
                "verification_state": VerificationState.VERIFIED,
                "verification_decided_by": moderator,
                "verification_decided_at": timezone.now(),
            },
        )
        _onboard(user, Role.OFFICIAL)


def seed(stdout) -> None:
    moderator = User.objects.get(email="moderator@example.jp")
    _demo_login_officials(moderator)
    _officials(moderator)
    users = {user.email: user for user in User.objects.filter(email__in=AUTHOR_BY_KEY.values())}
    today = timezone.localdate()
    created = [_create(i, row, users, today) for i, row in enumerate(REQUESTS)]
    pks = [item.pk for item in created if item is not None]
    index_objects(
        SupportRequest,
        SupportRequest.objects.filter(pk__in=pks)
        .select_related("municipality")
        .prefetch_related("tags"),
    )
    stdout.write(f"Demo support requests: {len(pks)} created, {len(REQUESTS)} in the set")
    stdout.write(
        "More verified officials (same password): "
        + ", ".join(
            f"{email} ({Municipality.objects.get(code=code).full_name})"
            for email, _n, code, _d, _t in MORE_OFFICIALS
        )
    )
