"""Bulk-built benchmark data: N support requests, startups and case studies (deterministic).

Used by bench/pages_bench.py inside an already set-up Django process. Rows are inserted with
``bulk_create`` (tags through their through-model in bulk too) and indexed with the portal's
bulk indexer, 2,000 at a time: 100,000 requests take minutes. Case studies are real Wagtail
pages (``add_child``) because the page tree has to be right; they are built before the
requests so that each page save indexes against a small index table.
"""

import datetime
import random
import time

from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from taggit.models import Tag

from portal.accounts.models import User
from portal.cms.models import CaseStudyIndexPage, CaseStudyMunicipality, CaseStudyPage
from portal.community.models import Municipality, SupportRequest
from portal.community.models.support_requests import TaggedSupportRequest
from portal.search.index import index_objects
from portal.startups.models import Startup, StartupCategory

PREFIX = "［bench］"
SEED = 20261201
CHUNK = 2_000
DEMO_OFFICIAL = "official1@example.jp"  # seed_demo's; the benchmark signs in as this official

TOPICS = {
    "online_procedures": ("窓口の待ち時間", "電子申請とキャッシュレス決済を組み合わせたい。"),
    "ai_rpa": ("議事録の作成", "AI-OCRとRPAを組み合わせた業務改善を検討しています。"),
    "telework": ("在宅就労の支援", "子育て世代が地元でテレワーク就労できるようにしたい。"),
    "security": ("庁内ネットワーク", "LGWAN接続系とインターネットの分離を見直したい。"),
    "disaster": ("避難所の運営", "防災訓練で避難所の混雑をリアルタイムに把握したい。"),
    "health_welfare": ("見守り", "高齢者の見守りにセンサーを使いたい。"),
    "education": ("GIGAスクール端末", "学校の端末更新とオンライン授業を支えたい。"),
    "smart_agriculture": ("水田の水位管理", "スマート農業で水田の見回りを減らしたい。"),
    "tourism": ("観光案内", "観光客向けの多言語案内をデジタル化したい。"),
    "transport": ("デマンド交通", "AIデマンド交通で通院の足を確保したい。"),
    "wireless_5g": ("ローカル5G", "ローカル5Gで河川の映像を監視したい。"),
    "data_linkage": ("オープンデータ", "ごみ収集と子育て施設のデータを連携したい。"),
}
GOALS = ["の効率化", "のオンライン化", "の見える化", "の改善", "の共同調達"]
TAGS = ["LPWA", "ドローン", "生成AI", "RPA", "ローカル5G", "GIS", "IoT", "BPR"]


def ensure(*, requests: int, startups: int, cases: int) -> None:
    if not User.objects.filter(email=DEMO_OFFICIAL).exists():
        call_command("seed_demo", verbosity=0)
    built = _timed("startups", lambda: _startups(startups))
    built += _timed("case studies", lambda: _cases(cases))
    built += _timed("requests", lambda: _requests(requests))
    from django.db import connection

    if built and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # what autovacuum does after a bulk load


def _timed(label, build) -> int:
    started = time.monotonic()
    count = build()
    if count:
        seconds = time.monotonic() - started
        print(f"  {count:,} {label} in {seconds:.0f} s ({count / seconds:,.0f}/s)", flush=True)
    return count


def _requests(target: int) -> int:
    existing = SupportRequest.objects.filter(title__startswith=PREFIX).count()
    missing = target - existing
    if missing <= 0:
        return 0
    rng = random.Random(SEED + existing)
    municipalities = list(Municipality.objects.exclude(kind="ward").values_list("pk", flat=True))
    tags = [
        Tag.objects.get_or_create(name=name, defaults={"slug": name.lower()})[0] for name in TAGS
    ]
    now, today = timezone.now(), timezone.localdate()
    for start in range(existing, target, CHUNK):
        batch = [
            _request(number, rng, municipalities, now, today)
            for number in range(start, min(start + CHUNK, target))
        ]
        with transaction.atomic():
            created = SupportRequest.objects.bulk_create(batch)
            TaggedSupportRequest.objects.bulk_create(
                TaggedSupportRequest(content_object=row, tag=tag)
                for row in created
                for tag in rng.sample(tags, 2)
            )
            index_objects(
                SupportRequest,
                SupportRequest.get_indexed_objects().filter(pk__in=[row.pk for row in created]),
            )
    return missing


def _request(number, rng, municipalities, now, today) -> SupportRequest:
    category = rng.choice(list(TOPICS))
    subject, sentence = TOPICS[category]
    goal = rng.choice(GOALS)
    return SupportRequest(
        municipality_id=rng.choice(municipalities),
        title=f"{PREFIX}{subject}{goal}（{number}）",
        summary=f"{subject}{goal}。{sentence}",
        body=f"## 背景\n\n{sentence}\n\n## 求める支援\n\n{subject}{goal}を{2025 + number % 3}年度に進めたい。",
        category=category,
        state=rng.choice(["open", "open", "open", "selecting", "co_creating", "completed"]),
        visibility=rng.choice(["public", "public", "public", "members"]),
        published_at=now - datetime.timedelta(minutes=number),
        proposal_deadline=today + datetime.timedelta(days=rng.randint(-30, 90)),
        municipality_count=rng.choice([1, 1, 1, 2, 3]),
    )


def _startups(target: int) -> int:
    existing = Startup.objects.filter(slug__startswith="bench-").count()
    if existing >= target:
        return 0
    rng = random.Random(SEED)
    rows = [
        Startup(
            name=f"{PREFIX}株式会社{subject}テック{number}",
            slug=f"bench-{number}",
            summary=f"{subject}{rng.choice(GOALS)}を支援します。",
            description=sentence,
            verification_state="verified",
        )
        for number in range(existing, target)
        for subject, sentence in [TOPICS[rng.choice(list(TOPICS))]]
    ]
    with transaction.atomic():
        created = Startup.objects.bulk_create(rows)
        StartupCategory.objects.bulk_create(
            StartupCategory(startup=row, category=rng.choice(list(TOPICS))) for row in created
        )
        index_objects(Startup, Startup.get_indexed_objects().filter(slug__startswith="bench-"))
    return len(rows)


def _cases(target: int) -> int:
    index = CaseStudyIndexPage.objects.first()
    existing = CaseStudyPage.objects.filter(slug__startswith="bench-").count()
    if index is None or existing >= target:
        return 0
    rng = random.Random(SEED)
    municipalities = list(
        Municipality.objects.exclude(kind="ward").values_list("pk", flat=True)[:500]
    )
    for number in range(existing, target):
        category = rng.choice(list(TOPICS))
        subject, sentence = TOPICS[category]
        page = CaseStudyPage(
            title=f"{PREFIX}{subject}の先進事例 {number}",
            slug=f"bench-{number}",
            intro=sentence,
            category=category,
            challenge=f"{subject}に時間がかかっていた。",
            solution=sentence,
            results="業務時間を3割削減した。",
            body=[
                {
                    "type": "paragraph_block",
                    "value": f"<p>{sentence}基幹系システムとの連携も行った。</p>",
                }
            ],
        )
        page.case_municipalities = [
            CaseStudyMunicipality(municipality_id=rng.choice(municipalities))
        ]
        index.add_child(instance=page)
    return target - existing
