"""Renders a kind's templates for one recipient, in the recipient's language.

Templates live in `templates/notifications/kinds/<kind>/`:

* `subject.txt` (required) — one line; the email subject and the in-app title;
* `body.txt` (required) — the plain-text email body; include `{{ url }}`;
* `line.txt` (optional) — one short sentence shown under the title in the notification centre;
* `body.html` (optional) — an HTML fragment for the email; without it the plain text is used.

Text templates are rendered without HTML escaping (they are plain text; the centre and the HTML
email escape them when they show them). Context: `recipient`, `actor`, `target`, `url` (absolute),
`context` (the caller's dict), `count` (events folded into a batched notification), `SITE_NAME`.
"""

import functools
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.template import Context, Engine, TemplateDoesNotExist, engines
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils import translation
from django.utils.text import Truncator

TITLE_MAX = 300
SUMMARY_MAX = 500


@dataclass(frozen=True)
class Rendered:
    subject: str
    line: str
    body: str
    body_html: str
    url: str


def absolute_url(path: str) -> str:
    if not path or path.startswith(("http://", "https://")):
        return path
    return settings.PORTAL_BASE_URL.rstrip("/") + path


def in_language(url: str, language: str) -> str:
    """`url` (a path or a portal URL with a language prefix) as the same page in `language`."""
    prefix = translation.get_language_from_path(urlsplit(url).path)
    if not prefix or prefix == language:
        return url
    with translation.override(prefix):  # the prefix resolves only in its own language
        return translate_url(url, language)


def _target_url(target, context: dict) -> str:
    """The link, in the language being rendered: callers often `reverse()` a path in the actor's
    language (a moderator's, an official's); the recipient gets the page in theirs."""
    if context.get("url"):
        return absolute_url(in_language(str(context["url"]), translation.get_language()))
    if target is not None and hasattr(target, "get_absolute_url"):
        return absolute_url(target.get_absolute_url())
    return ""


@functools.cache
def text_engine() -> Engine:
    """The project's template engine with autoescaping off, for plain-text templates."""
    base = engines["django"].engine
    return Engine(
        dirs=base.dirs,
        app_dirs=base.app_dirs,
        libraries=base.libraries,
        debug=base.debug,
        autoescape=False,
    )


def render_text(name: str, values: dict) -> str:
    return text_engine().get_template(name).render(Context(values, autoescape=False))


def _optional(render, name: str, values: dict) -> str:
    try:
        return render(name, values)
    except TemplateDoesNotExist:
        return ""


def one_line(text: str, limit: int) -> str:
    return Truncator(" ".join(text.split())).chars(limit)


def recipient_language(recipient) -> str:
    languages = {code for code, _name in settings.LANGUAGES}
    language = getattr(recipient, "preferred_language", "") or settings.LANGUAGE_CODE
    return language if language in languages else settings.LANGUAGE_CODE


def render_notification(
    *, kind: str, recipient, target=None, actor=None, context=None, count: int = 1
) -> Rendered:
    """All texts of one notification for `recipient`, in their preferred language."""
    context = dict(context or {})
    folder = f"notifications/kinds/{kind}"
    with translation.override(recipient_language(recipient)):
        url = _target_url(target, context)
        values = {
            "recipient": recipient,
            "actor": actor,
            "target": target,
            "context": context,
            "url": url,
            "count": count,
            "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        }
        return Rendered(
            subject=one_line(render_text(f"{folder}/subject.txt", values), TITLE_MAX),
            line=one_line(_optional(render_text, f"{folder}/line.txt", values), SUMMARY_MAX),
            body=render_text(f"{folder}/body.txt", values).strip() + "\n",
            body_html=_optional(render_to_string, f"{folder}/body.html", values).strip(),
            url=url,
        )


def render_titles(
    *, kind: str, recipient, target=None, actor=None, context=None, count: int = 1
) -> dict[str, dict[str, str]]:
    """The title and summary line in every language of the portal, for the notification centre
    (a recipient reads it under /ja/ or /en/ whatever their email language)."""
    context = dict(context or {})
    folder = f"notifications/kinds/{kind}"
    texts = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            values = {
                "recipient": recipient,
                "actor": actor,
                "target": target,
                "context": context,
                "url": _target_url(target, context),
                "count": count,
                "SITE_NAME": settings.WAGTAIL_SITE_NAME,
            }
            texts[language] = {
                "title": one_line(render_text(f"{folder}/subject.txt", values), TITLE_MAX),
                "summary": one_line(
                    _optional(render_text, f"{folder}/line.txt", values), SUMMARY_MAX
                ),
            }
    return texts


def render_for(*, kind: str, recipient, target=None, actor=None, context=None) -> tuple[str, str]:
    """Subject and plain-text body of a notification (kept for callers of the first contract)."""
    rendered = render_notification(
        kind=kind, recipient=recipient, target=target, actor=actor, context=context
    )
    return rendered.subject, rendered.body
