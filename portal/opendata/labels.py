"""Japanese and English labels of the portal's choice vocabularies, for API objects."""

from functools import cache

from django.utils import translation

LANGUAGES = ("ja", "en")


@cache
def labels_of(choices) -> dict[str, dict[str, str]]:
    """{code: {"ja": …, "en": …}} for a TextChoices class (translated once per process)."""
    table = {}
    for language in LANGUAGES:
        with translation.override(language):
            for code, label in choices.choices:
                table.setdefault(code, {})[language] = str(label)
    return table


def label(choices, code: str) -> dict[str, str] | None:
    """The two labels of `code`, or None for a blank value."""
    return labels_of(choices).get(code) if code else None


def bilingual(text) -> dict[str, str]:
    """A lazily translated string in both languages."""
    result = {}
    for language in LANGUAGES:
        with translation.override(language):
            result[language] = str(text)
    return result
