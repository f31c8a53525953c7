"""Demo data for the community dashboard: a year of earlier, finished requests.

The community demo's requests were all posted in the last three months; these older ones
(completed with an outcome, or withdrawn) give the monthly chart, the funnel's last stages and
the adoption rate a history. Idempotent: a request is created once per municipality and title.
"""

import datetime

from django.utils import timezone

from portal.accounts.models import User
from portal.community.demo import AUTHOR_BY_KEY, _body, _history
from portal.community.models import RequestState, SupportRequest
from portal.search.index import index_object

# (author key, months ago, title, summary, body parts, category, state, outcome or None)
# outcome: (adopted, contract route, budget secured, lessons)
PAST_REQUESTS = [
    (
        "maebashi",
        11,
        "住民票等のコンビニ交付の利用促進",
        "マイナンバーカードでのコンビニ交付の利用率を高めたい。",
        (
            "窓口での証明書発行が年間約12万件あります。",
            "コンビニ交付の利用率が15%にとどまっています。",
            "利用案内の改善と利用状況の分析。",
            "既存のコンビニ交付システムを前提とします。",
        ),
        "my_number",
        RequestState.COMPLETED,
        (True, "proposal", True, "案内チラシと窓口での声かけを組み合わせると利用率が伸びた。"),
    ),
    (
        "shiojiri",
        10,
        "ため池の水位監視",
        "豪雨時のため池の水位を遠隔で把握したい。",
        (
            "市内に管理者の高齢化が進むため池が40か所あります。",
            "豪雨時に現地確認へ行くのが危険です。",
            "水位センサーと通知の仕組み。",
            "電源のない場所があります。",
        ),
        "disaster",
        RequestState.COMPLETED,
        (True, "negotiated", True, "LPWAの電波状況を事前に全箇所で確かめておくべきだった。"),
    ),
    (
        "aizu",
        9,
        "観光案内の多言語チャットボット",
        "訪日客からの問い合わせに多言語で自動応答したい。",
        (
            "訪日客が増え、観光案内所の対応が追いつきません。",
            "英語・中国語・韓国語での問い合わせが多いです。",
            "よくある質問に答えるチャットボット。",
            "観光協会と共同で運用します。",
        ),
        "tourism",
        RequestState.COMPLETED,
        (False, "", False, "実証では回答精度が目標に届かず、FAQの整備を先に行うことにした。"),
    ),
    (
        "kaga",
        8,
        "保育所入所選考の事務効率化",
        "入所選考の点数計算と割り当てを自動化したい。",
        (
            "毎年約800件の入所申込があります。",
            "選考を表計算ソフトで行い、2週間かかっています。",
            "選考ルールに沿った自動割り当て。",
            "個人情報を庁外に出さない構成が条件です。",
        ),
        "ai_rpa",
        RequestState.COMPLETED,
        (True, "proposal", True, "選考ルールを文書にする作業に想定以上の時間がかかった。"),
    ),
    (
        "miyakonojo",
        7,
        "ふるさと納税の返礼品データ管理",
        "返礼品事業者とのデータのやりとりを一元化したい。",
        (
            "返礼品事業者は約300社です。",
            "在庫や発送の情報をメールと電話でやりとりしています。",
            "事業者が入力できる共通の管理画面。",
            "複数のポータルサイトとの連携が必要です。",
        ),
        "data_linkage",
        RequestState.WITHDRAWN,
        None,
    ),
    (
        "sarabetsu",
        6,
        "畑作のドローン防除",
        "ドローンで農薬散布を効率化したい。",
        (
            "村の基幹産業は畑作です。",
            "防除作業の担い手が不足しています。",
            "ドローン散布の実証と操縦者の育成。",
            "農協と連携して行います。",
        ),
        "smart_agriculture",
        RequestState.COMPLETED,
        (True, "tender", True, "操縦者の育成を先に始めたことで、導入がスムーズだった。"),
    ),
    (
        "kochi",
        5,
        "県庁内の文書検索の改善",
        "庁内の規程や通知を横断して探せるようにしたい。",
        (
            "規程・通知・マニュアルが部局ごとに別の場所にあります。",
            "必要な文書を探すのに時間がかかります。",
            "横断検索の仕組み。",
            "LGWAN環境で動くことが条件です。",
        ),
        "standardisation",
        RequestState.COMPLETED,
        (False, "", False, "LGWAN環境での動作要件を満たす製品が見つからず、次年度に再検討する。"),
    ),
    (
        "sanjo",
        4,
        "ものづくり企業の人材マッチング",
        "地場企業と副業人材をつなぎたい。",
        (
            "金属加工の中小企業が集積しています。",
            "デジタル人材の確保が難しい状況です。",
            "副業・兼業人材とのマッチング。",
            "商工会議所と共同で実施します。",
        ),
        "telework",
        RequestState.WITHDRAWN,
        None,
    ),
]


def _outcome(outcome, completed_at) -> dict:
    if not outcome:
        return {}
    adopted, route, budget, lessons = outcome
    return {
        "completed_at": completed_at,
        "outcome_adopted": adopted,
        "outcome_contract_route": route,
        "outcome_budget_secured": budget,
        "outcome_lessons": lessons,
    }


def _create(row, users, now) -> SupportRequest | None:
    author_key, months_ago, title, summary, parts, category, state, outcome = row
    author = users[AUTHOR_BY_KEY[author_key]]
    municipality = author.official_profile.municipality
    if SupportRequest.objects.filter(municipality=municipality, title=title).exists():
        return None
    published = now - datetime.timedelta(days=months_ago * 30)
    support_request = SupportRequest.objects.create(
        municipality=municipality,
        author=author,
        title=title,
        summary=summary,
        body=_body(*parts),
        category=category,
        budget_range="1m_5m",
        proposal_deadline=timezone.localdate(published) + datetime.timedelta(days=30),
        state=state,
        published_at=published,
        # Completed four co-creation steps (a week each) after publication, see _history.
        **_outcome(outcome, published + datetime.timedelta(days=21)),
    )
    _history(support_request, author, published - datetime.timedelta(days=7))
    return support_request


def seed(stdout) -> None:
    users = {user.email: user for user in User.objects.filter(email__in=AUTHOR_BY_KEY.values())}
    now = timezone.now()
    created = [item for row in PAST_REQUESTS if (item := _create(row, users, now)) is not None]
    for support_request in created:
        index_object(support_request)
    stdout.write(f"Demo dashboard history: {len(created)} earlier requests created")
