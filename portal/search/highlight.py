"""Highlight what a query matched, as safe HTML (``<mark>`` around matches, the rest escaped).

Matching uses the analyser's normalisation (NFKC, lower case), so a query typed in full-width
or half-width characters marks the text however it was written; positions are mapped back to
the original text so the user sees their own characters.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from portal.search.analysis import normalize_with_offsets, query_terms

ELLIPSIS = "…"


def _pattern(query: str) -> re.Pattern | None:
    words = sorted({term.text for term in query_terms(query)}, key=len, reverse=True)
    if not words:
        return None
    return re.compile("|".join(re.escape(word) for word in words))


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) spans of `text` that the terms of `query` match."""
    pattern = _pattern(query)
    if pattern is None or not text:
        return []
    normalised, offsets = normalize_with_offsets(text)
    spans: list[tuple[int, int]] = []
    for match in pattern.finditer(normalised):
        start, end = offsets[match.start()][0], offsets[match.end() - 1][1]
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def _render(text: str, spans: list[tuple[int, int]]) -> str:
    parts, position = [], 0
    for start, end in spans:
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)


def highlight(text: str, query: str) -> SafeString:
    """`text` escaped, with every match of `query` wrapped in ``<mark>``."""
    text = str(text or "")
    return mark_safe(_render(text, match_spans(text, query)))  # noqa: S308 - escaped in _render


def excerpt_if_match(text: str, query: str, *, length: int = 160) -> SafeString:
    """Like ``excerpt`` but empty when `query` does not match `text` (e.g. a body that only
    shows why a result was found)."""
    if not match_spans(str(text or ""), query):
        return mark_safe("")  # noqa: S308 - constant
    return excerpt(text, query, length=length)


def excerpt(text: str, query: str, *, length: int = 160) -> SafeString:
    """About `length` characters of `text` around its first match, highlighted.

    Without a match (or without a query) the start of the text is shown.
    """
    text = " ".join(str(text or "").split())
    spans = match_spans(text, query)
    start = 0
    if spans and spans[0][1] > length:
        start = max(0, spans[0][0] - length // 3)
    end = min(len(text), start + length)
    window = [
        (max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and e > start
    ]
    html = _render(text[start:end], window)
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    return mark_safe(prefix + html + suffix)  # noqa: S308 - escaped in _render


def _field_texts(obj, *, skip: frozenset[str]):
    """The plain text of each direct search field of `obj`, in declared order (related fields
    are left out: reading them could cost a query per result)."""
    from modelsearch.index import SearchField

    for field in obj.get_search_fields():
        if not isinstance(field, SearchField) or field.field_name in skip:
            continue
        value = field.get_value(obj)
        if isinstance(value, (list, tuple)):
            value = " ".join(str(item) for item in value)
        yield str(value or "")


def search_excerpt(obj, query: str, *, skip=("title", "name"), length: int = 160) -> SafeString:
    """Why `obj` matched: an excerpt around the first match of `query` in any of its indexed
    fields (the title or name, shown highlighted anyway, is skipped), or "" when none matches here.

    Works from the object itself (no query), so it shows the same on SQLite and PostgreSQL
    and for any model declared with ``search_fields``.
    """
    if not query or not hasattr(obj, "get_search_fields"):
        return mark_safe("")  # noqa: S308 - constant
    for text in _field_texts(obj, skip=frozenset(skip)):
        if match_spans(text, query):
            return excerpt(text, query, length=length)
    return mark_safe("")  # noqa: S308 - constant
