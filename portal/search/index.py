"""Declarations for searchable models (Wagtail's, re-exported) and explicit indexing helpers."""

from functools import lru_cache

from django.conf import settings
from django.utils import translation
from wagtail.search.backends import get_search_backends
from wagtail.search.index import (
    AutocompleteField,
    FilterField,
    Indexed,
    RelatedFields,
    SearchField,
)

__all__ = [
    "AutocompleteField",
    "FilterField",
    "Indexed",
    "RelatedFields",
    "SearchField",
    "choice_labels",
    "index_object",
    "index_objects",
    "remove_object",
]


def index_object(obj) -> None:
    """(Re)index `obj` now, inside the caller's transaction (rolled back with it)."""
    for backend in get_search_backends(with_auto_update=False):
        backend.add(obj)


def index_objects(model, objs) -> None:
    """Index many objects of `model` at once (demo data, benchmarks, migrations)."""
    objs = list(objs)
    if objs:
        for backend in get_search_backends(with_auto_update=False):
            backend.add_bulk(model, objs)


def remove_object(obj) -> None:
    for backend in get_search_backends(with_auto_update=False):
        backend.delete(obj)


@lru_cache(maxsize=1024)
def choice_labels(choices, value) -> str:
    """The label of `value` of the `choices` class (TextChoices) in every language of the site,
    e.g. for a search field that lets 防災 and "Disaster" find the same document.

    Cached: the labels are fixed for the life of the process, and switching the active language
    for every indexed object made bulk indexing spend most of its time in gettext.
    """
    labels = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            labels.append(str(choices(value).label))
    return " ".join(dict.fromkeys(labels))
