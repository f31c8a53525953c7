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
(imported only for their database, as modelsearch's own modules expect that database).
"""

from django.db import connection
from django.db.models import QuerySet
from modelsearch.backends.base import EmptySearchResults
from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText, SearchQuery

from portal.search.analysis import query_terms, similarity_tokens


class Prefix(PlainText):
    """Index tokens starting with ``token`` (one CJK character: see analysis.query_terms).

    A PlainText subclass so the backends' query normalisation and ranking treat it as a term.
    """

    def __init__(self, token: str):
        super().__init__(token, operator="and")

    def __repr__(self):
        return f"<Prefix {self.query_string!r}>"


def _terms_query(text: str, operator: str, *, autocomplete: bool) -> SearchQuery | None:
    parts = [
        Prefix(term.tokens[0]) if term.prefix else Phrase(" ".join(term.tokens))
        for term in query_terms(text, last_word_is_prefix=autocomplete)
    ]
    if len(parts) <= 1:
        return parts[0] if parts else None
    return And(parts) if operator == "and" else Or(parts)


def analyse_query(query, *, operator=None, autocomplete=False) -> SearchQuery | None:
    """Rewrite a query string or query tree into analysed terms; None if nothing is left."""
    operator = (operator or "and").lower()
    if isinstance(query, str):
        return _terms_query(query, operator, autocomplete=autocomplete)
    if isinstance(query, PlainText):
        return _terms_query(query.query_string, query.operator, autocomplete=autocomplete)
    if isinstance(query, Phrase):
        return _terms_query(query.query_string, "and", autocomplete=False)
    if isinstance(query, (And, Or)):
        parts = [analyse_query(sub, autocomplete=autocomplete) for sub in query.subqueries]
        parts = [part for part in parts if part is not None]
        return type(query)(parts) if parts else None
    if isinstance(query, Not):
        inner = analyse_query(query.subquery, autocomplete=autocomplete)
        return Not(inner) if inner is not None else None
    if isinstance(query, Boost):
        inner = analyse_query(query.subquery, autocomplete=autocomplete)
        return Boost(inner, query.boost) if inner is not None else None
    return query  # MatchAll, Fuzzy (trigram on the plain-text mirror): nothing to analyse.


class AnalysingBackendMixin:
    """Analyses queries for Wagtail's API and adds ``search_queryset``."""

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        autocomplete = query_compiler_class is self.autocomplete_query_compiler_class
        analysed = analyse_query(query, operator=kwargs.get("operator"), autocomplete=autocomplete)
        if analysed is None:
            return EmptySearchResults()
        return super()._search(query_compiler_class, analysed, model_or_queryset, **kwargs)

    def search_queryset(
        self,
        query: str,
        queryset: QuerySet,
        *,
        match="all",
        order_by_relevance=True,
        score_field="search_rank",
    ) -> QuerySet:
        """`queryset` narrowed to documents matching every term of `query` (``match="all"``)
        or any of its tokens (``match="any"``: "similar to", e.g. a title being typed).

        Ordered best first (and annotated with `score_field`) when `order_by_relevance`,
        otherwise in the queryset's own order. Unlike ``search()``, filters on the queryset
        need no ``FilterField``: the database backends apply them in the same SQL query.
        """
        if match == "any":
            tokens = similarity_tokens(query)
            analysed = PlainText(" ".join(tokens), operator="or") if tokens else None
        else:
            analysed = analyse_query(query)
        if analysed is None:
            return queryset.none()
        compiler = self.query_compiler_class(
            queryset, analysed, order_by_relevance=order_by_relevance
        )
        return self._compiled_queryset(
            compiler, score_field=score_field if order_by_relevance else None
        )


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
