# ruff: noqa: E501 -- demo prose in Japanese reads better unwrapped.
"""Demo texts in the wording of the committee's 2023 activity plan (shared/seed/000_*.txt)."""

from portal.cms.models import (
    CostBand,
    EventFormat,
    EventKind,
    GroupKind,
    MemberRole,
    Ministry,
    SizeBand,
)
from portal.core.categories import ContractRoute, DXCategory

DEMO_NOTICE = (
    "このページはデモ用のサンプル事例です。自治体名は実在しますが、記載している取組の内容・数値・"
    "事業者名は説明用の架空のものです。"
)
SUBSIDY_NOTICE = (
    "デモ用の掲載です。制度名は実在の制度を参考にしていますが、補助率・上限額・締切はデモ用の仮の値です。"
    "申請の際は必ず所管府省の公募要領をご確認ください。"
)
MEMBERS_NOTICE = "メンバー表はデモ用の架空の氏名・所属です。"

HOME_INTRO = (
    "<p>ICT利活用地域イノベーション委員会と Japan CDO Community（JCC）が運営する、"
    "地域DX・自治体DXのための共創の場です。先進事例の収集・体系化・情報発信から、"
    "自治体CDO・CIOとスタートアップの共創、先進事例の横展開までを支援します。</p>"
)

ABOUT = {
    "title": "このポータルについて",
    "intro": "「全国どこでも誰もが便利で快適に暮らせる社会」の実現に向けて、官民の連携を支える場です。",
    "body": [
        {"type": "heading_block", "value": {"heading_text": "ポータルの目的", "size": "h2"}},
        {
            "type": "paragraph_block",
            "value": "<p>官民にまたがるデータ流通、AI や IoT の活用によるイノベーションの創造に向けて、"
            "先進事例の収集、分析と課題ならびに解決策の体系化、情報発信、そして先進事例の導入に関する"
            "自治体支援を行います。</p>",
        },
        {
            "type": "paragraph_block",
            "value": "<p>自治体CDO・CIOが支援を求める課題を投稿し、スタートアップ企業等が提案し、"
            "選ばれたチームが共創チャンネルで解決に取り組みます。成果は先進事例として公開し、"
            "次の自治体への横展開につなげます。</p>",
        },
    ],
}

COMMUNITY = {
    "title": "コミュニティ",
    "intro": (
        "民間出身のCDO・CIOを中心とする Japan CDO Community（JCC）と、ICT利活用地域イノベーション"
        "委員会のワーキンググループ（WG）・タスクフォース（TF）の活動を紹介します。"
    ),
    "website_url": "https://jcc.example.jp/",
    "body": [
        {
            "type": "heading_block",
            "value": {"heading_text": "Japan CDO Community（JCC）", "size": "h2"},
        },
        {
            "type": "paragraph_block",
            "value": "<p>地域DX・自治体DXの推進には、地域内外の産官学のあらゆる資源の活用が欠かせません。"
            "JCCは民間人材のポテンシャルが最大限に活かせる環境づくりを目指し、CDO・CIO同士の連携と、"
            "あらたな地域サービス構築を担う事業者との共創を進めています。</p>",
        },
        {"type": "heading_block", "value": {"heading_text": "委員会の体制", "size": "h2"}},
        {
            "type": "paragraph_block",
            "value": "<p>委員会の配下に「ICT利活用ワーキンググループ」と「インフラプラットフォーム"
            "ワーキンググループ」の二つのWGを設置し、テーマに応じた具体活動はWG内にタスクフォースを"
            "立ち上げて実施しています。</p>",
        },
    ],
}

GROUPS = [
    {
        "slug": "infra-platform-wg",
        "title": "インフラプラットフォームワーキンググループ",
        "short_name": "インフラプラットフォームWG",
        "kind": GroupKind.WORKING_GROUP,
        "intro": "イノベーションを支える高度無線技術の利活用について、先進事例の収集・分析・現地視察・情報発信を行います。",
        "activities": [
            (
                "高度無線技術利活用先進事例の収集",
                "ローカル5G・地域BWA・LPWA等の活用事例を全国から収集します。",
            ),
            ("高度無線技術利活用の先進事例の分析", "収集した事例の課題と解決策を体系化します。"),
            (
                "先進事例調査のための現地視察",
                "先行自治体を訪問し、システム構成と運用を調査します。",
            ),
            ("先進事例等に関する情報発信", "報告書とポータルで成果を公開します。"),
        ],
        "members": [
            (MemberRole.CHAIR, "青木 誠", "東都大学 情報通信研究センター"),
            (MemberRole.VICE_CHAIR, "石井 真理", "北陸ネットワーク株式会社"),
            (MemberRole.MEMBER, "上田 亮", "中央通信システム株式会社"),
            (MemberRole.SECRETARIAT, "事務局", "ICT利活用地域イノベーション委員会 事務局"),
        ],
        "body": [
            "本WGは「官民にまたがるデータ流通、AI や IoT の活用によるイノベーションの創造」を担当します。"
        ],
    },
    {
        "slug": "wireless-tf",
        "parent": "infra-platform-wg",
        "title": "高度無線利活用検討タスクフォース",
        "short_name": "高度無線利活用検討TF",
        "kind": GroupKind.TASK_FORCE,
        "intro": "ワイヤレスネットワーク社会を変革しうる先進技術・政府動向の追跡と、スマート農業への取組を進めます。",
        "activities": [
            (
                "高度無線技術の追跡調査",
                "「デジタル時代における放送制度改革」も含め、先進技術動向・政府動向を継続調査します。",
            ),
            (
                "高度無線関連補助金等支援制度の追跡調査",
                "補助金等支援制度の動向について情報提供します。",
            ),
            (
                "シームレス無線活用事例等の調査研究",
                "注目すべき多様なネットワーク活用事例を調査します。",
            ),
            (
                "スマート農業への取組",
                "先行事例調査（通信基盤のシステム構成調査、要望ヒアリング）と、農産物別・業種別の標準パターンのモデルづくりを検討します。",
            ),
        ],
        "members": [
            (MemberRole.LEADER, "遠藤 拓海", "みらい無線技術研究所"),
            (MemberRole.MEMBER, "大西 彩", "アグリネット東日本株式会社"),
            (MemberRole.MEMBER, "小川 大輔", "西日本ワイヤレス株式会社"),
        ],
        "body": ["補助金等支援制度の最新情報は「補助金・支援制度」のページにまとめています。"],
    },
    {
        "slug": "ict-wg",
        "title": "ICT利活用ワーキンググループ",
        "short_name": "ICT利活用WG",
        "kind": GroupKind.WORKING_GROUP,
        "intro": "ICTを利用し地域課題を解決する優良事例の収集と横展開、マッチング、自治体の課題解決手法の検討を行います。",
        "activities": [
            (
                "優良事例の収集と横展開",
                "地域課題を解決した優良事例を収集し、他の自治体への横展開を支援します。",
            ),
            ("マッチングサービス", "自治体の課題と事業者の解決策をつなぎます。"),
            (
                "ICTを活用した自治体の課題解決手法の検討",
                "手法を体系化し、ICT利活用サミットで発表します。",
            ),
        ],
        "members": [
            (MemberRole.CHAIR, "加藤 修", "関東情報大学 公共政策学部"),
            (MemberRole.VICE_CHAIR, "木村 陽子", "株式会社地域デジタル総研"),
            (MemberRole.MEMBER, "工藤 直樹", "自治体CDO（民間出身）"),
            (MemberRole.SECRETARIAT, "事務局", "ICT利活用地域イノベーション委員会 事務局"),
        ],
        "body": [
            "本WGは「誰もが新たな働き方・住まい方を享受できる共生社会の実現」と"
            "「地域DX・自治体DXを推進する官民連携体制の強化」も担当します。"
        ],
    },
    {
        "slug": "telework-tf",
        "parent": "ict-wg",
        "title": "テレワークによる社会課題解決検討タスクフォース",
        "short_name": "テレワークによる社会課題解決検討TF",
        "kind": GroupKind.TASK_FORCE,
        "intro": "テレワークを活用して個人の生活に合わせた働き方ができる社会を目指し、地域の複数の政策課題の解決に取り組みます。",
        "activities": [
            (
                "テレワークによる自治体連携協働就労地域モデル構築検討",
                "複数の自治体が連携して仕事を切り出し、地域で働ける仕組みをつくります。",
            ),
            (
                "テレワークによる地域共生社会モデル構築検討",
                "子育て・介護中の方や障がいのある方の就労を支えます。",
            ),
            (
                "テレワーク・ワーケーションの地域通信インフラ支援検討",
                "通信環境の整備について支援の方向性を検討します。",
            ),
        ],
        "members": [
            (MemberRole.LEADER, "佐々木 恵", "一般社団法人 地域ワークデザイン"),
            (MemberRole.MEMBER, "清水 健太", "信州テレワーク協議会"),
        ],
        "body": [
            "本TFは活動の一環として、テレワークによる自治体連携協働就労地域モデル構築の実証に取り組んでいます。"
        ],
    },
    {
        "slug": "regional-dx-tf",
        "parent": "ict-wg",
        "title": "地域DX・自治体DX推進検討タスクフォース",
        "short_name": "地域DX・自治体DX推進検討TF",
        "kind": GroupKind.TASK_FORCE,
        "intro": "JCCの取組と連携し、民間人材の活用を推進するとともに、CDO・CIOと連携して地域サービスを担う事業者の活動の場を広げます。",
        "activities": [
            (
                "TFとJCCの連携体制についての検討",
                "JCCと委員会の役割分担と連携の進め方を検討します。",
            ),
            ("自治体CDO・CIO支援策の検討", "CDO・CIOへの具体的な支援策を検討します。"),
            (
                "スタートアップ企業を中心としたDX企業支援策の検討",
                "自治体との共創によるスタートアップ支援を検討します。",
            ),
        ],
        "members": [
            (MemberRole.LEADER, "高田 直子", "Japan CDO Community 運営メンバー"),
            (MemberRole.MEMBER, "中村 悠", "スタートアップ支援機構"),
        ],
        "body": ["このポータルは本TFの検討から生まれました。"],
    },
]

SUBSIDY_INDEX = {
    "title": "補助金・支援制度",
    "intro": "地域DX・自治体DXに使える国・都道府県の補助金等支援制度を、締切が近い順に紹介します。",
}

SUBSIDIES = [
    {
        "slug": "digital-denen-kofukin",
        "title": "デジタル田園都市国家構想交付金（デジタル実装タイプ）",
        "intro": "デジタルを活用した地域の課題解決や魅力向上の取組を支援する交付金です。",
        "ministry": Ministry.CABINET_OFFICE,
        "window": "内閣府 地方創生推進事務局（デモ）",
        "subsidy_rate": "1/2（タイプにより異なる・デモ）",
        "amount_note": "タイプごとに上限あり（公募要領で確認）",
        "eligible_bodies": ["municipality", "prefecture"],
        "eligibility_note": "地方公共団体（民間事業者は自治体と連携して参加）",
        "target_areas": [
            DXCategory.ONLINE_PROCEDURES,
            DXCategory.DATA_LINKAGE,
            DXCategory.SMART_AGRICULTURE,
            DXCategory.TELEWORK,
        ],
        "official_url": "https://www.chisou.go.jp/",
        "opens_in_days": -40,
        "closes_in_days": 10,
        "body": [
            "優良モデルの横展開を行う取組も対象です。先進事例ページの「活用した補助金」から、この制度を使った事例を確認できます。"
        ],
    },
    {
        "slug": "smart-agri-support",
        "title": "スマート農業技術活用促進 支援事業",
        "intro": "スマート農業技術の導入・実証と、それを支える通信環境の整備を支援します。",
        "ministry": Ministry.MAFF,
        "window": "農林水産省 農産局（デモ）",
        "subsidy_rate": "定額・1/2以内（デモ）",
        "amount_note": "事業メニューごとに上限あり（公募要領で確認）",
        "eligible_bodies": ["municipality", "company", "consortium"],
        "eligibility_note": "農業者、民間企業、自治体等で構成するコンソーシアム",
        "target_areas": [DXCategory.SMART_AGRICULTURE, DXCategory.WIRELESS_5G],
        "official_url": "https://www.maff.go.jp/",
        "opens_in_days": -10,
        "closes_in_days": 45,
        "body": ["水田の水管理、自動操舵トラクタ、ドローン防除などの導入事例が多くあります。"],
    },
    {
        "slug": "local-5g-support",
        "title": "地域デジタル基盤活用推進事業（ローカル5G等）",
        "intro": "ローカル5Gなど高度無線環境を活用した地域課題解決の実証・実装を支援します。",
        "ministry": Ministry.MIC,
        "window": "総務省 総合通信基盤局（デモ）",
        "subsidy_rate": "1/2（デモ）",
        "amount_note": "実証・実装の区分ごとに上限あり（公募要領で確認）",
        "eligible_bodies": ["municipality", "company", "consortium"],
        "eligibility_note": "地方公共団体、民間事業者、それらで構成するコンソーシアム",
        "target_areas": [DXCategory.WIRELESS_5G, DXCategory.DISASTER, DXCategory.SMART_AGRICULTURE],
        "official_url": "https://www.soumu.go.jp/",
        "opens_in_days": -20,
        "closes_in_days": 6,
        "body": ["高度無線利活用検討TFが動向を追跡しています。"],
    },
    {
        "slug": "telework-environment",
        "title": "テレワーク・ワーケーション環境整備 支援事業",
        "intro": "サテライトオフィスやコワーキングスペースの通信環境整備を支援します。",
        "ministry": Ministry.MIC,
        "window": "総務省 情報流通行政局（デモ）",
        "subsidy_rate": "1/2（デモ）",
        "amount_note": "施設ごとに上限あり（公募要領で確認）",
        "eligible_bodies": ["municipality", "company"],
        "eligibility_note": "",
        "target_areas": [DXCategory.TELEWORK, DXCategory.TOURISM],
        "official_url": "https://www.soumu.go.jp/",
        "opens_in_days": -90,
        "closes_in_days": -15,
        "body": ["今年度の公募は終了しました。次年度の公募はポータルでお知らせします。"],
    },
    {
        "slug": "prefecture-dx-support",
        "title": "市町村DX推進 伴走支援事業（県独自・デモ）",
        "intro": "県内市町村のDX推進計画づくりとシステム標準化への移行を、専門人材の派遣で支援します。",
        "ministry": Ministry.PREFECTURE,
        "window": "県 デジタル戦略課（デモ）",
        "subsidy_rate": "人材派遣（費用負担なし・デモ）",
        "amount_note": "",
        "eligible_bodies": ["municipality"],
        "eligibility_note": "県内の市町村",
        "target_areas": [DXCategory.STANDARDISATION, DXCategory.SECURITY, DXCategory.AI_RPA],
        "official_url": "https://www.example.jp/dx-support",
        "opens_in_days": 20,
        "closes_in_days": 80,
        "body": ["申込受付の開始前です。"],
    },
]

CASE_INDEX = {
    "title": "先進事例",
    "intro": (
        "全国の自治体の先進事例を、課題・解決策・成果・費用・契約方法まで体系化して紹介します。"
        "同じ課題を持つ自治体は「この事例を導入したい」から支援要請を作成できます。"
    ),
}

CASES = [
    {
        "slug": "iwamizawa-local5g-smart-agri",
        "title": "ローカル5Gと自動運転トラクタで大規模水田の作業を省力化",
        "intro": "高精度測位とローカル5Gで自動運転トラクタを遠隔監視し、担い手不足に対応した事例です。",
        "category": DXCategory.SMART_AGRICULTURE,
        "tags": ["ローカル5G", "自動運転農機", "RTK-GNSS"],
        "crop_or_industry": "水稲",
        "municipality_kind": "city",
        "size_band": SizeBand.FROM_50K,
        "municipalities": ["012106"],
        "challenge": "農業者の高齢化と担い手不足により、一人あたりの耕作面積が年々増えていた。\n夜間・早朝の作業が増え、安全面の不安もあった。",
        "solution": "ほ場周辺にローカル5G基地局を整備し、RTK-GNSSによる自動運転トラクタを遠隔から監視できるようにした。映像は農協の営農センターでも確認できる。",
        "results": "複数台の同時運用で作業時間を短縮し、夜間作業の安全性も向上した。",
        "kpis": [
            ("作業時間", "約3割減（デモ値）", "耕起・代かき"),
            ("同時運用台数", "2台（デモ値）", ""),
        ],
        "cost": "基地局整備と農機改修で数千万円規模（デモ）",
        "cost_band": CostBand.FROM_10M,
        "contract_route": ContractRoute.PROPOSAL,
        "subsidy": "local-5g-support",
        "partners": [("agrisense", "センサー・データ基盤")],
        "lessons": "通信の死角を事前に電波測定で洗い出すこと。農業者向けの操作研修を冬期に行うと定着が早い。",
        "featured": True,
        "body": ["インフラプラットフォームWGの現地視察先となった事例です。"],
    },
    {
        "slug": "niigata-lpwa-paddy-water",
        "title": "LPWA水位センサーで水田の見回りを半減",
        "intro": "水田の水位・水温をLPWAで遠隔監視し、見回りの負担を減らした事例です。",
        "category": DXCategory.SMART_AGRICULTURE,
        "tags": ["LPWA", "IoTセンサー", "水管理"],
        "crop_or_industry": "水稲",
        "municipality_kind": "city",
        "size_band": SizeBand.FROM_300K,
        "municipalities": ["151009"],
        "challenge": "広く点在するほ場の水管理のため、毎日の見回りに多くの時間を取られていた。",
        "solution": "低消費電力のLPWA通信と水位センサーを導入し、スマートフォンで水位・水温を確認できるようにした。",
        "results": "見回り回数が減り、水管理の記録も自動で残るようになった。",
        "kpis": [("見回り回数", "約半分（デモ値）", "導入1年目")],
        "cost": "センサー1台あたり数万円、通信費は年額数千円程度（デモ）",
        "cost_band": CostBand.FROM_1M,
        "contract_route": ContractRoute.NEGOTIATED,
        "subsidy": "smart-agri-support",
        "partners": [("agrisense", "センサー設置と保守")],
        "lessons": "電池交換の時期を農閑期にそろえると保守が楽になる。",
        "featured": True,
        "body": [
            "農産物別の標準パターン（水稲）のモデルとして、高度無線利活用検討TFが整理しました。"
        ],
    },
    {
        "slug": "sarabetsu-field-crops-gnss",
        "title": "畑作の自動操舵と衛星データで小さな村の農業を支える",
        "intro": "自動操舵システムと衛星画像による生育診断を村ぐるみで導入した事例です。",
        "category": DXCategory.SMART_AGRICULTURE,
        "tags": ["自動操舵", "衛星データ", "RTK-GNSS"],
        "crop_or_industry": "畑作（小麦・てん菜）",
        "municipality_kind": "village",
        "size_band": SizeBand.UNDER_10K,
        "municipalities": ["016390"],
        "challenge": "大規模な畑作で、熟練者の経験に頼った作業の引き継ぎが難しかった。",
        "solution": "村が基準局を整備して農業者が共同利用できるようにし、衛星画像で生育のばらつきを見える化した。",
        "results": "新規就農者でも熟練者に近い精度で作業できるようになった。",
        "kpis": [("自動操舵の導入戸数", "村内の多数の経営体（デモ）", "")],
        "cost": "基準局整備は村負担、受信機は各農業者が負担（デモ）",
        "cost_band": CostBand.FROM_5M,
        "contract_route": ContractRoute.TENDER,
        "lessons": "基準局の共同利用で一戸あたりの負担を抑えられる。",
        "body": ["小規模自治体でも取り組める構成として紹介します。"],
    },
    {
        "slug": "shiojiri-telework-cooperative",
        "title": "自治体連携によるテレワーク協働就労モデル",
        "intro": "複数の自治体が業務を切り出し、地域の人材がテレワークで受託する仕組みをつくった事例です。",
        "category": DXCategory.TELEWORK,
        "tags": ["テレワーク", "業務切り出し", "BPO"],
        "municipality_kind": "city",
        "size_band": SizeBand.FROM_50K,
        "municipalities": ["202151", "202142"],
        "challenge": "子育てや介護で時間に制約のある住民が、地元で働ける場が少なかった。",
        "solution": "近隣自治体と連携してデータ入力等の業務を切り出し、地域の拠点が受託してテレワークで分担する仕組みを整えた。",
        "results": "時間に制約のある住民の就労機会が増え、自治体の繁忙期の業務も平準化された。",
        "kpis": [("登録ワーカー", "数百人規模（デモ値）", ""), ("連携自治体", "2団体（デモ）", "")],
        "cost": "拠点運営費を連携自治体で按分（デモ）",
        "cost_band": CostBand.FROM_10M,
        "contract_route": ContractRoute.NEGOTIATED,
        "subsidy": "telework-environment",
        "lessons": "業務の切り出しは、まず定型的な入力作業から始めると受託側の品質が安定する。",
        "featured": True,
        "body": ["テレワークによる社会課題解決検討TFのモデル構築検討で参照している事例です。"],
    },
    {
        "slug": "kamiyama-satellite-office",
        "title": "サテライトオフィス誘致とワーケーションの通信環境整備",
        "intro": "町内全域の光回線と公共Wi-Fiを整え、企業のサテライトオフィスを誘致した事例です。",
        "category": DXCategory.TELEWORK,
        "tags": ["ワーケーション", "光回線", "公衆Wi-Fi"],
        "municipality_kind": "town",
        "size_band": SizeBand.UNDER_10K,
        "municipalities": ["363421"],
        "challenge": "人口減少が続き、若い世代が町外へ流出していた。",
        "solution": "町内の通信環境を整え、古民家を活用したサテライトオフィスとワーケーション拠点を用意した。",
        "results": "町外企業の拠点開設が続き、移住者も増えた。",
        "kpis": [("サテライトオフィス", "複数社が開設（デモ）", "")],
        "cost": "拠点改修と通信整備で数千万円規模（デモ）",
        "cost_band": CostBand.FROM_10M,
        "contract_route": ContractRoute.PROPOSAL,
        "lessons": "通信環境だけでなく、住民との交流の場づくりが定着の鍵になる。",
        "body": ["テレワーク・ワーケーション時の通信環境支援の参考事例です。"],
    },
    {
        "slug": "minamisoma-local5g-drone",
        "title": "ローカル5Gとドローンで河川・インフラ点検を効率化",
        "intro": "高精細映像をローカル5Gで伝送し、ドローンによるインフラ点検を実装した事例です。",
        "category": DXCategory.WIRELESS_5G,
        "tags": ["ローカル5G", "ドローン", "映像伝送"],
        "crop_or_industry": "インフラ点検",
        "municipality_kind": "city",
        "size_band": SizeBand.FROM_50K,
        "municipalities": ["072125"],
        "challenge": "橋りょうや河川施設の点検に人手と時間がかかり、危険な作業もあった。",
        "solution": "ローカル5Gで4K映像をリアルタイムに伝送し、職員が庁舎から点検に立ち会えるようにした。",
        "results": "点検の準備と移動の時間が減り、記録の共有も早くなった。",
        "kpis": [("点検の所要日数", "約4割減（デモ値）", "")],
        "cost": "実証事業として実施（デモ）",
        "cost_band": CostBand.OVER_50M,
        "contract_route": ContractRoute.PROPOSAL,
        "subsidy": "local-5g-support",
        "lessons": "機器の防水・耐風性能を事前に確認すること。",
        "body": ["シームレス無線活用事例の調査研究で取り上げた事例です。"],
    },
    {
        "slug": "chino-bwa-watch",
        "title": "地域BWAによる見守りと防災情報の配信",
        "intro": "地域BWAの自営網で、高齢者の見守りセンサーと防災情報の配信を一体で運用した事例です。",
        "category": DXCategory.WIRELESS_5G,
        "tags": ["地域BWA", "見守り", "IoT"],
        "municipality_kind": "city",
        "size_band": SizeBand.FROM_50K,
        "municipalities": ["202142"],
        "challenge": "中山間地で携帯電話の電波が弱く、見守りサービスが使えない地域があった。",
        "solution": "地域BWAの基地局を整備し、見守りセンサーと屋外スピーカーを同じ網で運用した。",
        "results": "見守りの対象地域が広がり、災害時の情報伝達手段も増えた。",
        "kpis": [("見守り対象世帯", "数百世帯（デモ値）", "")],
        "cost": "基地局整備費と年間運用費（デモ）",
        "cost_band": CostBand.FROM_10M,
        "contract_route": ContractRoute.TENDER,
        "lessons": "福祉部門と防災部門が共同で予算化すると継続しやすい。",
        "body": ["高度無線を福祉と防災に横断的に使った例です。"],
    },
    {
        "slug": "kakogawa-river-iot",
        "title": "IoT水位計と見守りカメラで河川の氾濫に備える",
        "intro": "市内の中小河川に水位計とカメラを設置し、住民が避難判断に使える情報を公開した事例です。",
        "category": DXCategory.DISASTER,
        "tags": ["IoT", "水位センサー", "LPWA", "オープンデータ"],
        "municipality_kind": "city",
        "size_band": SizeBand.FROM_100K,
        "municipalities": ["282103"],
        "challenge": "中小河川には水位計がなく、大雨のたびに職員が現地を確認していた。",
        "solution": "LPWA通信の水位計と河川カメラを設置し、水位とカメラ画像をウェブで公開した。",
        "results": "現地確認の出動が減り、住民が自分で状況を確かめられるようになった。",
        "kpis": [
            ("水位計の設置箇所", "市内の主要な中小河川（デモ）", ""),
            ("現地確認の出動", "大幅に減少（デモ）", ""),
        ],
        "cost": "機器購入と設置で数百万円規模（デモ）",
        "cost_band": CostBand.FROM_1M,
        "contract_route": ContractRoute.TENDER,
        "lessons": "公開画面はスマートフォンで見やすく、表示を簡潔にすること。",
        "featured": True,
        "body": ["防災とオープンデータを組み合わせた事例です。"],
    },
    {
        "slug": "hitoyoshi-evacuation-digital",
        "title": "避難所受付のデジタル化と防災情報のプッシュ配信",
        "intro": "避難所の受付をQRコードとマイナンバーカードで行い、避難者情報を即時に集計できるようにした事例です。",
        "category": DXCategory.DISASTER,
        "tags": ["QRコード", "マイナンバーカード", "プッシュ配信"],
        "municipality_kind": "city",
        "size_band": SizeBand.FROM_10K,
        "municipalities": ["432032"],
        "challenge": "豪雨災害の際、紙の避難者名簿の集計に時間がかかり、支援物資の手配が遅れた。",
        "solution": "避難所の受付をデジタル化し、防災アプリから避難情報をプッシュ配信する仕組みを整えた。",
        "results": "避難者数の把握が早くなり、物資の配分を素早く決められるようになった。",
        "kpis": [("避難者数の集計", "数時間から数分に短縮（デモ値）", "訓練時")],
        "cost": "クラウドサービス利用料（年額・デモ）",
        "cost_band": CostBand.UNDER_1M,
        "contract_route": ContractRoute.DMP,
        "partners": [("mirai-gyosei-tech", "受付システム")],
        "lessons": "平時の防災訓練で必ず使い、職員と住民が操作に慣れておくこと。",
        "body": ["デジタルマーケットプレイス（DMP）を使って調達した事例です。"],
    },
    {
        "slug": "maebashi-kakanai-madoguchi",
        "title": "「書かない窓口」と電子申請の一体導入",
        "intro": "窓口で申請書を書かずに済む仕組みと、自宅からの電子申請を同時に整えた事例です。",
        "category": DXCategory.ONLINE_PROCEDURES,
        "tags": ["電子申請", "書かない窓口", "ノーコード"],
        "municipality_kind": "city",
        "size_band": SizeBand.FROM_300K,
        "municipalities": ["102016"],
        "challenge": "転入・転出の時期に窓口が混雑し、住民の待ち時間が長かった。",
        "solution": "職員が聞き取りながら申請書を作成する窓口支援システムと、ノーコードの電子申請フォームを導入した。",
        "results": "窓口の待ち時間が短くなり、電子申請の利用も増えた。",
        "kpis": [
            ("窓口の平均待ち時間", "約4割短縮（デモ値）", "繁忙期"),
            ("電子申請の対象手続", "数百手続（デモ）", ""),
        ],
        "cost": "初期費用と年額利用料（デモ）",
        "cost_band": CostBand.FROM_5M,
        "contract_route": ContractRoute.PROPOSAL,
        "subsidy": "digital-denen-kofukin",
        "partners": [("mirai-gyosei-tech", "電子申請フォームの構築")],
        "lessons": "申請件数の多い手続から順にオンライン化し、効果を住民に見せると利用が広がる。",
        "featured": True,
        "body": ["ICT利活用サミットで発表された事例です。"],
    },
    {
        "slug": "miyakonojo-mynumber-online",
        "title": "マイナンバーカードを使ったオンライン申請の拡大",
        "intro": "マイナンバーカードの公的個人認証を使い、子育て・介護の手続をオンライン化した事例です。",
        "category": DXCategory.ONLINE_PROCEDURES,
        "tags": ["マイナンバーカード", "電子申請", "公的個人認証"],
        "municipality_kind": "city",
        "size_band": SizeBand.FROM_100K,
        "municipalities": ["452025"],
        "challenge": "子育て・介護の手続のため、平日に仕事を休んで来庁する住民が多かった。",
        "solution": "マイナポータルと連携した電子申請を整え、本人確認をマイナンバーカードで行うようにした。",
        "results": "来庁せずに手続できる住民が増え、窓口の混雑も緩和した。",
        "kpis": [("オンライン申請率", "対象手続で過半（デモ値）", "")],
        "cost": "既存システム改修の範囲で実施（デモ）",
        "cost_band": CostBand.FROM_1M,
        "contract_route": ContractRoute.NEGOTIATED,
        "lessons": "カードの交付と申請の案内をセットにすると利用が伸びる。",
        "body": ["マイナンバーカードの普及促進と行政手続のオンライン化を同時に進めた例です。"],
    },
    {
        "slug": "kitami-one-stop-rpa",
        "title": "窓口のワンストップ化とRPAによる後工程の自動化",
        "intro": "窓口で受けた申請のデータをRPAで基幹システムに登録し、後工程の入力作業をなくした事例です。",
        "category": DXCategory.ONLINE_PROCEDURES,
        "tags": ["RPA", "窓口支援", "BPR"],
        "municipality_kind": "city",
        "size_band": SizeBand.FROM_100K,
        "municipalities": ["012084"],
        "challenge": "窓口で受けた申請の内容を、職員が複数の基幹システムに手で入力し直していた。",
        "solution": "窓口支援システムで作成したデータをRPAで各システムへ登録する流れに業務を見直した（BPR）。",
        "results": "入力作業と入力ミスが減り、職員が相談業務に時間を使えるようになった。",
        "kpis": [("入力作業時間", "年間で大幅に削減（デモ）", "")],
        "cost": "RPAライセンスと業務見直しの委託費（デモ）",
        "cost_band": CostBand.FROM_1M,
        "contract_route": ContractRoute.PROPOSAL,
        "lessons": "ツールの導入より先に、業務フローの見直しに時間をかけること。",
        "body": ["AI・RPAの利用促進と行政手続のオンライン化の両面で参考になる事例です。"],
    },
]

EVENT_INDEX = {
    "title": "イベント",
    "intro": "ICT利活用サミット、先進事例の現地視察、セミナーの案内です。ログインするとその場で参加登録できます。",
}

EVENTS = [
    {
        "slug": "ict-summit-2026",
        "title": "ICT利活用サミット2026",
        "kind": EventKind.SUMMIT,
        "intro": "先進事例の発表と、自治体CDO・CIOとスタートアップの交流会。WG活動報告も行います。",
        "day": 30,
        "start": (13, 0),
        "end": (17, 30),
        "format": EventFormat.HYBRID,
        "venue_name": "都内会議場（デモ）",
        "venue_address": "東京都千代田区（デモ用の住所）",
        "online_url": "https://meet.example.jp/ict-summit-2026",
        "capacity": 120,
        "organiser": "ict-wg",
        "body": [
            "第1部：先進事例発表（スマート農業、テレワーク、行政手続のオンライン化）",
            "第2部：WG・TF活動報告",
            "第3部：自治体CDO・CIOとスタートアップの交流会（会場参加のみ）",
        ],
    },
    {
        "slug": "field-visit-smart-agri",
        "title": "現地視察：ローカル5Gを活用したスマート農業",
        "kind": EventKind.FIELD_VISIT,
        "intro": "高度無線技術利活用の先進事例調査として、ローカル5Gと自動運転農機のほ場を視察します。",
        "day": 45,
        "start": (10, 0),
        "end": (15, 0),
        "format": EventFormat.IN_PERSON,
        "venue_name": "北海道岩見沢市内のほ場（デモ）",
        "venue_address": "集合場所は参加者にご案内します",
        "capacity": 3,
        "organiser": "wireless-tf",
        "body": [
            "バスの座席の都合で定員が少なくなっています。満席の場合はキャンセル待ちにご登録ください。"
        ],
    },
    {
        "slug": "seminar-cocreation",
        "title": "自治体CDO・CIO × スタートアップ 共創セミナー",
        "kind": EventKind.SEMINAR,
        "intro": "支援要請の書き方と、共創チャンネルでの進め方を実例で紹介するオンラインセミナーです。",
        "day": 14,
        "start": (15, 0),
        "end": (16, 30),
        "format": EventFormat.ONLINE,
        "online_url": "https://meet.example.jp/cocreation-seminar",
        "capacity": 100,
        "organiser": "regional-dx-tf",
        "body": ["自治体職員の方、スタートアップの方のどちらも参加できます。"],
    },
    {
        "slug": "ict-summit-2025",
        "title": "ICT利活用サミット2025",
        "kind": EventKind.SUMMIT,
        "intro": "昨年度のサミット。先進事例の発表とWG活動報告を行いました。報告書を公開しています。",
        "day": -150,
        "start": (13, 0),
        "end": (17, 0),
        "format": EventFormat.HYBRID,
        "venue_name": "都内会議場（デモ）",
        "venue_address": "東京都千代田区（デモ用の住所）",
        "online_url": "https://meet.example.jp/ict-summit-2025",
        "capacity": 100,
        "organiser": "ict-wg",
        "report": True,
        "body": ["ご参加ありがとうございました。当日の報告書を掲載しています。"],
    },
    {
        "slug": "field-visit-telework-2025",
        "title": "現地視察：テレワークによる協働就労の拠点",
        "kind": EventKind.FIELD_VISIT,
        "intro": "テレワークによる自治体連携協働就労の拠点を訪問しました。",
        "day": -60,
        "start": (13, 30),
        "end": (16, 0),
        "format": EventFormat.IN_PERSON,
        "venue_name": "長野県塩尻市内の拠点（デモ）",
        "capacity": 20,
        "organiser": "telework-tf",
        "body": ["拠点の運営者と連携自治体の担当者から説明を受けました。"],
    },
]

REGISTRATIONS = {
    "ict-summit-2026": ["official1@example.jp", "startup1@example.com"],
    "field-visit-smart-agri": ["official2@example.jp", "startup2@example.com"],
}

NEWS_INDEX = {"title": "お知らせ", "intro": "委員会・WG・TFからのお知らせです。"}

NEWS = [
    {
        "slug": "summit-2026-registration-open",
        "title": "ICT利活用サミット2026の参加登録を開始しました",
        "intro": "会場とオンラインのハイブリッドで開催します。ログインしてイベントページから登録してください。",
        "days_ago": 1,
        "body": ["定員に達した場合はキャンセル待ちとなり、空きが出ると自動で繰り上がります。"],
    },
    {
        "slug": "new-cases-published",
        "title": "スマート農業と防災の先進事例を追加しました",
        "intro": "水田の水管理、畑作の自動操舵、河川の水位監視などの事例を掲載しました。",
        "days_ago": 8,
        "body": ["事例は分野・技術・自治体規模・契約方法などで絞り込めます。"],
    },
    {
        "slug": "wg-report-published",
        "title": "ICT利活用WG 活動報告書を公開しました",
        "intro": "先進事例の分析と課題・解決策の体系化についての報告書です。",
        "days_ago": 20,
        "body": ["報告書はレポートのページからダウンロードできます。"],
    },
    {
        "slug": "portal-launched",
        "title": "地域DX共創ポータルを公開しました",
        "intro": "自治体CDO・CIOとスタートアップの共創を支えるポータルを公開しました。",
        "days_ago": 35,
        "body": ["ご意見は事務局までお寄せください。"],
    },
]

REPORT_INDEX = {
    "title": "レポート",
    "intro": "ワーキンググループの活動報告書とICT利活用サミットの報告書を公開しています。",
}

REPORTS = [
    {
        "slug": "ict-wg-report-2025",
        "title": "2025年度 ICT利活用ワーキンググループ 活動報告書",
        "intro": "先進事例の収集・分析と、課題ならびに解決策の体系化についての報告です（デモ用の文書）。",
        "group": "ict-wg",
        "days_ago": 20,
        "pdf_lines": [
            "デモ用の文書です。",
            "1. 先進事例の収集",
            "2. 先進事例の分析と課題ならびに解決策の体系化",
            "3. 先進事例等に関する情報発信",
            "4. 先進事例の導入に関する自治体支援",
        ],
        "body": ["本報告書はデモ用に生成したPDFです。"],
    },
    {
        "slug": "summit-2025-report",
        "title": "ICT利活用サミット2025 報告書",
        "intro": "サミットでの先進事例発表とWG活動報告の概要です（デモ用の文書）。",
        "group": "ict-wg",
        "days_ago": 120,
        "pdf_lines": [
            "デモ用の文書です。",
            "第1部 先進事例発表",
            "第2部 WG・TF活動報告",
            "第3部 交流会",
        ],
        "body": ["サミットの報告書です。"],
    },
]
