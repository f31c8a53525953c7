# ruff: noqa: E501 -- demo prose in Japanese reads better unwrapped.
"""Demo standard patterns (標準パターン) and the few extra cases they build on.

The committee's plan asks the wireless task force for 標準パターンのモデルづくり（農産物別/業種別等）
and the telework task force for a model of municipalities working together through telework. The
six patterns below follow those lines; each links demo cases, subsidies and startups. Two extra
cabbage cases share domain, crop and network without a pattern, so the moderators' suggestion
list has a group to turn into a draft. Idempotent: existing pages are left as they are.
"""

from portal.cms.demo.content import DEMO_NOTICE
from portal.cms.demo.streams import notice as _notice
from portal.cms.models import (
    CaseStudyIndexPage,
    CaseStudyKPI,
    CaseStudyMunicipality,
    CaseStudyPage,
    CostBand,
    PatternCase,
    PatternComponent,
    PatternIndexPage,
    PatternKPI,
    PatternPage,
    PatternStartup,
    PatternStep,
    PatternSubsidy,
    SizeBand,
    SubsidyProgrammePage,
)
from portal.core.categories import ContractRoute, DXCategory

PATTERN_NOTICE = (
    "このページはデモ用のサンプルです。構成・費用・期間・KPIは説明用の仮の値で、実在の事業や製品の"
    "性能を示すものではありません。"
)

PATTERN_INDEX = {
    "title": "標準パターン",
    "intro": (
        "複数の先進事例から、農産物別・業種別の標準的なシステム構成・費用・導入手順・KPIをまとめた"
        "モデルです。比較して自分のまちに合うものを選び、そのまま支援要請の下書きにできます。"
    ),
}

EXTRA_CASES = [
    {
        "slug": "nagaoka-lpwa-paddy-autovalve",
        "title": "LPWA水位センサーと自動給水栓で中山間地の水田を管理",
        "intro": "棚田を含む水田にLPWA水位センサーと自動給水栓を入れ、水管理の時間を減らした事例です。",
        "category": DXCategory.SMART_AGRICULTURE,
        "tags": ["LPWA", "水管理", "自動給水栓"],
        "crop_or_industry": "水稲",
        "municipality_kind": "city",
        "size_band": SizeBand.FROM_100K,
        "municipalities": ["152021"],
        "challenge": "中山間地の水田は一枚が小さく点在し、見回りと水口の開け閉めに多くの時間がかかっていた。",
        "solution": "JAと市が共同でLPWAの基地局を設け、水位センサーと自動給水栓を圃場に設置した。設定水位を下回ると自動で給水する。",
        "results": "水管理にかかる時間が減り、猛暑期の高温障害対策として夜間のかけ流しもできるようになった。",
        "kpis": [
            ("水管理の作業時間", "約4割減（デモ値）", "導入圃場の平均"),
            ("導入圃場数", "約80枚（デモ値）", ""),
        ],
        "cost": "センサーと自動給水栓で1圃場あたり十数万円、基地局は市が整備（デモ）",
        "cost_band": CostBand.FROM_5M,
        "contract_route": ContractRoute.PROPOSAL,
        "subsidy": "smart-agri-support",
        "lessons": "基地局の設置場所は、冬の積雪と電源の確保を先に確かめること。",
    },
    {
        "slug": "moka-strawberry-greenhouse",
        "title": "いちごハウスの環境制御を見える化し、収量と品質をそろえる",
        "intro": "ハウス内の温度・湿度・CO2を測り、換気と暖房を遠隔で制御した施設園芸の事例です。",
        "category": DXCategory.SMART_AGRICULTURE,
        "tags": ["LTE", "環境制御", "施設園芸"],
        "crop_or_industry": "いちご",
        "municipality_kind": "city",
        "size_band": SizeBand.FROM_50K,
        "municipalities": ["092096"],
        "challenge": "ハウスごとに管理の勘所が違い、若手農業者の収量が熟練者に追いつかなかった。",
        "solution": "環境センサーとLTE通信のゲートウェイを各ハウスに置き、クラウドで換気・暖房・CO2施用を制御した。熟練者の管理データを産地で共有した。",
        "results": "産地全体で収量のばらつきが小さくなり、暖房燃料の使用量も減った。",
        "kpis": [
            ("10aあたり収量", "約1割増（デモ値）", "導入2年目"),
            ("暖房燃料", "約15%減（デモ値）", ""),
        ],
        "cost": "1棟あたり初期100万円前後、通信・クラウド費は月数千円（デモ）",
        "cost_band": CostBand.FROM_10M,
        "contract_route": ContractRoute.NEGOTIATED,
        "subsidy": "smart-agri-support",
        "lessons": "データの共有範囲を産地の部会で最初に決めておくと、比較と指導が進む。",
    },
    {
        "slug": "betsukai-dairy-calving-lorawan",
        "title": "LoRaWANの首輪センサーで牛の発情・分娩を検知",
        "intro": "広い牧場でも電波が届くLoRaWANで、乳牛の発情と分娩の兆候をスマートフォンに知らせる事例です。",
        "category": DXCategory.SMART_AGRICULTURE,
        "tags": ["LoRaWAN", "IoTセンサー", "酪農"],
        "crop_or_industry": "酪農",
        "municipality_kind": "town",
        "size_band": SizeBand.FROM_10K,
        "municipalities": ["016918"],
        "challenge": "夜間の分娩の見回りが酪農家の大きな負担で、発情の見逃しが受胎率の低下につながっていた。",
        "solution": "町が牧場地帯にLoRaWANの基地局を置き、首輪型の活動量センサーのデータを解析して発情・分娩の兆候を通知した。",
        "results": "夜間の見回りが減り、発情の見逃しも少なくなった。",
        "kpis": [
            ("夜間の見回り回数", "約6割減（デモ値）", ""),
            ("発情発見率", "約2割向上（デモ値）", ""),
        ],
        "cost": "基地局は町が整備、センサーは1頭あたり数万円（デモ）",
        "cost_band": CostBand.FROM_5M,
        "contract_route": ContractRoute.PROPOSAL,
        "subsidy": "smart-agri-support",
        "lessons": "基地局1局でカバーできる範囲は地形で大きく変わる。事前の電波測定が欠かせない。",
    },
    {
        "slug": "takayama-wildlife-ict-trap",
        "title": "ICT罠の捕獲通知で見回りを減らし、捕獲数を増やす",
        "intro": "わなにセンサーを付け、作動するとLPWAで猟友会と市に通知する鳥獣害対策の事例です。",
        "category": DXCategory.SMART_AGRICULTURE,
        "tags": ["LPWA", "ICT罠", "鳥獣害対策"],
        "crop_or_industry": "鳥獣害対策",
        "municipality_kind": "city",
        "size_band": SizeBand.FROM_50K,
        "municipalities": ["212032"],
        "challenge": "広い市域に仕掛けたわなの見回りが猟友会員の高齢化で続けられなくなっていた。",
        "solution": "わなに作動センサーと位置情報を付け、LPWAで捕獲を通知する仕組みにした。通知は猟友会と市の担当課に同時に届く。",
        "results": "毎日の見回りが不要になり、捕獲後すぐに処理できるようになった。",
        "kpis": [
            ("見回りにかかる時間", "約7割減（デモ値）", ""),
            ("捕獲頭数", "約1.3倍（デモ値）", "前年度比"),
        ],
        "cost": "センサー1台あたり数万円、通信費は年額数千円（デモ）",
        "cost_band": CostBand.FROM_1M,
        "contract_route": ContractRoute.NEGOTIATED,
        "lessons": "電池切れの通知も同じ仕組みで受け取れるようにすると、保守の抜けがなくなる。",
    },
    {
        "slug": "tono-wildlife-ict-trap",
        "title": "山あいの集落でICT罠と捕獲マップを共有",
        "intro": "捕獲通知と出没情報を地図で共有し、集落ぐるみで鳥獣害対策に取り組んだ事例です。",
        "category": DXCategory.SMART_AGRICULTURE,
        "tags": ["LPWA", "ICT罠", "鳥獣害対策"],
        "crop_or_industry": "鳥獣害対策",
        "municipality_kind": "city",
        "size_band": SizeBand.FROM_10K,
        "municipalities": ["032085"],
        "challenge": "出没情報が集落ごとに口頭で伝わるだけで、わなの配置が経験に頼っていた。",
        "solution": "ICT罠の捕獲通知と住民の出没報告を一枚の地図に集め、わなの配置を見直した。",
        "results": "出没の多い場所に重点的にわなを置けるようになり、農作物の被害額が減った。",
        "kpis": [("農作物被害額", "約3割減（デモ値）", "導入2年目")],
        "cost": "センサーと地図サービスで年額数十万円（デモ）",
        "cost_band": CostBand.UNDER_1M,
        "contract_route": ContractRoute.NEGOTIATED,
        "lessons": "住民の出没報告はLINEなど普段使う手段で受け付けると集まりやすい。",
    },
    {
        "slug": "tsumagoi-cabbage-soil-lpwa",
        "title": "高原キャベツの土壌水分をLPWAで測り、かん水と防除の時期を決める",
        "intro": "広い畑に土壌水分・地温センサーを置き、作業の時期をデータで判断した露地野菜の事例です。",
        "category": DXCategory.SMART_AGRICULTURE,
        "tags": ["LPWA", "土壌センサー", "露地野菜"],
        "crop_or_industry": "キャベツ",
        "municipality_kind": "village",
        "size_band": SizeBand.UNDER_10K,
        "municipalities": ["104256"],
        "challenge": "夏の干ばつと長雨で出荷量が大きく揺れ、かん水と防除の判断が経験に頼っていた。",
        "solution": "畑の代表地点に土壌水分・地温センサーを置き、LPWAでデータを集めて産地の栽培暦と照らし合わせた。",
        "results": "かん水のタイミングがそろい、出荷量の年ごとの揺れが小さくなった。",
        "kpis": [("出荷量のばらつき", "約2割縮小（デモ値）", "")],
        "cost": "センサー20台と基地局で数百万円（デモ）",
        "cost_band": CostBand.FROM_1M,
        "contract_route": ContractRoute.NEGOTIATED,
        "lessons": "センサーの設置地点は土質の違いで選ぶと、少ない台数で産地全体を代表できる。",
    },
    {
        "slug": "showa-gunma-cabbage-weather-lpwa",
        "title": "キャベツ産地の気象・土壌観測網を村と農協で共同運用",
        "intro": "村とJAが観測網を共同で持ち、生産者全員がデータを使える仕組みをつくった事例です。",
        "category": DXCategory.SMART_AGRICULTURE,
        "tags": ["LPWA", "気象センサー", "露地野菜"],
        "crop_or_industry": "キャベツ",
        "municipality_kind": "village",
        "size_band": SizeBand.UNDER_10K,
        "municipalities": ["104485"],
        "challenge": "生産者がそれぞれに気象情報を集めており、産地としての判断材料がそろっていなかった。",
        "solution": "村内の数か所に気象・土壌センサーを置き、LPWAで集めたデータをJAの営農指導と生産者のスマートフォンに配信した。",
        "results": "霜や高温の注意情報を産地全体に同時に出せるようになった。",
        "kpis": [("観測地点", "12地点（デモ値）", ""), ("利用生産者", "約9割（デモ値）", "")],
        "cost": "初期数百万円、運用費は村とJAで按分（デモ）",
        "cost_band": CostBand.FROM_1M,
        "contract_route": ContractRoute.NEGOTIATED,
        "lessons": "運用費の負担割合を最初に協定で決めておくと、更新時にもめない。",
    },
]

# (layer, name, description, data passed on, operated by)
PATTERNS = [
    {
        "slug": "rice-paddy-water-lpwa",
        "title": "水稲の水管理（LPWA水位センサー・自動給水栓）",
        "intro": "点在する水田の水位・水温をLPWAで集め、見回りと水口の操作を減らす標準パターンです。",
        "domain": "smart_agriculture",
        "category": DXCategory.SMART_AGRICULTURE,
        "applies_to": "水稲",
        "municipality_kinds": ["city", "town", "village"],
        "size_bands": [
            SizeBand.UNDER_10K,
            SizeBand.FROM_10K,
            SizeBand.FROM_50K,
            SizeBand.FROM_100K,
            SizeBand.FROM_300K,
        ],
        "networks": ["lpwa"],
        "problem": "担い手の減少で一人あたりの水田が増え、毎日の見回りと水口の開け閉めが大きな負担になっている。猛暑期の高温障害対策として、夜間の水管理も求められている。",
        "components": [
            (
                "device",
                "水位・水温センサー",
                "圃場ごとに設置。電池で1作期以上動く",
                "水位・水温（10分ごと）",
                "農業者",
            ),
            ("device", "自動給水栓", "設定水位を下回ると給水する", "開閉状態", "農業者"),
            ("network", "LPWA基地局", "半径数kmの圃場をまとめて収容", "センサーデータ", "市・JA"),
            (
                "platform",
                "水管理クラウド",
                "データの蓄積、しきい値の通知",
                "アラート・履歴",
                "ベンダー",
            ),
            ("application", "スマートフォンアプリ", "水位の確認、給水栓の遠隔操作", "", "農業者"),
            ("application", "営農指導ダッシュボード", "産地全体の水管理の状況を把握", "", "JA"),
        ],
        "initial_cost": (300, 900),
        "yearly_cost": (30, 80),
        "cost_note": "圃場50〜100枚、基地局1〜2局の場合（デモ値）",
        "steps": [
            ("電波調査と圃場の選定", 4, "基地局候補地から電波を測り、実証圃場を選ぶ"),
            ("実証（10圃場程度）", 12, "1作期の水管理で効果と運用を確かめる"),
            ("評価と費用負担の協議", 4, "KPIを確認し、市・JA・農業者の負担割合を決める"),
            ("本格導入", 8, "補助金を活用して圃場を広げる"),
        ],
        "kpis": [("見回り回数", "約5割減", "導入1年目の平均"), ("水管理の作業時間", "約4割減", "")],
        "risks": "積雪や落雷による基地局の停止。電池交換の時期がそろわないと保守の手間が増える。",
        "lessons": "電池交換は農閑期にまとめる。基地局の費用は市とJAで持ち、センサーは農業者が持つと広がりやすい。",
        "cases": ["niigata-lpwa-paddy-water", "nagaoka-lpwa-paddy-autovalve"],
        "subsidies": ["smart-agri-support", "digital-denen-kofukin"],
        "startups": [("agrisense", "水位センサーの設置と保守")],
    },
    {
        "slug": "greenhouse-environment-control",
        "title": "施設園芸の環境制御（いちご・トマト）",
        "intro": "ハウス内の温度・湿度・CO2を測って換気と暖房を制御し、収量と品質をそろえる標準パターンです。",
        "domain": "smart_agriculture",
        "category": DXCategory.SMART_AGRICULTURE,
        "applies_to": "いちご、トマト",
        "municipality_kinds": ["city", "town"],
        "size_bands": [SizeBand.FROM_10K, SizeBand.FROM_50K, SizeBand.FROM_100K],
        "networks": ["lte", "wifi"],
        "problem": "ハウスごとに管理の勘所が違い、若手の収量が伸びない。暖房燃料の高騰で、無駄な加温を減らす必要がある。",
        "components": [
            (
                "device",
                "環境センサー",
                "温度・湿度・CO2・日射を測る",
                "環境データ（1分ごと）",
                "農業者",
            ),
            (
                "device",
                "換気・暖房の制御盤",
                "天窓・カーテン・暖房機を動かす",
                "動作状態",
                "農業者",
            ),
            (
                "network",
                "LTEゲートウェイ",
                "ハウスごとに設置。Wi-Fiでセンサーを収容",
                "環境・制御データ",
                "ベンダー",
            ),
            (
                "platform",
                "環境制御クラウド",
                "制御ルールの設定、熟練者データの共有",
                "制御指示・グラフ",
                "ベンダー",
            ),
            ("application", "生産者アプリ", "状況の確認と設定変更", "", "農業者"),
            ("application", "産地の比較画面", "部会での比較と営農指導", "", "JA・普及センター"),
        ],
        "initial_cost": (100, 300),
        "yearly_cost": (5, 20),
        "cost_note": "1棟（約10a）あたり（デモ値）",
        "steps": [
            ("部会でのデータ共有ルールづくり", 4, ""),
            ("先行導入（5棟程度）", 24, "1作のデータを集める"),
            ("評価と制御ルールの見直し", 4, ""),
            ("産地への展開", 12, ""),
        ],
        "kpis": [("10aあたり収量", "約1割増", "導入2年目"), ("暖房燃料", "約15%減", "")],
        "risks": "通信断のときに制御が止まらないよう、制御盤側に安全側の既定動作が必要。",
        "lessons": "熟練者のデータを見せる範囲を部会で決めておくと、比較と指導が進む。",
        "cases": ["moka-strawberry-greenhouse"],
        "subsidies": ["smart-agri-support"],
        "startups": [("agrisense", "環境センサーとデータ基盤")],
    },
    {
        "slug": "livestock-estrus-calving-detection",
        "title": "畜産の発情・分娩検知（LoRaWAN首輪センサー）",
        "intro": "牛の活動量を首輪センサーで測り、発情と分娩の兆候を知らせる標準パターンです。",
        "domain": "smart_agriculture",
        "category": DXCategory.SMART_AGRICULTURE,
        "applies_to": "酪農、肉用牛",
        "municipality_kinds": ["town", "village", "city"],
        "size_bands": [SizeBand.UNDER_10K, SizeBand.FROM_10K, SizeBand.FROM_50K],
        "networks": ["lorawan"],
        "problem": "夜間の分娩の見回りが大きな負担で、発情の見逃しが受胎率と収益を下げている。",
        "components": [
            (
                "device",
                "首輪型活動量センサー",
                "反すう・歩数・体勢を測る",
                "活動量（15分ごと）",
                "畜産農家",
            ),
            ("network", "LoRaWAN基地局", "牧場地帯をまとめて収容", "センサーデータ", "町"),
            (
                "platform",
                "牛群管理クラウド",
                "発情・分娩の兆候を解析",
                "通知・牛群データ",
                "ベンダー",
            ),
            (
                "application",
                "スマートフォン通知",
                "兆候を農家と獣医師に知らせる",
                "",
                "畜産農家・獣医師",
            ),
        ],
        "initial_cost": (200, 600),
        "yearly_cost": (20, 60),
        "cost_note": "100頭規模の牧場3〜5戸、基地局1局の場合（デモ値）",
        "steps": [
            ("電波測定と基地局の設置", 6, ""),
            ("試行（1〜2戸）", 12, "分娩期をまたいで確かめる"),
            ("評価", 4, ""),
            ("地域への展開", 12, ""),
        ],
        "kpis": [("夜間の見回り回数", "約6割減", ""), ("発情発見率", "約2割向上", "")],
        "risks": "地形で電波が届かない牛舎がある。センサーの脱落・故障時の連絡体制が必要。",
        "lessons": "基地局は町、センサーは農家の負担にすると導入の判断がしやすい。",
        "cases": ["betsukai-dairy-calving-lorawan"],
        "subsidies": ["smart-agri-support"],
        "startups": [
            ("agrisense", "首輪センサーのデータ基盤と通知"),
            ("local5g-works", "LoRaWAN基地局の設計・構築"),
        ],
    },
    {
        "slug": "local5g-autonomous-farm-machinery",
        "title": "ローカル5Gによる自動運転農機の遠隔監視",
        "intro": "ローカル5Gの映像伝送で自動運転トラクタを遠隔から監視し、複数台を同時に動かす標準パターンです。",
        "domain": "wireless",
        "category": DXCategory.WIRELESS_5G,
        "applies_to": "水稲、畑作",
        "municipality_kinds": ["city", "town", "village"],
        "size_bands": [SizeBand.UNDER_10K, SizeBand.FROM_10K, SizeBand.FROM_50K],
        "networks": ["local5g", "lte"],
        "problem": "大規模な圃場で担い手が足りず、一人で複数台の農機を安全に動かす手段が求められている。",
        "components": [
            ("device", "自動運転トラクタ", "RTK-GNSSで走行", "位置・稼働状態", "農業法人"),
            ("device", "監視カメラ", "農機と圃場周辺を撮影", "映像（高精細）", "農業法人"),
            (
                "network",
                "ローカル5G基地局",
                "圃場周辺に設置、映像を低遅延で伝送",
                "映像・制御データ",
                "市・通信事業者",
            ),
            ("platform", "遠隔監視システム", "複数台の監視と緊急停止", "監視画面", "ベンダー"),
            ("application", "営農センターの監視卓", "遠隔監視と作業計画", "", "JA・農業法人"),
        ],
        "initial_cost": (3000, 8000),
        "yearly_cost": (200, 600),
        "cost_note": "基地局2〜3局、農機2台の場合（デモ値）",
        "steps": [
            ("電波の免許申請と設計", 12, ""),
            ("基地局の整備", 12, ""),
            ("実証（1作期）", 24, ""),
            ("評価と運用体制の決定", 8, ""),
        ],
        "kpis": [("作業時間", "約3割減", "耕起・代かき"), ("同時運用台数", "2台", "")],
        "risks": "初期費用が大きく、補助期間後の運用費の負担が課題になりやすい。",
        "lessons": "防災や観光など他の用途と基地局を共用すると、運用費を分け合える。",
        "cases": ["iwamizawa-local5g-smart-agri"],
        "subsidies": ["local-5g-support"],
        "startups": [("agrisense", "センサー・データ基盤")],
    },
    {
        "slug": "wildlife-damage-ict-trap",
        "title": "鳥獣害対策のICT罠（捕獲通知）",
        "intro": "わなの作動をLPWAで知らせ、見回りを減らして捕獲を増やす標準パターンです。",
        "domain": "smart_agriculture",
        "category": DXCategory.SMART_AGRICULTURE,
        "applies_to": "鳥獣害対策",
        "municipality_kinds": ["city", "town", "village"],
        "size_bands": [SizeBand.UNDER_10K, SizeBand.FROM_10K, SizeBand.FROM_50K],
        "networks": ["lpwa"],
        "problem": "猟友会員の高齢化でわなの見回りが続けられず、捕獲が進まない。",
        "components": [
            ("device", "わな作動センサー", "作動と位置を検知", "作動通知・位置", "猟友会"),
            ("network", "LPWA", "山間部の広い範囲を収容", "通知データ", "市"),
            ("platform", "捕獲管理サービス", "通知、捕獲記録、地図", "通知・記録", "ベンダー"),
            (
                "application",
                "スマートフォン通知・地図",
                "猟友会と市の担当課に同時通知",
                "",
                "猟友会・市",
            ),
        ],
        "initial_cost": (50, 300),
        "yearly_cost": (10, 50),
        "cost_note": "わな30〜50基の場合（デモ値）",
        "steps": [
            ("電波の確認", 2, ""),
            ("試行（わな10基）", 8, ""),
            ("評価", 2, ""),
            ("全域への展開", 8, ""),
        ],
        "kpis": [("見回りにかかる時間", "約7割減", ""), ("捕獲頭数", "約1.3倍", "前年度比")],
        "risks": "電池切れや故障に気づかないと、わなが放置される。",
        "lessons": "住民の出没報告も同じ地図に集めると、わなの配置を見直せる。",
        "cases": ["takayama-wildlife-ict-trap", "tono-wildlife-ict-trap"],
        "subsidies": ["smart-agri-support", "digital-denen-kofukin"],
        "startups": [
            ("agrisense", "罠センサーの通信（LPWA）と捕獲通知"),
            ("nouson-drone", "ドローンによる生息調査と捕獲マップ"),
        ],
    },
    {
        "slug": "telework-municipal-cooperation",
        "title": "テレワークによる自治体連携協働就労",
        "intro": "複数の自治体が業務を切り出し、地域の人材がテレワークで受託する就労モデルの標準パターンです。",
        "domain": "telework",
        "category": DXCategory.TELEWORK,
        "applies_to": "データ入力、事務処理",
        "municipality_kinds": ["city", "town"],
        "size_bands": [SizeBand.FROM_10K, SizeBand.FROM_50K, SizeBand.FROM_100K],
        "networks": ["fibre"],
        "problem": "子育てや介護で時間に制約のある住民が地元で働ける場が少ない。自治体は繁忙期の事務処理に人手が足りない。",
        "components": [
            (
                "device",
                "ワーカーのPCとWeb会議",
                "在宅またはサテライトオフィスで作業",
                "作業データ",
                "ワーカー",
            ),
            (
                "network",
                "光回線とVPN",
                "サテライトオフィスと在宅をつなぐ",
                "暗号化通信",
                "拠点運営者",
            ),
            (
                "platform",
                "業務管理・勤怠クラウド",
                "受託業務の割り振りと品質管理",
                "進捗・実績",
                "拠点運営者",
            ),
            ("application", "自治体の発注窓口", "業務の切り出しと検収", "", "連携自治体"),
        ],
        "initial_cost": (500, 1500),
        "yearly_cost": (1000, 3000),
        "cost_note": "拠点1か所、登録ワーカー100〜300人の場合。運営費は連携自治体で按分（デモ値）",
        "steps": [
            ("連携協定と業務の棚卸し", 8, ""),
            ("拠点の整備とワーカー募集", 12, ""),
            ("試行受託（定型業務）", 12, ""),
            ("受託業務の拡大", 24, ""),
        ],
        "kpis": [("登録ワーカー", "数百人規模", ""), ("連携自治体", "2団体以上", "")],
        "risks": "個人情報を扱う業務はセキュリティの要件を満たす拠点でしか受託できない。",
        "lessons": "まず定型的な入力作業から始めると、受託側の品質が安定する。",
        "cases": ["shiojiri-telework-cooperative", "kamiyama-satellite-office"],
        "subsidies": ["telework-environment"],
        "startups": [("telework-furusato", "サテライトオフィスの運営と就労のマッチング")],
    },
]


def seed_extra_cases(home, case_index) -> None:
    for data in EXTRA_CASES:
        data = dict(data)
        slug = data.pop("slug")
        if CaseStudyPage.objects.child_of(case_index).filter(slug=slug).exists():
            continue
        tags = data.pop("tags")
        # Within this tree: a translated tree holds pages with the same slugs.
        subsidy = (
            SubsidyProgrammePage.objects.descendant_of(home)
            .filter(slug=data.pop("subsidy", ""))
            .first()
        )
        page = CaseStudyPage(
            slug=slug,
            case_municipalities=[
                CaseStudyMunicipality(municipality_id=code) for code in data.pop("municipalities")
            ],
            kpis=[
                CaseStudyKPI(label=label, value=value, note=note)
                for label, value, note in data.pop("kpis")
            ],
            subsidy_used=subsidy,
            body=[_notice(DEMO_NOTICE)],
            **data,
        )
        for tag in tags:
            page.tags.add(tag)
        case_index.add_child(instance=page)
        page.save_revision().publish()


def _pattern_page(data: dict, home, case_index) -> PatternPage:
    data = dict(data)
    initial_low, initial_high = data.pop("initial_cost")
    yearly_low, yearly_high = data.pop("yearly_cost")
    # Within this tree: a translated tree holds pages with the same slugs.
    cases = CaseStudyPage.objects.child_of(case_index).filter(slug__in=data.pop("cases"))
    subsidies = SubsidyProgrammePage.objects.descendant_of(home).filter(
        slug__in=data.pop("subsidies")
    )
    from portal.startups.models import Startup

    startups = {startup.slug: startup for startup in Startup.objects.all()}
    return PatternPage(
        initial_cost_min=initial_low,
        initial_cost_max=initial_high,
        yearly_cost_min=yearly_low,
        yearly_cost_max=yearly_high,
        components=[
            PatternComponent(
                layer=layer, name=name, description=description, data=flow, operator=operator
            )
            for layer, name, description, flow, operator in data.pop("components")
        ],
        steps=[
            PatternStep(title=title, duration_weeks=weeks, description=description)
            for title, weeks, description in data.pop("steps")
        ],
        kpis=[
            PatternKPI(label=label, typical_value=value, note=note)
            for label, value, note in data.pop("kpis")
        ],
        case_links=[PatternCase(case=case) for case in cases],
        subsidy_links=[PatternSubsidy(subsidy=subsidy) for subsidy in subsidies],
        startup_links=[
            PatternStartup(startup=startups[slug], offering=offering)
            for slug, offering in data.pop("startups")
            if slug in startups
        ],
        body=[_notice(PATTERN_NOTICE)],
        **data,
    )


def seed(home) -> None:
    """Extra cases under the case index, then the pattern index and its patterns."""
    case_index = CaseStudyIndexPage.objects.child_of(home).first()
    if case_index is None:
        return
    seed_extra_cases(home, case_index)
    index = PatternIndexPage.objects.child_of(home).first()
    if index is None:
        index = PatternIndexPage(slug="patterns", **PATTERN_INDEX)
        home.add_child(instance=index)
        index.save_revision().publish()
    for data in PATTERNS:
        if PatternPage.objects.child_of(index).filter(slug=data["slug"]).exists():
            continue
        page = _pattern_page(data, home, case_index)
        index.add_child(instance=page)
        page.save_revision().publish()
