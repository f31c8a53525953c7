"""The analysing backend on SQLite (FTS5). Imported by ``backends.SearchBackend`` on SQLite only.

``search_queryset`` does not use modelsearch's query plan, which is fine for a few hundred
documents but slow at 10,000: its match subquery joins the index table first and probes the
FTS table once per index row, and its rank is a correlated subquery that re-runs the MATCH
for every matching row. Here the FTS MATCH runs once (an ``IN`` list of FTS rowids), and the
rank is a term-frequency score read from the document's own index row (its analysed title and
body), titles weighted and normalised by length like modelsearch's ``title_norm``.
"""

from functools import cached_property

from django.db.models import F, FloatField, Func, OuterRef, QuerySet, Subquery, TextField, Value
from django.db.models.functions import Cast, Coalesce
from modelsearch.backends.database.sqlite import sqlite as base
from modelsearch.backends.database.sqlite.query import (
    Lexeme,
    MatchExpression,
    SearchQueryExpression,
)
from modelsearch.query import And, Or, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from portal.search.engine import (
    AnalysingBackendMixin,
    DeferredTitleNormsMixin,
    FieldTextsMixin,
    Prefix,
)

# How much more a match in a title counts than one in the body.
TITLE_WEIGHT = 10.0


class WeightedBM25(Func):
    """FTS5's bm25() with column weights (autocomplete, body, title), for Wagtail's API path:
    modelsearch ranks with unweighted bm25(), so a word in a long body would outrank a title."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        return f"bm25({base.SQLiteFTSIndexEntry._meta.db_table}, 1.0, 1.0, {TITLE_WEIGHT})", []


class Occurrences(Func):
    """How often `needle` occurs in the space-padded, analysed `text` (SQL only, no Python)."""

    output_field = FloatField()
    template = (
        "((LENGTH(' ' || %(expressions)s || ' ') - "
        "LENGTH(REPLACE(' ' || %(expressions)s || ' ', %(needle)s, ''))) * 1.0 / %(size)s)"
    )

    def __init__(self, text, needle: str):
        super().__init__(text)
        self.needle = needle

    def as_sql(self, compiler, connection, **extra_context):
        text_sql, text_params = compiler.compile(self.source_expressions[0])
        sql = self.template % {"expressions": text_sql, "needle": "%s", "size": len(self.needle)}
        # The text appears twice, the needle once, in that order in the SQL.
        return sql, [*text_params, *text_params, self.needle]


def _needles(query) -> list[str]:
    """The space-delimited token sequences whose occurrences score a document."""
    if isinstance(query, Prefix):
        return [f" {query.query_string}"]
    if isinstance(query, Phrase):
        return [f" {query.query_string} "]
    if isinstance(query, PlainText):
        return [f" {token} " for token in query.query_string.split()]
    if isinstance(query, (And, Or)):
        return [needle for sub in query.subqueries for needle in _needles(sub)]
    return []


class Contains(Func):
    """1.0 when `needle` occurs in the space-padded `text`, else 0.0 (stops at the first)."""

    output_field = FloatField()

    def __init__(self, text, needle: str):
        super().__init__(text)
        self.needle = needle

    def as_sql(self, compiler, connection, **extra_context):
        text_sql, text_params = compiler.compile(self.source_expressions[0])
        sql = f"(INSTR(' ' || {text_sql} || ' ', %s) > 0) * 1.0"
        return sql, [*text_params, self.needle]


def _score(entries: QuerySet, query) -> Subquery:
    title = Coalesce(F("title"), Value(""), output_field=TextField())
    body = Coalesce(F("body"), Value(""), output_field=TextField())
    score = Value(0.0, output_field=FloatField())
    for needle in _needles(query):
        score = (
            score
            + Occurrences(title, needle) * TITLE_WEIGHT * F("title_norm")
            + Contains(body, needle)
        )
    return Subquery(entries.annotate(score=score).values("score")[:1], output_field=FloatField())


class Indexer(FieldTextsMixin, base.ObjectIndexer):
    """Each column analysed once, from the joined text of its fields (see FieldTextsMixin)."""

    def _field_values(self):
        for field in self.search_fields:
            for current_field, value in self.prepare_field(self.obj, field):
                yield current_field, 1.0, value

    def _column(self, kind: str) -> str:
        return " ".join(text for text, _boost in self.analysed(kind))

    @cached_property
    def title(self) -> str:
        return self._column("title")

    @cached_property
    def body(self) -> str:
        return self._column("body")

    @cached_property
    def autocomplete(self) -> str:
        return self._column("autocomplete")


class Index(DeferredTitleNormsMixin, base.SQLiteIndex):
    """modelsearch's SQLite index with the analysing indexer (its add_items, same steps)."""

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [Indexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        data = {i.id: i for i in indexers}
        entries = self.entries.filter(content_type_id=content_type_pk)
        indexed = set(entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True))
        for object_id in indexed:
            entries.filter(object_id=object_id).update(**_columns(data[object_id]))
        self.entries.bulk_create(
            (
                base.IndexEntry(
                    content_type_id=content_type_pk, object_id=object_id, **_columns(indexer)
                )
                for object_id, indexer in data.items()
                if object_id not in indexed
            ),
            batch_size=500,
        )
        self._refresh_title_norms()


def _columns(indexer: Indexer) -> dict[str, str]:
    """The analysed columns of one object's index row (FTS5 reads them through triggers)."""
    return {"title": indexer.title, "autocomplete": indexer.autocomplete, "body": indexer.body}


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


class SQLiteAnalysingBackend(AnalysingBackendMixin, base.SQLiteSearchBackend):
    index_class = Index
    query_compiler_class = QueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler

    def _compiled_queryset(self, compiler, *, score_field):
        query = compiler.query
        match = MatchExpression(compiler.FTS_TABLE_FIELDS, compiler.build_search_query(query))
        rowids = base.SQLiteFTSIndexEntry.objects.filter(match).values("index_entry_id")
        entries = base.IndexEntry.objects.filter(
            content_type_id__in=get_descendants_content_types_pks(compiler.queryset.model)
        )
        matched = entries.filter(pk__in=rowids).values("object_id")
        queryset = compiler.queryset.filter(pk__in=matched)
        if score_field is None:
            return queryset
        own_entry = entries.filter(object_id=Cast(OuterRef("pk"), TextField()))
        return queryset.annotate(**{score_field: _score(own_entry, query)}).order_by(
            F(score_field).desc(), "-pk"
        )
