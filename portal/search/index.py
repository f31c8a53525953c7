"""Declarations for searchable models (Wagtail's, re-exported) and explicit indexing helpers."""

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
