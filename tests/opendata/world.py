"""Builders for the open-data tests: public content of every dataset, and private content with
canaries in every field a visitor must never read."""

import datetime
import itertools

from django.utils import timezone
from wagtail.models import PageViewRestriction

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


def canary(where: str) -> str:
    return f"{CANARY}-{where}-{next(_serial)}"


def public_content(n: int = 1):
    """`n` public objects of every dataset (with the relations their serializers show)."""
    made = {"requests": [], "cases": [], "subsidies": [], "events": [], "startups": []}
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
        made["requests"].append(request)
        made["cases"].append(case)
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
    return {
        "requests": [members_only, draft, hidden],
        "cases": [draft_case],
        "events": [restricted],
        "subsidies": [draft_subsidy],
        "startups": [hidden_startup],
        "draft_request": draft,
        "deadline": timezone.localdate() + datetime.timedelta(days=30),
    }
