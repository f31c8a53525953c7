"""Markdown-lite for chat: **bold**, *italic* / _italic_, `code`, links and line breaks.

Everything else is escaped. We do not use a CommonMark renderer here on purpose: CommonMark's
emphasis "flanking" rules ignore `**「重要」**です`-style emphasis next to Japanese punctuation,
which is how people write in Japanese. The rules below are simple and predictable; the HTML they
produce is built from escaped text only and then passed through nh3 with a tiny allow-list as a
second line of defence.
"""

import re

import nh3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

CODE_RE = re.compile(r"`([^`\n]{1,500})`")
# A labelled link [text](https://…) or a bare URL; bare URLs end at whitespace, quotes and
# Japanese punctuation/brackets.
LINK_RE = re.compile(
    r"\[(?P<label>[^\]\n]{1,200})\]\((?P<target>https?://[^\s()<>\"]{1,2000})\)"
    r"|(?P<bare>https?://[^\s<>\"'`、。，．「」『』（）()【】\[\]]{1,2000})"
)
BOLD_RE = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
ITALIC_STAR_RE = re.compile(r"(?<![*\\])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)")
ITALIC_UNDERSCORE_RE = re.compile(r"(?<![A-Za-z0-9_])_(?=\S)(.+?)(?<=\S)_(?![A-Za-z0-9_])")
TRAILING_URL_PUNCTUATION = ".,;:!?"

ALLOWED_TAGS = {"strong", "em", "code", "a", "br", "mark"}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "mark": {"class"}}
ALLOWED_SCHEMES = {"http", "https"}


def _mention_pattern(names) -> re.Pattern | None:
    """`@name` (or full-width `＠`) for each member's display name, spaces inside optional."""
    alternatives = []
    for name in sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True):
        parts = [re.escape(escape(part)) for part in name.split()]
        alternatives.append(r"\s?".join(parts))
    if not alternatives:
        return None
    return re.compile(r"[@＠](?:" + "|".join(alternatives) + ")")


def _mentions(escaped: str, pattern: re.Pattern | None) -> str:
    if pattern is None:
        return escaped
    return pattern.sub(lambda m: f'<mark class="mention">{m.group(0)}</mark>', escaped)


def _emphasis(escaped: str, mentions: re.Pattern | None = None) -> str:
    escaped = _mentions(escaped, mentions)
    escaped = BOLD_RE.sub(r"<strong>\1</strong>", escaped)
    escaped = ITALIC_STAR_RE.sub(r"<em>\1</em>", escaped)
    return ITALIC_UNDERSCORE_RE.sub(r"<em>\1</em>", escaped)


def _link(url: str, label: str) -> str:
    return f'<a href="{escape(url)}">{escape(label)}</a>'


def _links_and_text(text: str, mentions: re.Pattern | None = None) -> str:
    """Render one code-free stretch of text: links as anchors, the rest escaped + emphasis."""
    out, position = [], 0
    for match in LINK_RE.finditer(text):
        out.append(_emphasis(escape(text[position : match.start()]), mentions))
        if match.group("bare"):
            url = match.group("bare")
            trimmed = url.rstrip(TRAILING_URL_PUNCTUATION)
            out.append(_link(trimmed, trimmed) + escape(url[len(trimmed) :]))
        else:
            out.append(_link(match.group("target"), match.group("label")))
        position = match.end()
    out.append(_emphasis(escape(text[position:]), mentions))
    return "".join(out)


def render_markdown_lite(text: str, mention_names=()) -> SafeString:
    """Safe HTML for a chat message body (no block elements; newlines become <br>).

    `@名前` of any of `mention_names` (the channel's members) is highlighted as a mention.
    """
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    mentions = _mention_pattern(mention_names) if ("@" in text or "＠" in text) else None
    pieces = []
    for index, part in enumerate(CODE_RE.split(text)):
        if index % 2:
            pieces.append(f"<code>{escape(part)}</code>")
        else:
            pieces.append(_links_and_text(part, mentions))
    html = "".join(pieces).replace("\n", "<br>")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="nofollow noopener noreferrer",
    )
    return mark_safe(cleaned)  # noqa: S308 - built from escaped text and cleaned by nh3 above
