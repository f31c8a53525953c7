"""English versions of the demo pages, keyed by page type and slug (the slug of the Japanese page,
which its English translation keeps).

Each entry says what the seed writes on the English translation of one Japanese demo page: its
text fields, its body (built with the same block helpers as the Japanese body, so the structure
matches block for block), the texts of its inline rows by position (KPIs, activities, members,
components, steps), its tags, and the texts of rows that belong to a startup (a partner's role, a
pattern's offering) by the startup's slug. The texts themselves live in english_content.py,
english_trust.py and english_patterns.py, shaped like their Japanese counterparts.
"""

from dataclasses import dataclass, field

from portal.cms.demo import english_content as en
from portal.cms.demo import english_patterns as en_patterns
from portal.cms.demo import english_trust as en_trust
from portal.cms.demo.streams import notice, paragraphs
from portal.cms.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    CommunityGroupPage,
    CommunityPage,
    ContactPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    OperatorPage,
    PatternIndexPage,
    PatternPage,
    PrivacyPolicyPage,
    ReportIndexPage,
    ReportPage,
    StandardPage,
    SubsidyProgrammeIndexPage,
    SubsidyProgrammePage,
    TermsPage,
)
from portal.cms.models.subsidies import JAPAN

# Japanese deliberately kept in the English texts: a name in brackets after its English version,
# for readers who meet it in Japanese (the site header shows the portal's Japanese name). Keep
# this list short; the tests allow these exact strings and nothing else.
DELIBERATE_JAPANESE: tuple[str, ...] = ("(地域DX共創ポータル)",)


class StartYear(str):
    """A title with `{year}`: filled with the year the Japanese event starts in, as the Japanese
    title was when the seed created it."""

    def resolve(self, page) -> str:
        return self.format(year=page.start_at.astimezone(JAPAN).year)


@dataclass(frozen=True)
class EnglishPage:
    fields: dict
    body: list | None = None
    rows: dict[str, list[dict]] = field(default_factory=dict)
    tags: tuple[str, ...] | None = None
    startup_rows: dict[str, dict[str, dict]] = field(default_factory=dict)


def _texts(data: dict, *names: str) -> dict:
    """The named fields that `data` has (a Japanese field left empty has no English entry)."""
    return {name: data[name] for name in names if name in data}


def _plain(data: dict) -> EnglishPage:
    return EnglishPage(fields=_texts(data, "title", "intro"), body=data.get("body"))


def _group(data: dict) -> EnglishPage:
    return EnglishPage(
        fields=_texts(data, "title", "short_name", "intro"),
        body=[*paragraphs(*data["body"]), notice(en.MEMBERS_NOTICE)],
        rows={
            "activities": [{"title": t, "description": d} for t, d in data["activities"]],
            "members": [{"name": n, "affiliation": a} for n, a in data["members"]],
        },
    )


def _subsidy(data: dict) -> EnglishPage:
    names = ("title", "intro", "window", "subsidy_rate", "amount_note", "eligibility_note")
    return EnglishPage(
        fields=_texts(data, *names),
        body=[notice(en.SUBSIDY_NOTICE), *paragraphs(*data["body"])],
    )


CASE_FIELDS = ("title", "intro", "crop_or_industry", "challenge", "solution", "results")


def _case(data: dict) -> EnglishPage:
    return EnglishPage(
        fields=_texts(data, *CASE_FIELDS, "cost", "lessons"),
        body=[notice(en.DEMO_NOTICE), *paragraphs(*data.get("body", []))],
        rows={"kpis": [{"label": la, "value": v, "note": n} for la, v, n in data["kpis"]]},
        tags=tuple(data["tags"]),
        startup_rows={
            "partner_links": {
                slug: {"role": role} for slug, role in data.get("partners", {}).items()
            }
        },
    )


def _event(data: dict) -> EnglishPage:
    fields = _texts(data, "intro", "venue_name", "venue_address")
    return EnglishPage(
        fields={"title": StartYear(data["title"]), **fields}, body=paragraphs(*data["body"])
    )


def _dated(data: dict) -> EnglishPage:
    return EnglishPage(fields=_texts(data, "title", "intro"), body=paragraphs(*data["body"]))


PATTERN_FIELDS = ("title", "intro", "applies_to", "problem", "cost_note", "risks", "lessons")


def _pattern(data: dict) -> EnglishPage:
    components = [
        {"name": n, "description": d, "data": f, "operator": o} for n, d, f, o in data["components"]
    ]
    return EnglishPage(
        fields=_texts(data, *PATTERN_FIELDS),
        body=[notice(en_patterns.PATTERN_NOTICE)],
        rows={
            "components": components,
            "steps": [{"title": t, "description": d} for t, d in data["steps"]],
            "kpis": [{"label": la, "typical_value": v, "note": n} for la, v, n in data["kpis"]],
        },
        startup_rows={
            "startup_links": {slug: {"offering": o} for slug, o in data["startups"].items()}
        },
    )


def _each(model, entries: dict, build) -> dict:
    return {(model, slug): build(data) for slug, data in entries.items()}


PAGES: dict[tuple[type, str], EnglishPage] = {
    (HomePage, "home"): EnglishPage(fields=dict(en.HOME)),
    (StandardPage, "about"): _plain(en.ABOUT),
    (CommunityPage, "community"): _plain(en.COMMUNITY),
    **_each(CommunityGroupPage, en.GROUPS, _group),
    (SubsidyProgrammeIndexPage, "subsidies"): _plain(en.SUBSIDY_INDEX),
    **_each(SubsidyProgrammePage, en.SUBSIDIES, _subsidy),
    (CaseStudyIndexPage, "cases"): _plain(en.CASE_INDEX),
    **_each(CaseStudyPage, en.CASES, _case),
    **_each(CaseStudyPage, en_patterns.EXTRA_CASES, _case),
    (EventIndexPage, "events"): _plain(en.EVENT_INDEX),
    **_each(EventPage, en.EVENTS, _event),
    (NewsIndexPage, "news"): _plain(en.NEWS_INDEX),
    **_each(NewsPage, en.NEWS, _dated),
    (ReportIndexPage, "reports"): _plain(en.REPORT_INDEX),
    **_each(ReportPage, en.REPORTS, _dated),
    (TermsPage, "terms"): _plain(en_trust.TERMS),
    (PrivacyPolicyPage, "privacy"): _plain(en_trust.PRIVACY),
    (ContactPage, "contact"): _plain(en_trust.CONTACT),
    (OperatorPage, "operator"): _plain(en_trust.OPERATOR),
    (PatternIndexPage, "patterns"): _plain(en_patterns.PATTERN_INDEX),
    **_each(PatternPage, en_patterns.PATTERNS, _pattern),
}


def entry_for(page) -> EnglishPage | None:
    """The English version of the Japanese demo page `page` (specific), or None."""
    return PAGES.get((type(page), page.slug))
