"""Text that the database can store: the one place that decides it.

PostgreSQL's text type cannot hold NUL (U+0000), and no UTF-8 database can hold a lone
surrogate (U+D800–U+DFFF, which JSON's "\\ud800" escapes and some broken clients produce).
Such characters reach the portal through form fields, query strings and WebSocket frames;
every edge asks this module, so the answer and the message are the same everywhere.

* Forms and services: `validate_storable_text` (a Django validator) raises a ValidationError
  whose message is in the user's language.
* Query strings (search boxes, filters): `storable_or_empty` turns a value that cannot be stored
  or compared into "" so a page shows its empty or unfiltered state instead of a 500.
* WebSocket frames: `has_unstorable_characters` to answer with a non-retryable error frame.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

UNSTORABLE_CHARACTERS = re.compile("[\x00\ud800-\udfff]")

UNSTORABLE_TEXT_MESSAGE = _(
    "This text contains characters that cannot be saved (a NUL character or a broken "
    "character code). Please remove them."
)
UNSTORABLE_TEXT_CODE = "unstorable_characters"


def has_unstorable_characters(value: object) -> bool:
    """True when `value` (a string, or any nesting of lists and dicts of strings) holds a
    character the database cannot store."""
    if isinstance(value, str):
        return UNSTORABLE_CHARACTERS.search(value) is not None
    if isinstance(value, dict):
        return any(
            has_unstorable_characters(k) or has_unstorable_characters(v) for k, v in value.items()
        )
    if isinstance(value, list | tuple):
        return any(has_unstorable_characters(item) for item in value)
    return False


def validate_storable_text(value: object) -> None:
    """Django validator: refuse text with NUL or lone surrogates, in the user's language."""
    if has_unstorable_characters(value):
        raise ValidationError(UNSTORABLE_TEXT_MESSAGE, code=UNSTORABLE_TEXT_CODE)


def storable_or_empty(value: str | None) -> str:
    """A query-string value usable in a query: "" when it is missing or cannot be stored."""
    if not value or has_unstorable_characters(value):
        return ""
    return value


def without_unstorable(value: str) -> str:
    """`value` with every character the database cannot store removed (query strings)."""
    return UNSTORABLE_CHARACTERS.sub("", value)


UNSTORABLE_QUERY_MESSAGE = _(
    "Characters that cannot be used (a NUL character or a broken character code) were removed "
    "from the address."
)


def install_form_field_guard() -> None:
    """Every bound form field in the project (ours, allauth's, Wagtail's) refuses unstorable text
    with UNSTORABLE_TEXT_MESSAGE before the field converts it.

    Checking the raw submitted value first matters: a ModelChoiceField would otherwise look the
    value up in the database (a 500 on PostgreSQL for a NUL), and Django's own NUL check only
    covers CharFields and not lone surrogates. The error sits on the field, so the form is shown
    again with what was typed. Called once from CoreConfig.ready().
    """
    from django import forms

    original = forms.Field._clean_bound_field
    if getattr(original, "storable_guard", False):
        return

    def _clean_bound_field(field, bound_field):
        if not field.disabled:
            validate_storable_text(bound_field.data)
        return original(field, bound_field)

    _clean_bound_field.storable_guard = True
    forms.Field._clean_bound_field = _clean_bound_field
