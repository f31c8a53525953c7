"""English translations of the demo pages (development only), through Wagtail's localisation.

For every Japanese demo page, parents before children, the seed makes sure an English
translation exists (copying the page if there is none, turning an alias into an ordinary page),
then writes the English texts of english.py on it and publishes it. Links to other demo pages
(a case's subsidy, an event's organiser, a pattern's cases) are pointed at their English
translations.

Idempotent, and respectful of editors: a translation that already reads as the seed would write
it is not touched (no new revision), and the seed writes only on a translation that is still a
copy of its Japanese page or that nobody but the seed has saved. One a moderator has edited (a
revision with a user) or unpublished is left as it is.
"""

from collections import Counter

from django.conf import settings
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Locale

from portal.cms.demo import english
from portal.cms.models import CaseStudyPage, EventPage, HomePage, PatternPage, ReportPage

ENGLISH = "en"

# Foreign keys to other pages, pointed at the linked page's English translation.
PAGE_LINKS = {
    CaseStudyPage: ("subsidy_used",),
    EventPage: ("organiser",),
    ReportPage: ("group",),
}
ROW_PAGE_LINKS = {PatternPage: {"case_links": "case", "subsidy_links": "subsidy"}}

CREATED, CONVERTED, FILLED, KEPT = "created", "converted", "filled", "kept"


def source_home():
    """The home page the demo tree hangs from: the default language's, not a translation of it
    (which Wagtail places beside it under the root)."""
    homes = HomePage.objects.order_by("path")
    return homes.filter(locale__language_code=settings.LANGUAGE_CODE).first() or homes.first()


def seed_english(stdout) -> None:
    """Translate every Japanese demo page into English; nothing when there is no `en` locale."""
    locale = Locale.objects.filter(language_code=ENGLISH).first()
    home = source_home()
    if locale is None or home is None or home.locale_id == locale.pk:
        return
    tally = Counter()
    pairs = []
    for source in demo_pages(home):
        target, how = translation_ensure(source=source, locale=locale)
        tally[how] += 1
        pairs.append((source, target))
    for source, target in pairs:
        tally[translation_fill(source=source, target=target, locale=locale)] += 1
    stdout.write(
        f"English demo content: {len(pairs)} pages ({tally[CREATED]} created, "
        f"{tally[CONVERTED]} converted from aliases, {tally[FILLED]} written, "
        f"{tally[KEPT]} kept as edited)"
    )


def demo_pages(home) -> list:
    """The Japanese pages under `home` (inclusive) that have an English entry, in tree order."""
    pages = home.get_descendants(inclusive=True).filter(locale_id=home.locale_id)
    return [page for page in pages.order_by("path").specific() if english.entry_for(page)]


def translation_ensure(*, source, locale):
    """The English translation of `source` as an ordinary page, and how it came to be."""
    existing = source.get_translation_or_none(locale)
    if existing is None:
        return source.copy_for_translation(locale, copy_parents=True), CREATED
    if existing.alias_of_id:
        ConvertAliasPageAction(existing).execute(skip_permission_checks=True)
        return existing, CONVERTED
    return existing, "found"


def translation_fill(*, source, target, locale) -> str:
    """Write the English texts on `target` unless they are there already or an editor owns it."""
    target = type(source).objects.get(pk=target.pk)
    wanted = _wanted(english.entry_for(source), source, target, locale)
    current = _state(target, wanted)
    if current == _state(target, wanted, values=wanted):
        return "unchanged"
    if not _seed_may_write(source, target, wanted, current):
        return KEPT
    _apply(target, wanted)
    target.save_revision().publish()
    return FILLED


def _seed_may_write(source, target, wanted, current) -> bool:
    if target.first_published_at and not target.live:
        return False  # published once, then unpublished by someone
    if current == _state(source, wanted):
        return True  # still the Japanese copy (just created, or a converted alias)
    return not target.revisions.exclude(user=None).exists()


# --- what the English page should hold ---------------------------------------------------------
# `wanted` maps an aspect to its value: ("field", name), ("body",), ("rows", relation), ("tags",).


def _wanted(entry, source, target, locale) -> dict:
    wanted = {("field", name): _resolve(value, source) for name, value in entry.fields.items()}
    for name in PAGE_LINKS.get(type(source), ()):
        wanted[("field", name)] = _in_locale(getattr(source, name), locale)
    if entry.body is not None:
        wanted[("body",)] = entry.body
    if entry.tags is not None:
        wanted[("tags",)] = list(entry.tags)
    for relation, texts in entry.rows.items():
        wanted[("rows", relation)] = _by_position(getattr(target, relation).all(), texts)
    for relation, by_slug in entry.startup_rows.items():
        rows = getattr(target, relation).select_related("startup")
        wanted[("rows", relation)] = [by_slug.get(row.startup.slug, {}) for row in rows]
    for relation, name in ROW_PAGE_LINKS.get(type(source), {}).items():
        rows = getattr(target, relation).all()
        wanted[("rows", relation)] = [
            {name: _in_locale(getattr(row, name), locale)} for row in rows
        ]
    return wanted


def _resolve(value, source):
    return value.resolve(source) if isinstance(value, english.StartYear) else value


def _in_locale(page, locale):
    """`page`'s translation in `locale` if it has one, else `page` itself (or None)."""
    if page is None:
        return None
    return page.get_translation_or_none(locale) or page


def _by_position(rows, texts: list[dict]) -> list[dict]:
    """English texts for the page's rows in order; a row the data does not cover keeps its own."""
    rows = list(rows)
    return [texts[i] if i < len(texts) else {} for i in range(len(rows))]


# --- comparing and writing ----------------------------------------------------------------------


def _state(page, wanted, *, values=None) -> dict:
    """The comparable form of `page`'s aspects named in `wanted`; with `values`, of what `page`
    would hold once they are written."""
    state = {}
    for aspect in wanted:
        kind = aspect[0]
        current = _read(page, aspect, wanted[aspect])
        value = current if values is None else values[aspect]
        if kind == "rows" and values is not None:
            value = [{**old, **new} for old, new in zip(current, values[aspect], strict=True)]
        state[aspect] = _comparable(page, kind, value)
    return state


def _read(page, aspect, wanted_value):
    kind = aspect[0]
    if kind == "field":
        return getattr(page, aspect[1])
    if kind == "body":
        return page.body
    if kind == "tags":
        return [tag.name for tag in page.tags.all()]
    keys = sorted({key for row in wanted_value for key in row})
    return [{key: getattr(row, key) for key in keys} for row in getattr(page, aspect[1]).all()]


def _comparable(page, kind, value):
    if kind == "field":
        return _plain(value)
    if kind == "body":
        block = type(page)._meta.get_field("body").stream_block
        stream = block.to_python(value) if isinstance(value, list) else value
        # Native values back to JSON, block by block: raw and loaded bodies compare alike.
        return [(child.block_type, child.block.get_prep_value(child.value)) for child in stream]
    if kind == "tags":
        return sorted(value)
    return [{key: _plain(row[key]) for key in sorted(row)} for row in value]


def _plain(value):
    return ("page", value.pk) if hasattr(value, "_meta") else value


def _apply(page, wanted) -> None:
    for aspect, value in wanted.items():
        kind = aspect[0]
        if kind == "field":
            setattr(page, aspect[1], value)
        elif kind == "body":
            page.body = value
        elif kind == "tags":
            page.tags.set(value)
        else:
            rows = list(getattr(page, aspect[1]).all())
            for row, texts in zip(rows, value, strict=True):
                for name, text in texts.items():
                    setattr(row, name, text)
            setattr(page, aspect[1], rows)  # the same rows, updated in place
