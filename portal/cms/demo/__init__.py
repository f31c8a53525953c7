"""Demo site tree (development only): the community, advanced cases, events, subsidies, news and
a report, in the committee plan's wording. Idempotent: existing pages are left as they are.

Municipality names are real so that the links to municipality pages work; what the pages say
about them is sample content, and each page says so.
"""

import datetime

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from portal.cms.demo import content, patterns
from portal.cms.demo import trust as trust_demo
from portal.cms.demo.english_seed import seed_english, source_home
from portal.cms.demo.streams import notice
from portal.cms.demo.streams import paragraphs as _paragraphs
from portal.cms.models import (
    CaseStudyIndexPage,
    CaseStudyKPI,
    CaseStudyMunicipality,
    CaseStudyPage,
    CaseStudyPartner,
    CommunityGroupActivity,
    CommunityGroupMember,
    CommunityGroupPage,
    CommunityPage,
    EventIndexPage,
    EventPage,
    EventRegistration,
    NewsIndexPage,
    NewsPage,
    RegistrationStatus,
    ReportIndexPage,
    ReportPage,
    StandardPage,
    SubsidyProgrammeIndexPage,
    SubsidyProgrammePage,
)
from portal.cms.models.subsidies import JAPAN, today_in_japan
from portal.core.business_days import next_working_day
from portal.core.pdf import build_pdf
from portal.startups.models import Startup


def _demo_notice(text: str = content.DEMO_NOTICE) -> dict:
    return notice(text)


def _ensure(parent, model, slug: str, *, tags=(), **fields):
    """The child of `parent` with `slug`, created and published if it does not exist yet."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing, False
    page = model(slug=slug, **fields)
    for tag in tags:
        page.tags.add(tag)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def _document(title: str, filename: str, lines: list[str]):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    document = Document(title=title)
    document.file.save(filename, ContentFile(build_pdf(title, lines)), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def _event_day(days: int) -> datetime.date:
    """`days` from today, moved to the next Japanese working day (no weekend or holiday)."""
    return next_working_day(today_in_japan() + datetime.timedelta(days=days))


def _jst(date: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(date, datetime.time(hour, minute), tzinfo=JAPAN)


def seed_community(home):
    community, _ = _ensure(home, CommunityPage, "community", **content.COMMUNITY)
    channels = _community_channels()
    groups = {}
    for data in content.GROUPS:
        data = dict(data)
        parent = groups[data.pop("parent")] if data.get("parent") else community
        activities = [
            CommunityGroupActivity(title=t, description=d) for t, d in data.pop("activities")
        ]
        members = [
            CommunityGroupMember(name=n, affiliation=a, role=r) for r, n, a in data.pop("members")
        ]
        slug = data.pop("slug")
        body = _paragraphs(*data.pop("body")) + [_demo_notice(content.MEMBERS_NOTICE)]
        page, _ = _ensure(
            parent,
            CommunityGroupPage,
            slug,
            activities=activities,
            members=members,
            body=body,
            **data,
        )
        channel = channels.get(page.short_name)
        if channel and page.channel_id != channel:
            page.channel_id = channel
            page.save_revision().publish()
        groups[slug] = page
    return community, groups


def _community_channels() -> dict:
    """Community channel ids by name (the co-creation seeder creates one per WG/TF)."""
    from portal.cocreation.models import COMMUNITY_KINDS, Channel

    return dict(Channel.objects.filter(kind__in=COMMUNITY_KINDS).values_list("name", "id"))


DEMO_MARK = "（デモ）"


def demo_title(title: str) -> str:
    """Programme names are modelled on real ones: the title itself says it is a demo entry."""
    return title if "デモ" in title else f"{title}{DEMO_MARK}"


def seed_subsidies(home):
    index, _ = _ensure(home, SubsidyProgrammeIndexPage, "subsidies", **content.SUBSIDY_INDEX)
    pages = {}
    for data in content.SUBSIDIES:
        data = dict(data)
        slug = data.pop("slug")
        opens, closes = data.pop("opens_in_days"), data.pop("closes_in_days")
        data["title"] = demo_title(data["title"])
        today = today_in_japan()
        page, _ = _ensure(
            index,
            SubsidyProgrammePage,
            slug,
            opens_on=today + datetime.timedelta(days=opens) if opens is not None else None,
            closes_on=today + datetime.timedelta(days=closes) if closes is not None else None,
            body=[_demo_notice(content.SUBSIDY_NOTICE), *_paragraphs(*data.pop("body"))],
            **data,
        )
        pages[slug] = page
    return pages


def seed_cases(home, subsidies):
    index, _ = _ensure(home, CaseStudyIndexPage, "cases", **content.CASE_INDEX)
    startups = {startup.slug: startup for startup in Startup.objects.all()}
    for data in content.CASES:
        data = dict(data)
        slug = data.pop("slug")
        municipalities = [
            CaseStudyMunicipality(municipality_id=code) for code in data.pop("municipalities")
        ]
        kpis = [
            CaseStudyKPI(label=label, value=value, note=note)
            for label, value, note in data.pop("kpis")
        ]
        partners = [
            CaseStudyPartner(startup=startups[partner], role=role)
            for partner, role in data.pop("partners", [])
            if partner in startups
        ]
        subsidy = subsidies.get(data.pop("subsidy", ""))
        _ensure(
            index,
            CaseStudyPage,
            slug,
            case_municipalities=municipalities,
            kpis=kpis,
            partner_links=partners,
            subsidy_used=subsidy,
            body=[_demo_notice(), *_paragraphs(*data.pop("body"))],
            **data,
        )


def seed_events(home, groups, report_document):
    index, _ = _ensure(home, EventIndexPage, "events", **content.EVENT_INDEX)
    events = {}
    for data in content.EVENTS:
        data = dict(data)
        slug = data.pop("slug")
        day = _event_day(data.pop("day"))
        start, end = data.pop("start"), data.pop("end")
        data["title"] = data["title"].format(year=day.year)
        organiser = groups.get(data.pop("organiser", ""))
        has_report = data.pop("report", False)
        page, _ = _ensure(
            index,
            EventPage,
            slug,
            start_at=_jst(day, *start),
            end_at=_jst(day, *end),
            organiser=organiser,
            report_document=report_document if has_report else None,
            body=_paragraphs(*data.pop("body")),
            **data,
        )
        events[slug] = page
    return events


def seed_registrations(events):
    from portal.accounts.models import User

    for slug, emails in content.REGISTRATIONS.items():
        event = events.get(slug)
        for email in emails:
            user = User.objects.filter(email=email).first()
            if event and user:
                EventRegistration.objects.get_or_create(
                    event=event, user=user, defaults={"status": RegistrationStatus.CONFIRMED}
                )


def seed_news(home):
    index, _ = _ensure(home, NewsIndexPage, "news", **content.NEWS_INDEX)
    for position, data in enumerate(content.NEWS):
        data = dict(data)
        slug = data.pop("slug")
        date = today_in_japan() - datetime.timedelta(days=data.pop("days_ago", position * 9))
        _ensure(index, NewsPage, slug, date=date, body=_paragraphs(*data.pop("body")), **data)


def seed_reports(home, groups):
    index, _ = _ensure(home, ReportIndexPage, "reports", **content.REPORT_INDEX)
    documents = {}
    for data in content.REPORTS:
        data = dict(data)
        slug = data.pop("slug")
        document = _document(data["title"], f"{slug}.pdf", data.pop("pdf_lines"))
        documents[slug] = document
        _ensure(
            index,
            ReportPage,
            slug,
            document=document,
            group=groups.get(data.pop("group", "")),
            date=today_in_japan() - datetime.timedelta(days=data.pop("days_ago")),
            body=_paragraphs(*data.pop("body")),
            **data,
        )
    return documents


def seed(stdout) -> None:
    home = source_home()
    if home is None:
        stdout.write("Demo CMS content skipped: no home page (run migrate first).")
        return
    if not home.intro:
        home.intro = content.HOME_INTRO
        home.save_revision().publish()
    _community, groups = seed_community(home)
    subsidies = seed_subsidies(home)
    seed_cases(home, subsidies)
    documents = seed_reports(home, groups)
    events = seed_events(home, groups, documents.get("summit-2025-report"))
    seed_registrations(events)
    seed_news(home)
    _ensure(home, StandardPage, "about", **content.ABOUT)
    trust_demo.seed(home, _ensure)
    patterns.seed(home)
    stdout.write(
        f"Demo CMS content: {CaseStudyPage.objects.live().descendant_of(home).count()} case "
        f"studies, {EventPage.objects.live().descendant_of(home).count()} events, "
        f"{SubsidyProgrammePage.objects.live().descendant_of(home).count()} subsidy programmes"
    )
    seed_english(stdout)
