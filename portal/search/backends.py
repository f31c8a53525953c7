"""Wagtail's database search backend with CJK bigram analysis (see portal.search.analysis).

Configured as ``WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "portal.search.backends"``; like
``wagtail.search.backends.database`` it picks the implementation for the default database:

* SQLite with FTS5 and PostgreSQL: the modelsearch backends, with text analysed into bigrams
  before it reaches the FTS table / ``tsvector`` and queries rewritten into phrases of bigrams;
* anything else (or SQLite without FTS5): modelsearch's fallback backend, which matches
  substrings with ``icontains`` and so needs no analysis.

Besides Wagtail's ``search()``/``autocomplete()`` API (used by the admin and by pages), the
analysing backends offer ``search_queryset()``, which returns a plain, chainable Django QuerySet
with any filters the caller likes (``portal.search.search`` uses it).

The vendor implementations live in ``portal.search.sqlite`` and ``portal.search.postgres``
(imported only for their database, as modelsearch's own modules expect that database); what
they share is in ``portal.search.engine``, so they never import this module back.
"""

from django.db import connection


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks up in a backend module
    """The analysing backend for the default database (see the module docstring)."""
    if connection.vendor == "postgresql":
        from portal.search.postgres import PostgresAnalysingBackend

        return PostgresAnalysingBackend(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends import database

        fallback = database.SearchBackend(params)  # decides whether FTS5 can be used
        if not database.USE_SQLITE_FTS:
            return fallback
        from portal.search.sqlite import SQLiteAnalysingBackend

        return SQLiteAnalysingBackend(params)
    from modelsearch.backends.database.fallback import DatabaseSearchBackend

    return DatabaseSearchBackend(params)
