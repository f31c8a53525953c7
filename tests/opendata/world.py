"""Builders for the open-data tests: public content of every dataset, and private content with
canaries in every field a visitor must never read."""

import datetime
import itertools

from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from portal.community.models import JoinState, SupportRequestJoin, SupportRequestTransition
from portal.startups.models import (
    Proposal,
    StartupCategory,
    TrackRecord,
    TrackRecordState,
)
from tests import factories
from tests.cms import factories as cms

CANARY = "CANARY7Q"
_serial = itertools.count(1)
RICE_COMPONENTS = [
    ("device", "水位センサー", "水位・水温（10分ごと）", "農業者"),
    ("network", "LPWA基地局", "センサーデータ", "市・JA"),
    ("application", "スマートフォンアプリ", "", "農業者"),
]


def canary(where: str) -> str:
    return f"{CANARY}-{where}-{next(_serial)}"


def public_content(n: int = 1):
    """`n` public objects of every dataset (with the relations their serializers show)."""
    made = {
        "requests": [],
        "cases": [],
        "patterns": [],
        "subsidies": [],
        "events": [],
        "startups": [],
    }
    for i in range(n):
        startup = factories.StartupFactory(summary="自治体向けSaaS")
        StartupCategory.objects.create(startup=startup, category="ai_rpa")
        startup.tags.add("RPA")
        TrackRecord.objects.create(
            startup=startup,
            municipality=factories.municipality(factories.SHIOJIRI),
            category="ai_rpa",
            title="議事録作成の自動化",
            year=2025,
            state=TrackRecordState.CONFIRMED,
        )
        subsidy = cms.subsidy(closes_in=10 + i)
        case = cms.case_study(tags=["LPWA"], partners=[startup], subsidy_used=subsidy)
        case.kpis.create(label="待ち時間", value="30%削減")
        request = factories.support_request(tags=["窓口"])
        request.linked_case_studies.add(case)
        request.linked_subsidies.add(subsidy)
        SupportRequestJoin.objects.create(
            support_request=request,
            municipality=factories.municipality(factories.YOKOHAMA),
            state=JoinState.ACCEPTED,
        )
        pending = factories.StartupFactory(verification_state="pending")
        pattern = cms.pattern(
            components=RICE_COMPONENTS,
            cases=[case],
            subsidies=[subsidy],
            startups=[startup, pending],
            kpis=[("見回り回数", "50%削減")],
            steps=[("実証", 12), ("本格導入", None)],
            municipality_kinds=["town", "village"],
            initial_cost_min=300,
            initial_cost_max=800,
            yearly_cost_max=120,
        )
        made["requests"].append(request)
        made["cases"].append(case)
        made["patterns"].append(pattern)
        made["subsidies"].append(subsidy)
        made["events"].append(cms.event(days=5 + i))
        made["startups"].append(startup)
    return made


def private_content():
    """Everything a visitor cannot read, each with a canary; returns the private objects."""
    author = factories.official(
        user__display_name=canary("author-name"), user__email=f"{CANARY.lower()}@city.lg.jp"
    )
    members_only = factories.support_request(
        title=canary("members-title"), summary=canary("members-summary"), visibility="members"
    )
    draft = factories.support_request(
        state="draft", title=canary("draft-title"), body=canary("draft-body")
    )
    hidden = factories.support_request(
        title=canary("hidden-title"), hidden_at=timezone.now(), hidden_reason=canary("reason")
    )
    public = factories.support_request(author=author, title="公開の要請（非公開情報つき）")
    SupportRequestTransition.objects.create(
        support_request=public, from_state="draft", to_state="open", reason=canary("transition")
    )
    SupportRequestJoin.objects.create(
        support_request=public,
        municipality=factories.municipality(factories.SHIOJIRI),
        comment=canary("join-comment"),
        state=JoinState.PENDING,
    )
    startup = factories.StartupFactory(verification_note=canary("verification-note"))
    Proposal.objects.create(
        support_request=public,
        startup=startup,
        summary=canary("proposal-summary"),
        body=canary("proposal-body"),
        timeline=canary("proposal-timeline"),
        decision_message=canary("decision"),
        state="submitted",
        submitted_at=timezone.now(),
    )
    TrackRecord.objects.create(
        startup=startup,
        municipality=factories.municipality(factories.MAEBASHI),
        category="ai_rpa",
        title=canary("pending-track-record"),
        year=2025,
    )
    hidden_startup = factories.StartupFactory(
        name=canary("hidden-startup"), hidden_at=timezone.now(), description=canary("desc")
    )
    hidden_case = cms.case_study(title="非公開の協力企業がいる事例", partners=[hidden_startup])
    public.linked_case_studies.add(hidden_case)
    draft_case = cms.case_study(title=canary("unpublished-case"))
    draft_case.unpublish()
    live_case = cms.case_study(title="公開中の事例")
    live_case.title = canary("unpublished-revision")
    live_case.save_revision()  # a draft revision: the live page keeps its published title
    restricted = cms.event(title=canary("restricted-event"))
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    cms.event(
        title="オンライン説明会",
        format="online",
        online_url=f"https://meet.example.jp/{canary('online-url')}",
        venue_name="",
    )
    draft_subsidy = cms.subsidy(title=canary("draft-subsidy"))
    draft_subsidy.unpublish()
    hidden_case.source_request_id = draft.pk
    hidden_case.save(update_fields=["source_request_id"])
    patterns = private_patterns(
        draft_case=draft_case, draft_subsidy=draft_subsidy, hidden_startup=hidden_startup
    )
    return {
        "requests": [members_only, draft, hidden],
        "cases": [draft_case],
        "patterns": patterns["unlisted"],
        "pattern_linking_private": patterns["linking_private"],
        "translated_pattern": patterns["translated"],
        "events": [restricted],
        "subsidies": [draft_subsidy],
        "startups": [hidden_startup],
        "draft_request": draft,
        "deadline": timezone.localdate() + datetime.timedelta(days=30),
    }


def private_patterns(*, draft_case, draft_subsidy, hidden_startup) -> dict:
    """Patterns a visitor cannot read (a draft, a view-restricted one, a draft revision), a
    public one that links only private content, and an English translation and an alias of a
    public pattern (published, but not the Japanese original: listing them would list the
    pattern twice). `unlisted`: the ones no dataset may list."""
    draft = cms.pattern(title=canary("draft-pattern"), problem=canary("draft-problem"))
    draft.unpublish()
    restricted = cms.pattern(
        title=canary("restricted-pattern"),
        components=[("device", canary("restricted-component"), "", "")],
    )
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    revised = cms.pattern(title="公開中の標準パターン")
    revised.title = canary("pattern-revision")
    revised.save_revision()  # a draft revision: the live page keeps its published title
    linking_private = cms.pattern(
        title="非公開の事例・補助金・企業にリンクするパターン",
        cases=[draft_case],
        subsidies=[draft_subsidy],
        startups=[hidden_startup],
    )
    translated = cms.pattern(title="英語版のある標準パターン")
    translation, alias = english_translation_and_alias(translated)
    return {
        "unlisted": [draft, restricted, translation, alias],
        "linking_private": linking_private,
        "translated": translated,
    }


def english_translation_and_alias(page):
    """What Wagtail localisation adds beside a Japanese page: its English translation (its own
    id, under an English copy of its parents) and an alias of it (the same page at another
    address). Both are live and public."""
    english, _created = Locale.objects.get_or_create(language_code="en")
    translation = page.copy_for_translation(english, copy_parents=True)
    translation.title = canary("english-translation")
    translation.save_revision().publish()
    alias = page.create_alias(update_slug=f"{page.slug}-alias")
    return translation.specific, alias.specific
