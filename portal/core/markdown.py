"""Markdown written by users (request bodies, proposals, messages) rendered to safe HTML.

markdown-it-py renders CommonMark (plus tables and strikethrough) with raw HTML disabled; nh3
(ammonia) then keeps only an allow-list of tags, attributes and URL schemes, so the output is
safe to mark as such whatever the input. Headings move down one level (``#`` → ``<h2>``) because
the page around the body owns its ``<h1>``.

    render_markdown("**防災**の課題")  ->  '<p><strong>防災</strong>の課題</p>'
    {% load portal_markdown %}{{ support_request.body|markdown }}
"""

import html

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "a",
    "blockquote",
    "br",
    "code",
    "del",
    "em",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow noopener noreferrer ugc"

_parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "breaks": True}).enable(
    ["table", "strikethrough"]
)


def _demote_headings(tokens) -> None:
    for token in tokens:
        if token.type in {"heading_open", "heading_close"}:
            token.tag = f"h{min(int(token.tag[1]) + 1, 6)}"


def render_markdown(text: str) -> SafeString:
    """Sanitised HTML for `text`; empty input gives an empty string."""
    if not text:
        return mark_safe("")  # noqa: S308 - constant
    tokens = _parser.parse(text)
    _demote_headings(tokens)
    html = _parser.renderer.render(tokens, _parser.options, {})
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above


def markdown_to_text(text: str) -> str:
    """The plain text of user Markdown (for excerpts and search snippets); not HTML-safe."""
    if not text:
        return ""
    return html.unescape(nh3.clean(_parser.render(text), tags=set()))
