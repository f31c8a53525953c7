"""Demo proposals (development only): ~20 realistic proposals to the demo requests, in every
state. One selection goes through ``proposal_select``, so its request moves to co-creation and its
co-creation channel opens exactly as in real use. Idempotent (one proposal per startup and
request)."""

import datetime

from django.utils import timezone

from portal.accounts.models import User
from portal.community.models import SupportRequest
from portal.startups.models import Proposal, ProposalState, ProposalTransition, Startup
from portal.startups.proposals import services

# The path of states each final state went through.
PATHS = {
    ProposalState.DRAFT: [],
    ProposalState.SUBMITTED: [ProposalState.SUBMITTED],
    ProposalState.SHORTLISTED: [ProposalState.SUBMITTED, ProposalState.SHORTLISTED],
    ProposalState.SELECTED: [
        ProposalState.SUBMITTED,
        ProposalState.SHORTLISTED,
        ProposalState.SELECTED,
    ],
    ProposalState.DECLINED: [ProposalState.SUBMITTED, ProposalState.DECLINED],
    ProposalState.WITHDRAWN: [ProposalState.SUBMITTED, ProposalState.WITHDRAWN],
}
DECLINE_MESSAGE = (
    "ご提案ありがとうございました。今回は既存システムとの連携実績を重視し、別の提案を採択しました。"
    "費用の内訳が明確で大変参考になりました。次の機会にもぜひご提案ください。"
)

# (request title, startup slug, final state, summary, body, cost in yen, timeline)
PROPOSALS = [
    (
        "窓口の待ち時間を減らすオンライン申請の拡充",
        "mirai-gyosei-tech",
        ProposalState.SHORTLISTED,
        "ノーコード電子申請とLINE連携で、主要30手続を半年でオンライン化します。",
        "## 提案の概要\n\n既存の電子申請基盤に、職員がノーコードで申請フォームを作れる仕組みを追加します。"
        "\n\n## 進め方\n\n1. 来庁者数の多い手続を窓口データから選定\n2. LINE公式アカウントから申請・予約"
        "\n3. 申請データを基幹系へCSV連携\n\n## 実績\n\n前橋市の子育て関連手続で導入済みです。",
        4_800_000,
        "契約から6か月（3か月で第1弾公開）",
    ),
    (
        "窓口の待ち時間を減らすオンライン申請の拡充",
        "mynumber-plus",
        ProposalState.SUBMITTED,
        "マイナンバーカードの公的個人認証で、本人確認が必要な手続もスマホで完結させます。",
        "## 提案\n\nJPKIによる本人確認を組み込んだ申請画面を提供します。\n\n"
        "## 効果\n\n来庁が必要な手続を約4割削減できる見込みです。",
        6_200_000,
        "8か月",
    ),
    (
        "窓口の待ち時間を減らすオンライン申請の拡充",
        "rpa-town",
        ProposalState.SUBMITTED,
        "受付後の事務をRPAで自動化し、オンライン申請の処理時間を半分にします。",
        "## 提案\n\n申請データの基幹系への転記をRPAで自動化します。職員研修も含みます。",
        3_500_000,
        "4か月",
    ),
    (
        "窓口の待ち時間を減らすオンライン申請の拡充",
        "machi-data",
        ProposalState.DECLINED,
        "窓口の混雑状況をリアルタイムに公開し、来庁の分散を促します。",
        "## 提案\n\n番号発券機のデータをオープンデータとして公開し、地図アプリに表示します。",
        1_800_000,
        "2か月",
    ),
    (
        "AI-OCRとRPAによる給付金事務の自動化",
        "rpa-town",
        ProposalState.SELECTED,
        "AI-OCRで申請書を読み取り、RPAで審査前の照合まで自動化します。",
        "## 提案\n\n手書き申請書をAI-OCRで読み取り、住民基本台帳との照合をRPAで自動化します。"
        "\n\n## 実績\n\n前橋市の市民税申告書のAI-OCR読取で導入実績があります。",
        7_500_000,
        "契約から5か月",
    ),
    (
        "AI-OCRとRPAによる給付金事務の自動化",
        "mirai-gyosei-tech",
        ProposalState.DECLINED,
        "給付金の申請自体をオンライン化し、紙の申請書を減らします。",
        "## 提案\n\n申請のオンライン化で紙の申請書の読み取り自体を不要にします。",
        5_900_000,
        "6か月",
    ),
    (
        "AI-OCRとRPAによる給付金事務の自動化",
        "hyojunka-support",
        ProposalState.SUBMITTED,
        "標準化後の基幹システムと連携するRPAシナリオを設計します。",
        "## 提案\n\n標準準拠システムへの移行を見据えたRPAシナリオ設計を支援します。",
        2_900_000,
        "3か月",
    ),
    (
        "介護認定調査のタブレット化",
        "kaigo-connect",
        ProposalState.SUBMITTED,
        "調査票をタブレットで入力し、主治医意見書と突合して認定審査会資料を自動作成します。",
        "## 提案\n\n介護認定調査員がオフラインでも入力できるタブレットアプリを提供します。",
        8_400_000,
        "7か月",
    ),
    (
        "介護認定調査のタブレット化",
        "mirai-gyosei-tech",
        ProposalState.DRAFT,
        "（作成中）ノーコードで調査票をデジタル化します。",
        "## 下書き\n\n調査票の項目を整理中です。",
        None,
        "",
    ),
    (
        "公共交通のオンデマンド化と予約システム",
        "mirai-gyosei-tech",
        ProposalState.SUBMITTED,
        "電話とLINEの両方で予約できるオンデマンド交通の予約窓口を提供します。",
        "## 提案\n\n高齢者の電話予約をオペレーターが代行入力できる画面を備えます。",
        3_200_000,
        "3か月",
    ),
    (
        "公共交通のオンデマンド化と予約システム",
        "mobility-mura",
        ProposalState.SHORTLISTED,
        "AI配車のオンデマンド交通を、運行事業者と一体で導入します。",
        "## 提案\n\nAIによる乗合配車と、車両の位置情報公開を組み合わせます。",
        12_000_000,
        "契約から9か月",
    ),
    (
        "避難所運営のデジタル化（受付・物資管理）",
        "bosai-link",
        ProposalState.SUBMITTED,
        "マイナンバーカードで避難所受付を行い、物資の過不足を本部と共有します。",
        "## 提案\n\n避難者の受付と物資在庫を一つの画面で管理します。",
        4_100_000,
        "4か月",
    ),
    (
        "避難所運営のデジタル化（受付・物資管理）",
        "mirai-gyosei-tech",
        ProposalState.WITHDRAWN,
        "避難所受付をLINEで事前登録できるようにします。",
        "## 提案\n\n事前登録で受付時間を短縮します。",
        2_000_000,
        "2か月",
    ),
    (
        "マイナンバーカードを使った図書館・公共施設の利用",
        "mirai-gyosei-tech",
        ProposalState.SUBMITTED,
        "マイナンバーカードを図書館カードとして使えるようにし、施設予約とも連携します。",
        "## 提案\n\n図書館システムとの連携APIを提供します。",
        2_600_000,
        "4か月",
    ),
    (
        "マイナンバーカードを使った図書館・公共施設の利用",
        "mynumber-plus",
        ProposalState.SHORTLISTED,
        "カードの利用者証明用電子証明書で、公共施設の入退館を無人化します。",
        "## 提案\n\n入退館ゲートとの連携を含めて提案します。",
        5_400_000,
        "6か月",
    ),
    (
        "メタバースを活用した移住相談窓口",
        "kanko-dx",
        ProposalState.SUBMITTED,
        "メタバース上の相談窓口と、観光データを使った移住体験ツアーを組み合わせます。",
        "## 提案\n\n週末だけ開く仮想相談窓口から始めます。",
        3_900_000,
        "5か月",
    ),
    (
        "中山間地域のオンライン診療と服薬指導",
        "kaigo-connect",
        ProposalState.SHORTLISTED,
        "公民館を拠点に看護師が同席するオンライン診療の仕組みを作ります。",
        "## 提案\n\n通信環境の整った公民館に端末を置き、看護師が同席します。",
        6_800_000,
        "6か月",
    ),
    (
        "中山間地域のオンライン診療と服薬指導",
        "local5g-works",
        ProposalState.DECLINED,
        "ローカル5Gで高精細な遠隔診療を実現します。",
        "## 提案\n\nローカル5G基地局を診療所周辺に設置します。",
        15_000_000,
        "12か月",
    ),
    (
        "農業用水路の水位遠隔監視",
        "agrisense",
        ProposalState.SUBMITTED,
        "LPWA水位センサーで用水路を遠隔監視し、閾値超過を農家にLINEで通知します。",
        "## 提案\n\n塩尻市の水田センサー実証の仕組みを用水路に応用します。",
        2_400_000,
        "3か月",
    ),
    (
        "農業用水路の水位遠隔監視",
        "nouson-drone",
        ProposalState.SUBMITTED,
        "ドローンの定期巡回と水位センサーを組み合わせ、用水路の異常を早期に発見します。",
        "## 提案\n\n月2回のドローン巡回で、センサーでは見えない土砂の堆積も確認します。",
        3_100_000,
        "4か月",
    ),
]
# Decided through the service (so the request's state and channel follow), not written directly.
SELECTED_THROUGH_SERVICE = ("AI-OCRとRPAによる給付金事務の自動化", "rpa-town")


def _transitions(proposal: Proposal, *, author: User, decider: User, start) -> None:
    ProposalTransition.objects.create(
        proposal=proposal,
        from_state="",
        to_state=ProposalState.DRAFT,
        actor=author,
        created_at=start,
    )
    previous = ProposalState.DRAFT
    for step, state in enumerate(PATHS[proposal.state], start=1):
        by_startup = state in {ProposalState.SUBMITTED, ProposalState.WITHDRAWN}
        ProposalTransition.objects.create(
            proposal=proposal,
            from_state=previous,
            to_state=state,
            actor=author if by_startup else decider,
            message=DECLINE_MESSAGE if state == ProposalState.DECLINED else "",
            created_at=start + datetime.timedelta(days=step * 2),
        )
        previous = state


def _create(index, row, *, now) -> Proposal | None:
    title, slug, state, summary, body, cost, timeline = row
    support_request = (
        SupportRequest.objects.filter(title=title).select_related("municipality__parent").first()
    )
    startup = Startup.objects.filter(slug=slug).first()
    owner = startup and startup.members.order_by("created_at").first()
    if support_request is None or owner is None:
        return None
    if Proposal.objects.filter(support_request=support_request, startup=startup).exists():
        return None
    decider = support_request.author
    through_service = (title, slug) == SELECTED_THROUGH_SERVICE
    final = ProposalState.SHORTLISTED if through_service else state
    start = now - datetime.timedelta(days=20 - index % 10)
    submitted = final != ProposalState.DRAFT
    proposal = Proposal.objects.create(
        support_request=support_request,
        startup=startup,
        author=owner.user,
        summary=summary,
        body=body,
        estimated_cost_yen=cost,
        timeline=timeline,
        state=final,
        submitted_at=start + datetime.timedelta(days=2) if submitted else None,
        decided_by=decider if final in {"shortlisted", "selected", "declined"} else None,
        decided_at=start + datetime.timedelta(days=4)
        if final in {"selected", "declined"}
        else None,
        decision_message=DECLINE_MESSAGE if final == ProposalState.DECLINED else "",
        withdrawn_at=start + datetime.timedelta(days=4) if final == "withdrawn" else None,
    )
    _transitions(proposal, author=owner.user, decider=decider, start=start)
    if through_service:
        proposal = services.proposal_select(proposal=proposal, actor=decider)
    return proposal


def _history_startup(support_request) -> Startup | None:
    """The startup the demo means for `support_request`, else one offering its category."""
    from portal.startups.demo import INTENDED_MATCHES

    slug = INTENDED_MATCHES.get(support_request.title)
    startups = Startup.objects.filter(members__isnull=False).distinct()
    if slug:
        return startups.filter(slug=slug).first()
    return startups.filter(categories__category=support_request.category).order_by("pk").first()


def _history_dates(support_request, *, now, index):
    """Submitted a few days after publication, selected some weeks later, always in the past
    and before the request was completed."""
    published = support_request.published_at
    latest = min(filter(None, [support_request.completed_at, now]))
    submitted = min(published + datetime.timedelta(days=3 + index % 9), latest)
    selected = min(submitted + datetime.timedelta(days=14 + (index * 5) % 30), latest)
    return submitted, selected


def _seed_history(*, now) -> int:
    """Requests that went on to co-creation (or were completed with an adopted solution) in the
    demo data got there through a selected proposal; give each one, so that the community
    dashboard's funnel and time-to-selection read like a real year."""
    requests = SupportRequest.objects.filter(
        published_at__isnull=False, state__in=["co_creating", "completed"]
    ).exclude(state="completed", outcome_adopted=False)
    created = 0
    for index, support_request in enumerate(requests.order_by("published_at", "pk")):
        if support_request.proposals.filter(state=ProposalState.SELECTED).exists():
            continue
        startup = _history_startup(support_request)
        owner = startup and startup.members.order_by("created_at").first()
        if owner is None or support_request.proposals.filter(startup=startup).exists():
            continue
        submitted, selected = _history_dates(support_request, now=now, index=index)
        decider = support_request.author
        proposal = Proposal.objects.create(
            support_request=support_request,
            startup=startup,
            author=owner.user,
            summary=f"{startup.name}による「{support_request.title}」の実施提案",
            body="## 提案の概要\n\n要請の内容に沿って、実証から本格導入までを伴走します。",
            estimated_cost_yen=1_000_000 * (2 + index % 7),
            timeline=f"{3 + index % 6}か月",
            state=ProposalState.SELECTED,
            submitted_at=submitted,
            decided_by=decider,
            decided_at=selected,
        )
        steps = [
            ("", ProposalState.DRAFT, owner.user, submitted),
            (ProposalState.DRAFT, ProposalState.SUBMITTED, owner.user, submitted),
            (ProposalState.SUBMITTED, ProposalState.SELECTED, decider, selected),
        ]
        for from_state, to_state, actor, at in steps:
            ProposalTransition.objects.create(
                proposal=proposal,
                from_state=from_state,
                to_state=to_state,
                actor=actor,
                created_at=at,
            )
        created += 1
    return created


def seed(stdout) -> None:
    now = timezone.now()
    created = [_create(index, row, now=now) for index, row in enumerate(PROPOSALS)]
    count = sum(1 for proposal in created if proposal is not None)
    history = _seed_history(now=now)
    stdout.write(
        f"Demo proposals: {count} created, {len(PROPOSALS)} in the set; "
        f"{history} selected proposals behind co-creating and completed requests"
    )
