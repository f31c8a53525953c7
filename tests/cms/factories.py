"""Builders for the CMS site tree in tests (pages are created and published as an editor would)."""

import datetime
import itertools

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.utils import timezone

from portal.cms.locales import originals
from portal.cms.models import (
    CaseStudyIndexPage,
    CaseStudyMunicipality,
    CaseStudyPage,
    CaseStudyPartner,
    CommunityGroupPage,
    CommunityPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    ReportIndexPage,
    ReportPage,
    StandardPage,
    SubsidyProgrammeIndexPage,
    SubsidyProgrammePage,
)
from portal.cms.models.subsidies import today_in_japan
from portal.core.categories import DXCategory

_counter = itertools.count(1)


def home() -> HomePage:
    """The Japanese home page (the English tree, once synced, has its own)."""
    return originals(HomePage.objects.all()).get()


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _index(model, slug, title):
    existing = originals(model.objects.filter(slug=slug)).first()
    return existing or publish(home(), model(title=title, slug=slug))


def case_index() -> CaseStudyIndexPage:
    return _index(CaseStudyIndexPage, "cases", "先進事例")


def event_index() -> EventIndexPage:
    return _index(EventIndexPage, "events", "イベント")


def subsidy_index() -> SubsidyProgrammeIndexPage:
    return _index(SubsidyProgrammeIndexPage, "subsidies", "補助金・支援制度")


def news_index() -> NewsIndexPage:
    return _index(NewsIndexPage, "news", "お知らせ")


def report_index() -> ReportIndexPage:
    return _index(ReportIndexPage, "reports", "レポート")


def community() -> CommunityPage:
    existing = originals(CommunityPage.objects.all()).first()
    return existing or publish(
        home(), CommunityPage(title="コミュニティ", slug="community", intro="JCCの紹介")
    )


def group(**fields) -> CommunityGroupPage:
    n = next(_counter)
    values = {"title": f"ICT利活用WG {n}", "slug": f"wg-{n}", "intro": "事例の横展開"}
    values.update(fields)
    return publish(community(), CommunityGroupPage(**values))


def case_study(*, municipalities=("102016",), tags=(), partners=(), **fields) -> CaseStudyPage:
    n = next(_counter)
    values = {
        "title": f"書かない窓口の導入 {n}",
        "slug": f"case-{n}",
        "intro": "窓口で申請書を書かずに済む仕組み",
        "category": DXCategory.ONLINE_PROCEDURES,
        "challenge": "窓口が混雑していた",
        "solution": "窓口支援システムを導入した",
        "results": "待ち時間が短くなった",
    }
    values.update(fields)
    page = CaseStudyPage(**values)
    page.case_municipalities = [
        CaseStudyMunicipality(municipality_id=code) for code in municipalities
    ]
    page.partner_links = [CaseStudyPartner(startup=startup) for startup in partners]
    for tag in tags:
        page.tags.add(tag)
    return publish(case_index(), page)


def event(*, days=10, hours=3, **fields) -> EventPage:
    n = next(_counter)
    start = timezone.now() + datetime.timedelta(days=days)
    values = {
        "title": f"ICT利活用サミット {n}",
        "slug": f"event-{n}",
        "kind": "summit",
        "intro": "先進事例の発表",
        "start_at": start,
        "end_at": start + datetime.timedelta(hours=hours),
        "venue_name": "都内会議場",
        "capacity": 2,
    }
    values.update(fields)
    return publish(event_index(), EventPage(**values))


def subsidy(*, opens_in=None, closes_in=30, **fields) -> SubsidyProgrammePage:
    n = next(_counter)
    today = today_in_japan()
    values = {
        "title": f"デジタル実装支援 {n}",
        "slug": f"subsidy-{n}",
        "intro": "デジタル実装を支援",
        "ministry": "cabinet_office",
        "eligible_bodies": ["municipality"],
        "target_areas": [DXCategory.ONLINE_PROCEDURES],
        "official_url": "https://example.jp/subsidy",
        "opens_on": today + datetime.timedelta(days=opens_in) if opens_in is not None else None,
        "closes_on": today + datetime.timedelta(days=closes_in) if closes_in is not None else None,
    }
    values.update(fields)
    return publish(subsidy_index(), SubsidyProgrammePage(**values))


def news(**fields) -> NewsPage:
    n = next(_counter)
    values = {"title": f"お知らせ {n}", "slug": f"news-{n}", "intro": "ポータルを公開しました"}
    values.update(fields)
    return publish(news_index(), NewsPage(**values))


def document(title="報告書", content=None):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from portal.core.pdf import build_pdf

    doc = get_document_model()(title=title)
    doc.file.save("report.pdf", ContentFile(content or build_pdf(title, ["本文"])), save=False)
    doc._set_document_file_metadata()
    doc.save()
    return doc


def report(**fields) -> ReportPage:
    n = next(_counter)
    values = {"title": f"活動報告書 {n}", "slug": f"report-{n}", "intro": "WGの活動報告"}
    values.update(fields)
    values.setdefault("document", document(values["title"]))
    return publish(report_index(), ReportPage(**values))


def standard_page(**fields) -> StandardPage:
    n = next(_counter)
    values = {"title": f"このポータルについて {n}", "slug": f"about-{n}", "intro": "目的"}
    values.update(fields)
    return publish(home(), StandardPage(**values))


def with_totp(user):
    """Moderators need TOTP for /admin/ (portal.accounts.middleware): give `user` one."""
    TOTP.activate(user, generate_totp_secret())
    return user


def case_study_form_data(**overrides) -> dict:
    """POST data of the admin's case-study form (as an editor fills it in)."""
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    values = {
        "title": "LPWA水位センサーで水田の見回りを半減",
        "slug": "lpwa-paddy",
        "intro": "水田の水位を遠隔監視",
        "category": "smart_agriculture",
        "tags": "LPWA",
        "crop_or_industry": "水稲",
        "municipality_kind": "city",
        "size_band": "",
        "case_municipalities": inline_formset([{"municipality": "151009"}], min=1),
        "challenge": "見回りの負担が大きかった",
        "solution": "LPWAの水位センサーを導入した",
        "results": "見回りが半分になった",
        "kpis": inline_formset([]),
        "cost": "",
        "cost_band": "",
        "subsidy_used": "",
        "contract_route": "negotiated",
        "partner_links": inline_formset([]),
        "lessons": "",
        "image": "",
        "body": streamfield([("paragraph_block", rich_text("<p>本文</p>"))]),
        "go_live_at": "",
        "expire_at": "",
    }
    values.update(overrides)
    return nested_form_data(values)


def pattern_index():
    from portal.cms.models import PatternIndexPage

    return _index(PatternIndexPage, "patterns", "標準パターン")


def pattern(*, components=(), cases=(), subsidies=(), startups=(), kpis=(), steps=(), **fields):
    """A published standard pattern; `components` are (layer, name, data, operator) tuples."""
    from portal.cms.models import (
        PatternCase,
        PatternComponent,
        PatternKPI,
        PatternPage,
        PatternStartup,
        PatternStep,
        PatternSubsidy,
    )

    n = next(_counter)
    values = {
        "title": f"水稲の水管理 {n}",
        "slug": f"pattern-{n}",
        "intro": "水田の水位を遠隔で監視する",
        "domain": "smart_agriculture",
        "category": DXCategory.SMART_AGRICULTURE,
        "applies_to": "水稲",
        "networks": ["lpwa"],
        "problem": "見回りの負担が大きい",
    }
    values.update(fields)
    page = PatternPage(**values)
    page.components = [
        PatternComponent(layer=layer, name=name, data=data, operator=operator)
        for layer, name, data, operator in components
    ]
    page.case_links = [PatternCase(case=case) for case in cases]
    page.subsidy_links = [PatternSubsidy(subsidy=subsidy) for subsidy in subsidies]
    page.startup_links = [PatternStartup(startup=startup) for startup in startups]
    page.kpis = [PatternKPI(label=label, typical_value=value) for label, value in kpis]
    page.steps = [PatternStep(title=title, duration_weeks=weeks) for title, weeks in steps]
    return publish(pattern_index(), page)


def english_tree() -> int:
    """Alias every Japanese page into the English tree, as `manage.py sync_page_tree` does."""
    from portal.cms.translation import page_tree_sync

    return page_tree_sync()


def translate(page, **fields):
    """Turn `page`'s English alias into its translation with `fields`, published (what a
    moderator's "Translate" and an approved workflow do; tests/cms/test_localisation.py walks
    the admin path itself)."""
    from wagtail.actions.convert_alias import ConvertAliasPageAction
    from wagtail.models import Locale

    alias = page.get_translation(Locale.objects.get(language_code="en"))
    ConvertAliasPageAction(alias).execute(skip_permission_checks=True)
    english = alias.specific_class.objects.get(pk=alias.pk)
    for name, value in fields.items():
        setattr(english, name, value)
    english.save_revision().publish()
    english.refresh_from_db()
    return english
