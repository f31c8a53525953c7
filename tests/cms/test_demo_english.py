"""English demo content: every demo page has English text, and the seed builds the English tree."""

import io
import re

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.models import Locale, Page, Revision

from portal.accounts.models import User
from portal.cms.demo import content, english, patterns, trust
from portal.cms.demo.english_seed import seed_english, source_home
from portal.cms.models import (
    CaseStudyIndexPage,
    CaseStudyKPI,
    CaseStudyPage,
    CommunityGroupPage,
    CommunityPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PatternIndexPage,
    PatternPage,
    ReportIndexPage,
    ReportPage,
    StandardPage,
    SubsidyProgrammeIndexPage,
    SubsidyProgrammePage,
)

JAPANESE = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
I18N = override_settings(
    WAGTAIL_I18N_ENABLED=True, WAGTAIL_CONTENT_LANGUAGES=[("ja", "日本語"), ("en", "English")]
)
# Keys of the seed's Japanese data that are not text a reader sees in one language.
NOT_TEXT = {
    "slug",
    "parent",
    "kind",
    "ministry",
    "category",
    "municipality_kind",
    "size_band",
    "cost_band",
    "contract_route",
    "official_url",
    "online_url",
    "website_url",
    "contact_email",
    "version",
    "domain",
    "subsidy",
    "organiser",
    "group",
    "featured",
    "format",
}


def seeded_pages() -> list[tuple[type, str, dict]]:
    """Every page the demo seed creates, with its Japanese data, read from the seed's own data."""
    pages = [
        (HomePage, "home", {"intro": content.HOME_INTRO}),  # title and lead: a migration's
        (StandardPage, "about", content.ABOUT),
        (CommunityPage, "community", content.COMMUNITY),
        (SubsidyProgrammeIndexPage, "subsidies", content.SUBSIDY_INDEX),
        (CaseStudyIndexPage, "cases", content.CASE_INDEX),
        (EventIndexPage, "events", content.EVENT_INDEX),
        (NewsIndexPage, "news", content.NEWS_INDEX),
        (ReportIndexPage, "reports", content.REPORT_INDEX),
        (PatternIndexPage, "patterns", patterns.PATTERN_INDEX),
        *((model, slug, data) for model, slug, data in trust.TRUST_PAGES),
    ]
    for model, entries in [
        (CommunityGroupPage, content.GROUPS),
        (SubsidyProgrammePage, content.SUBSIDIES),
        (CaseStudyPage, content.CASES),
        (CaseStudyPage, patterns.EXTRA_CASES),
        (EventPage, content.EVENTS),
        (NewsPage, content.NEWS),
        (ReportPage, content.REPORTS),
        (PatternPage, patterns.PATTERNS),
    ]:
        pages += [(model, data["slug"], data) for data in entries]
    return pages


@pytest.mark.parametrize(
    ("model", "slug", "data"),
    [pytest.param(*page, id=f"{page[0].__name__}-{page[1]}") for page in seeded_pages()],
)
def test_every_demo_page_has_english_for_each_japanese_text(model, slug, data):
    entry = english.PAGES.get((model, slug))
    assert entry is not None, f"no English for {model.__name__} {slug}"
    assert entry.fields.get("title"), slug
    for name, value in data.items():
        if name in NOT_TEXT or not isinstance(value, str) or not value:
            continue
        assert entry.fields.get(name), f"{slug}: no English {name}"
    for relation in ("kpis", "activities", "members", "components", "steps"):
        if relation in data:
            assert len(entry.rows[relation]) == len(data[relation]), (slug, relation)
    if "tags" in data:
        assert len(entry.tags) == len(data["tags"]), slug
    for relation, key in (("partner_links", "partners"), ("startup_links", "startups")):
        ja_startups = {startup for startup, _text in data.get(key, [])}
        assert set(entry.startup_rows.get(relation, {})) == ja_startups, (slug, relation)


def test_every_english_entry_is_a_page_the_seed_creates():
    assert set(english.PAGES) == {(model, slug) for model, slug, _data in seeded_pages()}


def english_texts():
    """(where, text) for every string the English data writes on a page."""
    for (model, slug), entry in english.PAGES.items():
        where = f"{model.__name__} {slug}"
        yield from ((where, text) for text in _strings(entry.fields))
        yield from ((where, text) for text in _strings(entry.body))
        yield from ((where, text) for text in _strings(entry.rows))
        yield from ((where, text) for text in _strings(entry.tags))
        yield from ((where, text) for text in _strings(entry.startup_rows))


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def test_english_texts_contain_no_japanese_except_the_deliberate_names():
    texts = list(english_texts())
    assert len(texts) > 500
    for where, text in texts:
        for allowed in english.DELIBERATE_JAPANESE:
            text = text.replace(allowed, "")
        assert not JAPANESE.search(text), (where, text)
    for allowed in english.DELIBERATE_JAPANESE:
        assert re.fullmatch(r"\(.+\)", allowed), allowed
        assert any(allowed in text for _where, text in texts), f"unused exception {allowed}"


def test_english_texts_fit_their_database_columns():
    """SQLite ignores max_length; PostgreSQL's varchar does not."""
    for (model, slug), entry in english.PAGES.items():
        for name, value in entry.fields.items():
            limit = model._meta.get_field(name).max_length
            assert limit is None or len(value) <= limit, (slug, name, len(value), limit)
        for relation, rows in [*entry.rows.items(), *entry.startup_rows.items()]:
            related = model._meta.get_field(relation).related_model
            texts = rows.values() if isinstance(rows, dict) else rows
            for row in texts:
                for name, value in row.items():
                    limit = related._meta.get_field(name).max_length
                    assert limit is None or len(value) <= limit, (slug, name, len(value), limit)


@pytest.mark.django_db
def test_seed_english_does_nothing_without_an_english_locale():
    # Migration cms 0007 creates the locale; a site that deleted it gets no English tree.
    Locale.objects.filter(language_code="en").delete()
    pages = Page.objects.count()
    stdout = io.StringIO()
    seed_english(stdout)
    assert stdout.getvalue() == ""
    assert Page.objects.count() == pages


@pytest.mark.django_db
@I18N
def test_seed_builds_a_live_english_tree_once_and_leaves_edits_alone():
    """One seeding (it is slow): the English tree, a second run, a moderator's edit, aliases."""
    en, _ = Locale.objects.get_or_create(language_code="en")
    call_command("seed_demo", "--quiet-logins", "--force", stdout=io.StringIO())
    home = source_home()
    _english_tree_mirrors_the_japanese_one(home, en)
    _links_point_at_english_pages(home, en)

    before = _english_revisions(en)
    call_command("seed_demo", "--quiet-logins", "--force", stdout=io.StringIO())
    assert _english_revisions(en) == before

    edited = _moderator_edits_the_english_about_page(home, en)
    stdout = io.StringIO()
    seed_english(stdout)
    assert "0 written, 1 kept as edited" in stdout.getvalue()
    assert StandardPage.objects.get(pk=edited.pk).title == "About us (edited)"

    kpis = _english_tree_replaced_by_aliases(home, en)
    stdout = io.StringIO()
    seed_english(stdout)
    assert f"{len(english.PAGES)} converted from aliases" in stdout.getvalue()
    _english_tree_mirrors_the_japanese_one(home, en)
    assert dict(CaseStudyKPI.objects.filter(pk__in=kpis).values_list("pk", "label")) == {
        kpis[0]: "Average wait at the counter",  # the alias's rows, updated in place
        kpis[1]: "Procedures available online",
    }


def _english_tree_mirrors_the_japanese_one(home, en):
    japanese = list(home.get_descendants(inclusive=True).specific().order_by("path"))
    assert len(japanese) == len(english.PAGES)
    english_home = home.get_translation(en)
    assert english_home.get_descendants(inclusive=True).count() == len(japanese)
    for page in japanese:
        translation = page.get_translation(en).specific
        assert translation.live and translation.alias_of_id is None, page.slug
        assert translation.title != page.title, page.slug
        assert not JAPANESE.search(translation.title), translation.title
        if page.pk != home.pk:
            assert translation.slug == page.slug
            assert translation.get_parent().pk == page.get_parent().get_translation(en).pk
        if hasattr(page, "body"):
            assert _block_types(translation) == _block_types(page), page.slug


def _block_types(page) -> list[str]:
    return [block.block_type for block in page.body]


def _links_point_at_english_pages(home, en):
    case = CaseStudyPage.objects.descendant_of(home).get(slug="maebashi-kakanai-madoguchi")
    english_case = case.get_translation(en)
    assert english_case.subsidy_used == case.subsidy_used.get_translation(en)
    assert [kpi.label for kpi in english_case.kpis.all()] == [
        "Average wait at the counter",
        "Procedures available online",
    ]
    assert sorted(tag.name for tag in english_case.tags.all()) == [
        "No forms to fill in",
        "No-code",
        "Online applications",
    ]
    pattern = PatternPage.objects.descendant_of(home).get(slug="rice-paddy-water-lpwa")
    english_cases = {link.case.locale_id for link in pattern.get_translation(en).case_links.all()}
    assert english_cases == {en.pk}
    event = EventPage.objects.descendant_of(home).get(slug="ict-summit-2026")
    english_event = event.get_translation(en)
    assert english_event.title == f"ICT Utilisation Summit {event.start_at.year}"
    assert english_event.organiser == event.organiser.get_translation(en)
    for subsidy in SubsidyProgrammePage.objects.filter(locale=en):
        assert "demo" in subsidy.title, subsidy.title
        assert subsidy.body[0].value["text"].startswith("Demo listing.")


def _english_revisions(en) -> dict:
    pages = Page.objects.filter(locale=en)
    return {
        "revisions": Revision.page_revisions.filter(
            object_id__in=[str(p.pk) for p in pages]
        ).count(),
        "latest": dict(pages.values_list("pk", "latest_revision_id")),
    }


def _moderator_edits_the_english_about_page(home, en):
    about = StandardPage.objects.descendant_of(home).get(slug="about").get_translation(en)
    about.title = "About us (edited)"
    about.save_revision(user=User.objects.get(email="moderator@example.jp")).publish()
    return about


def _english_tree_replaced_by_aliases(home, en):
    """As with WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE: an alias in English for every page."""
    home.get_translation(en).delete()
    CopyPageForTranslationAction(home, en, alias=True, include_subtree=True).execute()
    aliases = Page.objects.filter(locale=en)
    assert aliases.count() == len(english.PAGES)
    assert not aliases.filter(alias_of__isnull=True).exists()
    case = CaseStudyPage.objects.descendant_of(home).get(slug="maebashi-kakanai-madoguchi")
    return list(case.get_translation(en).kpis.values_list("pk", flat=True))
