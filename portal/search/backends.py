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

The two ``add_items`` methods follow modelsearch 1.3's own line for line except that they
build the analysing indexer; modelsearch offers no hook for the indexer class.
"""

from functools import cache

from django.db import connection
from django.db.models import QuerySet
from modelsearch.backends.base import EmptySearchResults
from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText, SearchQuery
from modelsearch.utils import get_content_type_pk

from portal.search.analysis import index_text, query_terms, similarity_tokens

# How much more a match in a title counts than one in the body (SQLite; PostgreSQL ranks
# titles higher through the title vector and the fields' boosts).
TITLE_WEIGHT = 10.0


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


@cache
def _sqlite_backend_class():
    from django.db.models import FloatField, Func
    from modelsearch.backends.database.sqlite import sqlite as base
    from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression

    class WeightedBM25(Func):
        """FTS5's bm25() with column weights (autocomplete, body, title): titles count most.

        modelsearch's SQLite backend ranks with unweighted bm25(), so a word in a long body
        outranks the same word in a title; this mirrors the title boost of PostgreSQL.
        """

        output_field = FloatField()

        def as_sql(self, compiler, connection, **extra_context):
            table = base.SQLiteFTSIndexEntry._meta.db_table
            return f"bm25({table}, 1.0, 1.0, {TITLE_WEIGHT})", []

    class Indexer(base.ObjectIndexer):
        def prepare_value(self, value):
            return index_text(super().prepare_value(value))

    class Index(base.SQLiteIndex):
        def add_items(self, model, objs):
            if not model.get_search_fields():
                return
            indexers = [Indexer(obj, self.backend) for obj in objs]
            if not indexers:
                return
            content_type_pk = get_content_type_pk(model)
            data = {i.id: (i.title, i.autocomplete, i.body) for i in indexers}
            entries = self.entries.filter(content_type_id=content_type_pk)
            indexed = set(
                entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True)
            )
            for object_id in indexed:
                title, autocomplete, body = data[object_id]
                entries.filter(object_id=object_id).update(
                    title=title, autocomplete=autocomplete, body=body
                )
            self.entries.bulk_create(
                base.IndexEntry(
                    content_type_id=content_type_pk,
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in data.items()
                if object_id not in indexed
            )
            self._refresh_title_norms()

    class QueryCompilerMixin:
        def _build_rank_expression(self, vectors, config):
            return WeightedBM25()

        def build_search_query_content(self, query, config=None):
            if isinstance(query, Prefix):
                lexeme = Lexeme(query.query_string, prefix=True)
                return SearchQueryExpression(lexeme, config=config)
            return super().build_search_query_content(query, config=config)

    class QueryCompiler(QueryCompilerMixin, base.SQLiteSearchQueryCompiler):
        pass

    class AutocompleteQueryCompiler(QueryCompilerMixin, base.SQLiteAutocompleteQueryCompiler):
        pass

    class Backend(AnalysingBackendMixin, base.SQLiteSearchBackend):
        index_class = Index
        query_compiler_class = QueryCompiler
        autocomplete_query_compiler_class = AutocompleteQueryCompiler

        def _compiled_queryset(self, compiler, *, score_field):
            return compiler.search(None, None, None, score_field=score_field)

    return Backend


@cache
def _postgres_backend_class():
    from modelsearch.backends.database.postgres import postgres as base
    from modelsearch.backends.database.postgres.query import Lexeme

    class Indexer(base.ObjectIndexer):
        def as_vector(self, texts, for_autocomplete=False):
            analysed = [(index_text(text), weight) for text, weight in texts]
            return super().as_vector(analysed, for_autocomplete=for_autocomplete)

    class Index(base.PostgresIndex):
        def add_items(self, model, objs):
            if not model.get_search_fields():
                return
            indexers = [Indexer(obj, self.backend) for obj in objs]
            if not indexers:
                return
            content_type_pk = get_content_type_pk(model)
            compiler = base.InsertQuery(base.IndexEntry).get_compiler(
                connection=self.write_connection
            )
            rows, params = [], []
            for indexer in indexers:
                params.extend((content_type_pk, indexer.id))
                vectors = []
                for field_name in ("title", "autocomplete", "body"):
                    value = compiler.prepare_value(
                        base.IndexEntry._meta.get_field(field_name), getattr(indexer, field_name)
                    )
                    sql, value_params = value.as_sql(compiler, self.write_connection)
                    vectors.append(sql)
                    params.extend(value_params)
                params.extend((indexer.title_text, indexer.body_text))
                rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
            with self.write_connection.cursor() as cursor:
                cursor.execute(
                    f"""
                    INSERT INTO {base.IndexEntry._meta.db_table} (content_type_id, object_id,
                        title, autocomplete, body, title_norm, title_text, body_text)
                    (VALUES {", ".join(rows)})
                    ON CONFLICT (content_type_id, object_id)
                    DO UPDATE SET title = EXCLUDED.title,
                                  title_norm = 1.0,
                                  autocomplete = EXCLUDED.autocomplete,
                                  body = EXCLUDED.body,
                                  title_text = EXCLUDED.title_text,
                                  body_text = EXCLUDED.body_text
                    """,  # noqa: S608 - identifiers from model meta, values are parameters
                    params,
                )
            self._refresh_title_norms()

    class QueryCompilerMixin:
        def build_tsquery_content(self, query, config=None, invert=False):
            if isinstance(query, Prefix):
                lexeme = Lexeme(query.query_string, prefix=True, invert=invert)
                return base.SearchQuery(lexeme, search_type="raw", config=config)
            return super().build_tsquery_content(query, config=config, invert=invert)

    class QueryCompiler(QueryCompilerMixin, base.PostgresSearchQueryCompiler):
        pass

    class AutocompleteQueryCompiler(QueryCompilerMixin, base.PostgresAutocompleteQueryCompiler):
        pass

    class Backend(AnalysingBackendMixin, base.PostgresSearchBackend):
        index_class = Index
        query_compiler_class = QueryCompiler
        autocomplete_query_compiler_class = AutocompleteQueryCompiler

        def _compiled_queryset(self, compiler, *, score_field):
            return compiler.search(self.config, None, None, score_field=score_field, backend=self)

    return Backend


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks up in a backend module
    """The analysing backend for the default database (see the module docstring)."""
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends import database

        fallback = database.SearchBackend(params)  # decides whether FTS5 can be used
        return _sqlite_backend_class()(params) if database.USE_SQLITE_FTS else fallback
    from modelsearch.backends.database.fallback import DatabaseSearchBackend

    return DatabaseSearchBackend(params)
