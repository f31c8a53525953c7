"""Demo data of the stage tracker: a year and a half of co-creations at every stage.

Sixteen co-creations of the demo municipalities, selected between about fifteen months and three
weeks ago, are driven through the real services (so the requests that reach full adoption or stop
are completed with their outcome taken from the stages), then their history rows are dated to
the day each step happened. Every date is a working day in Japan (no weekend, no public holiday)
and in the past; budgets follow the Japanese fiscal year (当初予算 decided in March for April,
補正予算 otherwise). The demo's earlier co-creating requests get their tracker at "selection".
Also the downloadable templates (協定書, 実証計画書, 評価報告書). Idempotent.
"""

import datetime
from decimal import Decimal

import jpholiday
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.documents import get_document_model

from portal.accounts.models import User
from portal.community.demo import AUTHOR_BY_KEY
from portal.community.models import RequestState, SupportRequest, SupportRequestTransition
from portal.community.models.support_requests import DEADLINE_TIMEZONE, deadline_today
from portal.core.pdf import build_pdf
from portal.search.index import index_object
from portal.stages import services
from portal.stages.models import (
    STAGE_ORDER,
    AgreementKind,
    BudgetKind,
    CoCreation,
    Decision,
    Stage,
    StageTemplate,
    stage_index,
)
from portal.startups.models import Proposal, ProposalState, ProposalTransition, Startup

# Calendar days each stage usually lasts, from entering it to entering the next one.
STAGE_DAYS = {
    Stage.SELECTED: 28,
    Stage.AGREEMENT: 35,
    Stage.POC: 98,
    Stage.EVALUATION: 30,
    Stage.BUDGET: 85,
    Stage.PROCUREMENT: 70,
}
ROUTES = ["proposal", "negotiated", "tender", "dmp", "proposal"]

# (author key, title, summary, category, startup slug, selected days ago, last stage reached,
#  stop (reason, lessons) or None, KPIs [(name, unit, target, result, higher is better)])
CO_CREATIONS = [
    (
        "maebashi",
        "窓口予約のオンライン化",
        "転入・転出手続の来庁予約をオンラインで受け付けたい。",
        "online_procedures",
        "mirai-gyosei-tech",
        470,
        Stage.ADOPTION,
        None,
        [("オンライン予約率", "%", "30", "41", True), ("平均待ち時間", "分", "20", "12", False)],
    ),
    (
        "shiojiri",
        "道路損傷の通報アプリ",
        "市民からの道路損傷の通報を写真と位置情報で受けたい。",
        "data_linkage",
        "machi-data",
        450,
        Stage.ADOPTION,
        None,
        [("通報件数（月）", "件", "50", "86", True)],
    ),
    (
        "kaga",
        "介護認定調査票のAI-OCR",
        "介護認定の調査票をAI-OCRで読み取り入力を減らしたい。",
        "ai_rpa",
        "rpa-town",
        430,
        Stage.ADOPTION,
        None,
        [("読取精度", "%", "95", "97.5", True), ("入力時間の削減", "%", "50", "62", True)],
    ),
    (
        "aizu",
        "観光客の回遊データ分析",
        "観光客の周遊行動を人流データで把握したい。",
        "tourism",
        "kanko-dx",
        390,
        Stage.PROCUREMENT,
        None,
        [("分析対象エリア", "か所", "10", "12", True)],
    ),
    (
        "kochi",
        "中山間地の見守りセンサー",
        "一人暮らし高齢者の見守りをセンサーで行いたい。",
        "health_welfare",
        "kaigo-connect",
        380,
        Stage.PROCUREMENT,
        ("procurement", "入札で別の事業者が落札した。仕様書に実証の成果を具体的に書くべきだった。"),
        [("異常検知の見逃し", "件", "0", "0", False)],
    ),
    (
        "sanjo",
        "除雪車の稼働状況の見える化",
        "除雪車の稼働状況を住民に公開したい。",
        "transport",
        "mobility-mura",
        340,
        Stage.BUDGET,
        None,
        [("位置情報の更新間隔", "秒", "60", "30", False)],
    ),
    (
        "miyakonojo",
        "畜産農家の防疫情報共有",
        "家畜伝染病の発生時に農家へ一斉に情報を届けたい。",
        "smart_agriculture",
        "agrisense",
        320,
        Stage.BUDGET,
        ("no_budget", "当初予算の査定で優先度が下がった。効果額を早い段階で示すべきだった。"),
        [("一斉連絡の到達率", "%", "90", "94", True)],
    ),
    (
        "sarabetsu",
        "ドローンによる牧草地の生育調査",
        "牧草の生育状況をドローン撮影で把握したい。",
        "smart_agriculture",
        "nouson-drone",
        290,
        Stage.EVALUATION,
        (
            "kpi_not_met",
            "冬期の撮影条件が想定より厳しく、精度が目標に届かなかった。実証の季節を選ぶべきだった。",
        ),
        [("生育判定の精度", "%", "85", "71", True)],
    ),
    (
        "kochi",
        "県立学校の校務システム統合",
        "県立学校ごとに異なる校務システムを統合したい。",
        "education",
        "edu-cloud-lab",
        250,
        Stage.EVALUATION,
        None,
        [("教員の校務時間の削減", "時間/月", "10", None, True)],
    ),
    (
        "maebashi",
        "保育施設の空き状況の公開",
        "保育施設の空き状況を毎日公開したい。",
        "online_procedures",
        "mynumber-plus",
        210,
        Stage.POC,
        None,
        [("空き情報の更新率", "%", "95", None, True)],
    ),
    (
        "shiojiri",
        "公共施設のスマートロック",
        "公民館の鍵の受け渡しをなくしたい。",
        "online_procedures",
        "mirai-gyosei-tech",
        180,
        Stage.POC,
        None,
        [("鍵の受け渡し件数", "件/月", "0", None, False)],
    ),
    (
        "kaga",
        "防災行政無線の文字配信",
        "防災無線の内容をスマートフォンにも文字で届けたい。",
        "disaster",
        "bosai-link",
        160,
        Stage.AGREEMENT,
        (
            "policy",
            "県の共同調達の方針が示され、市単独での導入は見送った。県と早く話すべきだった。",
        ),
        [],
    ),
    (
        "aizu",
        "ローカル5Gによる遠隔授業",
        "山間部の小学校をローカル5Gで結びたい。",
        "wireless_5g",
        "local5g-works",
        130,
        Stage.POC,
        None,
        [("映像の遅延", "ミリ秒", "200", None, False)],
    ),
    (
        "sanjo",
        "ものづくり補助金の電子申請",
        "市の補助金の申請をオンラインで受け付けたい。",
        "online_procedures",
        "rpa-town",
        85,
        Stage.AGREEMENT,
        None,
        [],
    ),
    (
        "miyakonojo",
        "庁内ネットワークの分離見直し",
        "三層分離の見直しに向けて現状を調べたい。",
        "security",
        "secure-gov",
        60,
        Stage.AGREEMENT,
        None,
        [],
    ),
    (
        "sarabetsu",
        "村営バスのデマンド化",
        "村営バスを予約制のデマンド交通にしたい。",
        "transport",
        "mobility-mura",
        21,
        Stage.SELECTED,
        None,
        [],
    ),
]

TEMPLATES = [
    (
        Stage.AGREEMENT,
        "実証協定書（ひな形）",
        "自治体とスタートアップが実証を行うときの協定書の例です。",
        [
            "第1条 目的",
            "第2条 実証の内容と期間",
            "第3条 費用負担",
            "第4条 個人情報の取扱い",
            "第5条 成果の帰属",
        ],
    ),
    (
        Stage.POC,
        "実証計画書（ひな形）",
        "目的・KPI・期間・体制を一枚にまとめる計画書です。",
        [
            "1. 目的と背景",
            "2. KPIと目標値",
            "3. 実施期間と場所",
            "4. 体制と役割分担",
            "5. 評価の方法",
        ],
    ),
    (
        Stage.EVALUATION,
        "評価報告書（ひな形）",
        "KPIの結果と本格導入の判断をまとめる報告書です。",
        [
            "1. 実証の概要",
            "2. KPIの結果（目標との比較）",
            "3. 費用対効果",
            "4. 課題と対応",
            "5. 判断（Go / No-go）",
        ],
    ),
]


def working_day(day: datetime.date) -> datetime.date:
    """`day`, or the next day that is neither a weekend nor a Japanese public holiday."""
    while day.weekday() >= 5 or jpholiday.is_holiday(day):
        day += datetime.timedelta(days=1)
    return day


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=DEADLINE_TIMEZONE)


def fiscal_year(day: datetime.date) -> int:
    """The Japanese fiscal year (April to March) that `day` falls in."""
    return day.year if day.month >= 4 else day.year - 1


def _pdf_upload(name: str, title: str, lines: list[str]) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, build_pdf(title, lines), content_type="application/pdf")


def _request(row, users, selected_on) -> SupportRequest | None:
    author_key, title, summary, category, slug = row[:5]
    author = users[AUTHOR_BY_KEY[author_key]]
    municipality = author.official_profile.municipality
    if SupportRequest.objects.filter(municipality=municipality, title=title).exists():
        return None
    published = working_day(selected_on - datetime.timedelta(days=45))
    support_request = SupportRequest.objects.create(
        municipality=municipality,
        author=author,
        title=title,
        summary=summary,
        body=f"## 背景\n\n{summary}\n\n## 求める支援\n\n実証から本格導入までの伴走。\n",
        category=category,
        budget_range="5m_10m",
        proposal_deadline=working_day(published + datetime.timedelta(days=21)),
        state=RequestState.SELECTING,
        published_at=_at(published, 9),
    )
    steps = [("", "draft", published), ("draft", "open", published)]
    steps.append(("open", "selecting", working_day(published + datetime.timedelta(days=22))))
    SupportRequestTransition.objects.bulk_create(
        SupportRequestTransition(
            support_request=support_request,
            from_state=from_state,
            to_state=to_state,
            actor=author,
            created_at=_at(day),
        )
        for from_state, to_state, day in steps
    )
    _select(support_request, Startup.objects.get(slug=slug), author, published, selected_on)
    index_object(support_request)
    return support_request


def _select(support_request, startup, author, published, selected_on) -> None:
    """A selected proposal, then selecting → co_creating (which starts the tracker)."""
    owner = startup.members.order_by("created_at").first().user
    submitted = working_day(published + datetime.timedelta(days=10))
    proposal = Proposal.objects.create(
        support_request=support_request,
        startup=startup,
        author=owner,
        summary=f"{startup.name}による「{support_request.title}」の実証と導入の提案",
        body="## 提案の概要\n\n実証でKPIを確かめ、本格導入まで伴走します。",
        estimated_cost_yen=4_800_000,
        timeline="実証3か月、導入まで1年",
        state=ProposalState.SELECTED,
        submitted_at=_at(submitted),
        decided_by=author,
        decided_at=_at(selected_on),
    )
    ProposalTransition.objects.bulk_create(
        [
            ProposalTransition(
                proposal=proposal,
                from_state="",
                to_state="draft",
                actor=owner,
                created_at=_at(submitted, 9),
            ),
            ProposalTransition(
                proposal=proposal,
                from_state="draft",
                to_state="submitted",
                actor=owner,
                created_at=_at(submitted),
            ),
            ProposalTransition(
                proposal=proposal,
                from_state="submitted",
                to_state="selected",
                actor=author,
                created_at=_at(selected_on),
            ),
        ]
    )
    support_request.state = RequestState.CO_CREATING
    support_request.save(update_fields=["state", "updated_at"])
    SupportRequestTransition.objects.create(
        support_request=support_request,
        from_state=RequestState.SELECTING,
        to_state=RequestState.CO_CREATING,
        actor=author,
        created_at=_at(selected_on),
    )


class _Clock:
    """Dates the history rows and the request's completion to the day a step happened."""

    def __init__(self, tracker):
        self.tracker = tracker
        self.last = 0

    def stamp(self, day: datetime.date) -> None:
        self.tracker.events.filter(pk__gt=self.last).update(created_at=_at(day, 14))
        self.last = self.tracker.events.order_by("-pk").values_list("pk", flat=True).first()


def _length(stage, jitter: int) -> int:
    """A stage's usual length, a little longer or shorter for each co-creation."""
    base = STAGE_DAYS[stage]
    return base + (jitter * 7919 + stage_index(stage) * 31) % (base // 2 + 1) - base // 4


def _dates(selected_on, last_stage, today, jitter=0):
    """Entry day of each stage up to `last_stage`, all working days before today."""
    days = {Stage.SELECTED: selected_on}
    day = selected_on
    for stage in STAGE_ORDER[1 : stage_index(last_stage) + 1]:
        previous = STAGE_ORDER[stage_index(stage) - 1]
        day = working_day(day + datetime.timedelta(days=_length(previous, jitter)))
        if stage == Stage.PROCUREMENT and _initial_budget(days[previous]):
            # An initial budget (当初予算) passes in March: procurement starts in April.
            day = working_day(datetime.date(fiscal_year(days[previous]) + 1, 4, 1))
        if day >= today:
            break
        days[stage] = day
    return days


def _details(stage, day, tracker, *, kpis, index) -> dict:
    """What the municipality records in `stage` (entered on `day`)."""
    municipality = tracker.support_request.municipality.name
    startup = tracker.support_request.proposals.get(state="selected").startup.name
    if stage == Stage.AGREEMENT:
        kind = AgreementKind.POC if index % 3 else AgreementKind.COLLABORATION
        return {
            "agreement_kind": kind,
            "agreement_signed_on": working_day(day + datetime.timedelta(days=14)),
            "agreement_parties": f"{municipality}・{startup}",
        }
    if stage == Stage.POC:
        return {
            "poc_planned_start": day,
            "poc_actual_start": working_day(day + datetime.timedelta(days=3)),
        }
    if stage == Stage.EVALUATION:
        if any(kpi[3] is None for kpi in kpis):
            return {}  # results not in yet
        met = all(_met(kpi) for kpi in kpis)
        return {
            "evaluation_decision": Decision.GO if met else Decision.NO_GO,
            "evaluation_summary": "KPIの目標を達成し、本格導入に進む。"
            if met
            else "KPIが目標に届かなかった。",
        }
    if stage == Stage.BUDGET:
        initial = _initial_budget(day)
        return {
            "budget_fiscal_year": fiscal_year(day) + (1 if initial else 0),
            "budget_amount_yen": 3_600_000 + 400_000 * (index % 5),
            "budget_kind": BudgetKind.INITIAL if initial else BudgetKind.SUPPLEMENTARY,
            "budget_subsidy_name": "デジタル田園都市国家構想交付金" if index % 2 else "",
        }
    if stage == Stage.PROCUREMENT:
        return {
            "procurement_route": ROUTES[index % len(ROUTES)],
            "procurement_announced_on": working_day(day + datetime.timedelta(days=7)),
            "procurement_contracted_on": working_day(day + datetime.timedelta(days=45)),
        }
    return {}


def _initial_budget(day: datetime.date) -> bool:
    """Budget work from October to March aims at next fiscal year's initial budget (当初予算);
    from April to September at a supplementary one (補正予算)."""
    return day.month >= 10 or day.month <= 3


def _met(kpi) -> bool:
    _name, _unit, target, result, higher = kpi
    return Decimal(result) >= Decimal(target) if higher else Decimal(result) <= Decimal(target)


def _leave_poc(tracker, actor, day, clock):
    end = working_day(day - datetime.timedelta(days=5))
    services.tracker_details_update(
        tracker=tracker, actor=actor, stage=Stage.POC, poc_actual_end=end
    )
    clock.stamp(end)


def _run(tracker, actor, row, index, today) -> None:
    """Drive `tracker` through its stages with the services, dating each step."""
    last_stage, stop, kpis = row[6], row[7], row[8]
    days = _dates(tracker.periods.get().entered_on, last_stage, today, jitter=index)
    clock = _Clock(tracker)
    clock.stamp(days[Stage.SELECTED])
    reached = list(days)
    for position, stage in enumerate(reached):
        day = days[stage]
        if stage != Stage.SELECTED:
            planned = working_day(day + datetime.timedelta(days=STAGE_DAYS.get(stage, 60)))
            services.stage_advance(
                tracker=tracker,
                actor=actor,
                entered_on=day,
                planned_end=planned if stage != Stage.ADOPTION else None,
                lessons="実証の段階から原課と情報システム部門が一緒に参加したことが導入を早めた。"
                if stage == Stage.ADOPTION
                else "",
            )
            clock.stamp(day)
            tracker.refresh_from_db()
        if stage == Stage.ADOPTION:
            return
        details = _details(stage, day, tracker, kpis=kpis, index=index)
        if details:
            services.tracker_details_update(tracker=tracker, actor=actor, stage=stage, **details)
            clock.stamp(working_day(day + datetime.timedelta(days=10)))
        if stage == Stage.AGREEMENT and index % 2 == 0:
            services.stage_document_add(
                tracker=tracker,
                actor=actor,
                stage=stage,
                upload=_pdf_upload(
                    "jissho-kyotei.pdf", "実証協定書", [tracker.support_request.title]
                ),
                title="実証協定書（締結版）",
            )
            clock.stamp(working_day(day + datetime.timedelta(days=15)))
        if stage == Stage.POC:
            for name, unit, target, _result, higher in kpis:
                services.kpi_add(
                    tracker=tracker,
                    actor=actor,
                    name=name,
                    unit=unit,
                    target=Decimal(target),
                    higher_is_better=higher,
                )
            clock.stamp(day)
        is_last = position == len(reached) - 1
        if stage == Stage.POC and not is_last:
            _leave_poc(tracker, actor, days[reached[position + 1]], clock)
        if stage == Stage.EVALUATION:
            results = {
                kpi.pk: Decimal(row_kpi[3])
                for kpi, row_kpi in zip(tracker.kpis.order_by("pk"), kpis, strict=True)
                if row_kpi[3] is not None
            }
            if results:
                services.kpi_results_set(tracker=tracker, actor=actor, results=results)
                clock.stamp(working_day(day + datetime.timedelta(days=7)))
    if stop:
        reason, lessons = stop
        stopped_on = working_day(days[reached[-1]] + datetime.timedelta(days=20))
        stopped_on = min(stopped_on, today - datetime.timedelta(days=1))
        services.stage_stop(
            tracker=tracker, actor=actor, reason=reason, lessons=lessons, stopped_on=stopped_on
        )
        clock.stamp(stopped_on)


def _date_completion(tracker) -> None:
    """The request was completed on the day the tracker closed, not when the demo ran."""
    day = tracker.stopped_on or tracker.adoption_started_on
    if day is None:
        return
    SupportRequest.objects.filter(pk=tracker.support_request_id).update(completed_at=_at(day, 15))
    SupportRequestTransition.objects.filter(
        support_request_id=tracker.support_request_id, to_state=RequestState.COMPLETED
    ).update(created_at=_at(day, 15))
    CoCreation.objects.filter(pk=tracker.pk).update(closed_at=_at(day, 15))


def _pending_update(tracker) -> None:
    """The school-systems startup has reported its PoC end date; the prefecture must answer."""
    member = tracker.support_request.proposals.get(state="selected").startup.members.first().user
    if not tracker.updates.exists() and tracker.stage == Stage.EVALUATION:
        services.stage_update_propose(
            tracker=tracker,
            actor=member,
            changes={f"kpi:{kpi.pk}": "12.5" for kpi in tracker.kpis.all()},
            note="実証校3校の集計結果です。評価報告書の案を添付します。",
            upload=_pdf_upload(
                "hyoka-hokoku.pdf", "評価報告書（案）", ["校務時間の削減 12.5時間/月"]
            ),
            document_title="評価報告書（案）",
        )


def _templates() -> int:
    Document = get_document_model()
    created = 0
    for order, (stage, title, description, lines) in enumerate(TEMPLATES):
        if StageTemplate.objects.filter(title=title).exists():
            continue
        document = Document(title=title)
        document.file.save(
            f"stage-template-{stage}.pdf", ContentFile(build_pdf(title, lines)), save=False
        )
        document._set_document_file_metadata()
        document.save()
        StageTemplate.objects.create(
            stage=stage, title=title, description=description, document=document, sort_order=order
        )
        created += 1
    return created


def _start_existing() -> int:
    """The other demos' co-creating requests (bulk-created history) get their tracker."""
    started = 0
    for support_request in SupportRequest.objects.filter(
        state=RequestState.CO_CREATING, stage_tracker__isnull=True
    ):
        change = support_request.transitions.filter(to_state=RequestState.CO_CREATING).last()
        moment = change.created_at if change else timezone.now()
        services.tracker_start(
            support_request=support_request,
            selected_on=working_day(moment.astimezone(DEADLINE_TIMEZONE).date()),
        )
        started += 1
    return started


def seed(stdout) -> None:
    users = {user.email: user for user in User.objects.filter(email__in=AUTHOR_BY_KEY.values())}
    today = deadline_today()
    created = 0
    for index, row in enumerate(CO_CREATIONS):
        selected_on = working_day(today - datetime.timedelta(days=row[5]))
        support_request = _request(row, users, selected_on)
        if support_request is None:
            continue
        tracker = support_request.stage_tracker
        _run(tracker, support_request.author, row, index, today)
        tracker.refresh_from_db()
        _date_completion(tracker)
        if row[1] == "県立学校の校務システム統合":
            _pending_update(tracker)
        created += 1
    started = _start_existing()
    templates = _templates()
    stdout.write(
        f"Demo stage tracker: {created} co-creations, {started} trackers started, "
        f"{templates} templates"
    )
