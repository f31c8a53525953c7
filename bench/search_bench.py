"""Japanese search benchmark (not a test): recall and latency of the request search.

Loads N synthetic but realistic support requests (default 10,000) into the database named by
DATABASE_URL, then for each query of a Japanese query set:

* recall: the search must return EVERY request whose text contains the query (checked against
  a plain substring scan of the same normalised text), and nothing that lacks a query term;
* latency: the request list page's two search queries (first page of 20 rows with their list
  data, and the count), repeated, reported as p50/p95 per query and overall.

Use a database of its own, e.g.:

    DATABASE_URL=sqlite:////tmp/search_bench.sqlite3 .venv/bin/python bench/search_bench.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_bench \
        .venv/bin/python bench/search_bench.py --requests 10000 --repeat 30

The data is generated from a fixed seed, so runs are comparable; ``--reset`` reloads it.
Results are also written to bench/results/search-<vendor>-<n>.json.
"""

import argparse
import datetime
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from portal.community.models import Municipality, SupportRequest  # noqa: E402
from portal.community.selectors import RequestFilters, support_request_list  # noqa: E402
from portal.search import search  # noqa: E402
from portal.search.analysis import (  # noqa: E402
    index_tokens,
    is_cjk,
    normalize,
    query_terms,
    runs,
)
from portal.search.index import index_objects  # noqa: E402

BENCH_TITLE_PREFIX = "［bench］"
SEED = 20260401

# Each request is about one topic (its category), as real requests are: subjects and sentences
# come from the topic, plus a few conditions common to many requests.
TOPICS = {
    "online_procedures": (
        ["窓口の待ち時間", "転入手続", "税の証明書発行", "子育て支援の申請", "書かない窓口"],
        [
            "繁忙期には窓口に長い列ができ、住民の待ち時間が課題になっています。",
            "オンライン化済みの手続は全体の2割にとどまっています。",
            "電子申請とキャッシュレス決済を組み合わせたい。",
            "マイナンバーカードによる本人確認を取り入れたい。",
        ],
    ),
    "ai_rpa": (
        ["給付金の事務", "議事録の作成", "問い合わせ対応", "庁内文書の作成"],
        [
            "紙の申請書の入力に多くの時間がかかり、職員の残業が増えています。",
            "AI-OCRとRPAを組み合わせた業務改善を検討しています。",
            "生成AIを安全に使うためのガイドラインが必要です。",
        ],
    ),
    "telework": (
        ["テレワーク環境", "在宅就労の支援", "ワーケーション拠点"],
        [
            "テレワークで働く職員の業務継続を支えたい。",
            "子育て世代が地元でテレワーク就労できるようにしたい。",
        ],
    ),
    "security": (
        ["標的型メール訓練", "セキュリティ監視", "ログの分析"],
        [
            "他自治体でランサムウェアの被害が報告されています。",
            "小規模な自治体でもインシデント対応の体制をつくりたい。",
        ],
    ),
    "standardisation": (
        ["基幹業務システムの移行", "標準準拠システム", "移行計画"],
        [
            "標準化の期限に向けて移行作業の全体像を整理したい。",
            "Fit&Gap分析とベンダー調整を支援してほしい。",
        ],
    ),
    "my_number": (
        ["マイナンバーカードの活用", "図書館の利用登録", "公共施設の予約"],
        [
            "カードの交付率は上がったものの独自の活用場面が少ない状況です。",
            "公的個人認証サービスを使った本人確認を導入したい。",
        ],
    ),
    "disaster": (
        ["避難所の受付", "河川の水位", "防災無線の更新", "土砂災害の監視"],
        [
            "総合防災訓練で、避難者の受付と物資の管理に時間がかかりました。",
            "河川の水位をセンサーで常時監視し、避難情報の発令を早めたい。",
            "停電時も72時間以上稼働することが条件です。",
        ],
    ),
    "health_welfare": (
        ["介護認定の調査", "オンライン診療", "見守りサービス"],
        [
            "医療機関の少ない地域でオンライン診療を実現したい。",
            "介護認定調査の転記作業を減らしたい。",
        ],
    ),
    "education": (
        ["学校の遠隔授業", "GIGAスクール端末", "校務の効率化"],
        [
            "小規模校同士をつなぐ遠隔合同授業を実現したい。",
            "教育委員会と連携し、GIGAスクール端末を活用します。",
        ],
    ),
    "smart_agriculture": (
        ["水田の水位", "牛の体調", "自動操舵トラクター", "農業用ドローン"],
        [
            "スマート農業の導入で、担い手不足を補いたいと考えています。",
            "農業用水路の見回りの負担を減らしたい。",
            "通信環境の弱い圃場でも動作することが必要です。",
        ],
    ),
    "tourism": (
        ["観光客の周遊", "移住相談", "多言語の観光案内"],
        [
            "観光客の滞在時間を延ばす施策の効果を測定したい。",
            "人流データとキャッシュレス決済データを組み合わせたい。",
        ],
    ),
    "transport": (
        ["路線バスの予約", "除雪車の位置", "ドローン配送"],
        ["オンデマンド交通の予約と配車を効率化したい。", "大雪の日の問い合わせを減らしたい。"],
    ),
    "wireless_5g": (
        ["ローカル5Gの実証", "公衆Wi-Fiの整備", "LPWA網の構築"],
        [
            "中山間地域では通信環境が弱く、既存のサービスが使えません。",
            "高度無線技術を使った遠隔検査を実証したい。",
        ],
    ),
    "data_linkage": (
        ["オープンデータ", "データ連携基盤", "ふるさと納税の在庫"],
        [
            "データ連携基盤のAPIを活用したサービスを募集します。",
            "庁内のデータを整理して公開したい。",
        ],
    ),
    "other": (
        ["職員研修", "広報のデジタル化"],
        ["職員のデジタルスキルを底上げしたい。"],
    ),
}
GOALS = [
    "を減らしたい",
    "をデジタル化したい",
    "を見える化したい",
    "を自動化したい",
    "を効率化したい",
    "をオンラインで完結させたい",
    "を共同で調達したい",
    "を住民に公開したい",
]
COMMON = [
    "LGWAN接続系との分離を前提にした構成が必要です。",
    "ガバメントクラウドへの移行後も使えることを条件とします。",
    "近隣自治体と共同で利用できる仕組みが望ましいです。",
    "個人情報を扱うため、情報セキュリティ対策を徹底してください。",
    "高齢の住民でも使いやすい操作性を重視します。",
    "補助金等支援制度の活用を前提に事業を組み立てます。",
]
TAGS = [
    "電子申請",
    "防災DX",
    "スマート農業",
    "生成AI",
    "RPA",
    "テレワーク",
    "セキュリティ",
    "標準化",
    "ローカル5G",
    "オープンデータ",
    "MaaS",
    "教育DX",
    "医療DX",
    "観光DX",
    "キャッシュレス",
]
QUERIES = [
    "防災",
    "農業",
    "窓口",
    "観光",
    "教育",
    "避難所",
    "テレワーク",
    "オンライン",
    "電子申請",
    "マイナンバーカード",
    "ローカル5G",
    "データ連携",
    "生成AI",
    "RPA",
    "ドローン",
    "除雪",
    "防災 訓練",
    "窓口 待ち時間",
    "ｵﾝﾗｲﾝ",
    "ＡＩ",
]


def generate(count: int) -> None:
    """Create `count` bench requests (deterministic) and index them."""
    rng = random.Random(SEED)
    municipalities = list(Municipality.objects.exclude(kind="ward").order_by("code")[:400])
    now = timezone.now()
    today = timezone.localdate()
    batch = []
    for number in range(count):
        category = rng.choice(list(TOPICS))
        subjects, sentences = TOPICS[category]
        subject, goal = rng.choice(subjects), rng.choice(GOALS)
        body = "\n\n".join(
            [
                "## 背景\n\n" + " ".join(rng.sample(sentences, min(2, len(sentences)))),
                f"## 求める支援\n\n{subject}{goal}。",
                "## 条件\n\n" + rng.choice(COMMON),
            ]
        )
        batch.append(
            SupportRequest(
                municipality=rng.choice(municipalities),
                title=f"{BENCH_TITLE_PREFIX}{subject}{goal}（{number}）",
                summary=f"{subject}{goal}。" + rng.choice(sentences),
                body=body,
                category=category,
                state="open",
                visibility="public",
                published_at=now - datetime.timedelta(minutes=number),
                proposal_deadline=today + datetime.timedelta(days=rng.randint(1, 90)),
                municipality_count=rng.choice([1, 1, 1, 2, 3]),
            )
        )
        if len(batch) == 1000:
            _save(batch, rng)
            batch = []
    if batch:
        _save(batch, rng)


def _save(batch, rng) -> None:
    with transaction.atomic():
        created = SupportRequest.objects.bulk_create(batch)
        if connection.vendor == "sqlite" and created[0].pk is None:  # old SQLite: refetch ids
            created = list(SupportRequest.objects.filter(title__in=[r.title for r in batch]))
        for request in created:
            request.tags.set(rng.sample(TAGS, 2))
        index_objects(
            SupportRequest,
            SupportRequest.objects.filter(pk__in=[r.pk for r in created])
            .select_related("municipality")
            .prefetch_related("tags"),
        )
    print(f"  loaded {SupportRequest.objects.count()} requests", flush=True)


def document_text(request) -> str:
    tags = " ".join(tag.name for tag in request.tags.all())
    return normalize(
        " ".join(
            [
                request.title,
                request.summary,
                request.body,
                tags,
                request.category_search_text(),
                request.municipality.name,
            ]
        )
    )


def expected_matches(documents: dict, query: str) -> set:
    """Every document containing every term of `query`: Japanese terms as substrings of the
    normalised text (what users expect), other words as the start of a word (digits: anywhere
    in a number)."""
    terms = query_terms(query)

    def contains(text: str, words: set, term) -> bool:
        if runs(term.text)[0].cjk:
            return term.text in text
        return any(word.startswith(term.text) for word in words)

    matches = set()
    for pk, text in documents.items():
        words = {token for token in index_tokens(text) if not is_cjk(token[0])}
        if all(contains(text, words, term) for term in terms):
            matches.add(pk)
    return matches


def measure(query: str, repeat: int) -> list[float]:
    filters = RequestFilters(q=query)
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        queryset = support_request_list(user=AnonymousUser(), filters=filters)
        list(queryset[:20])
        queryset.count()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--reset", action="store_true", help="Delete and reload the bench data.")
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    bench = SupportRequest.objects.filter(title__startswith=BENCH_TITLE_PREFIX)
    if args.reset:
        bench.delete()
    missing = args.requests - bench.count()
    if missing > 0:
        print(f"Loading {missing} requests into {connection.vendor}…", flush=True)
        generate(missing)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # what autovacuum does after a bulk load

    documents = {
        request.pk: document_text(request)
        for request in SupportRequest.objects.select_related("municipality").prefetch_related(
            "tags"
        )
    }
    print(f"\n{connection.vendor}: {len(documents)} requests, {args.repeat} runs per query\n")
    print(f"{'query':<16}{'matches':>8}{'recall':>8}{'p50 ms':>9}{'p95 ms':>9}")
    all_timings, rows, failures = [], [], []
    for query in QUERIES:
        expected = expected_matches(documents, query)
        found = set(search(SupportRequest.objects.all(), query).values_list("pk", flat=True))
        missed, extra = expected - found, found - expected
        if missed or extra:
            failures.append((query, len(missed), len(extra)))
        timings = measure(query, args.repeat)
        all_timings.extend(timings)
        recall = len(expected & found) / len(expected) if expected else 1.0
        row = {
            "query": query,
            "matches": len(found),
            "expected": len(expected),
            "recall": recall,
            "p50_ms": round(percentile(timings, 0.5), 2),
            "p95_ms": round(percentile(timings, 0.95), 2),
        }
        rows.append(row)
        print(f"{query:<16}{len(found):>8}{recall:>8.0%}{row['p50_ms']:>9.1f}{row['p95_ms']:>9.1f}")
    summary = {
        "vendor": connection.vendor,
        "requests": len(documents),
        "repeat": args.repeat,
        "p50_ms": round(statistics.median(all_timings), 2),
        "p95_ms": round(percentile(all_timings, 0.95), 2),
        "all_expected_found": not failures,
        "queries": rows,
    }
    print(f"\noverall p50 {summary['p50_ms']:.1f} ms, p95 {summary['p95_ms']:.1f} ms")
    for query, missed, extra in failures:
        print(f"RECALL FAILURE {query!r}: {missed} missed, {extra} unexpected")
    out = ROOT / "bench" / "results" / f"search-{connection.vendor}-{len(documents)}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary, ensure_ascii=False, indent=2))
    print(f"written to {out.relative_to(ROOT)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
