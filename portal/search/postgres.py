"""The analysing backend on PostgreSQL. Imported by ``backends.SearchBackend`` on PostgreSQL only.

Text is analysed into bigram tokens before it becomes a ``tsvector`` (the ``simple`` config
keeps them as they are), queries become phrase queries of bigrams (``'防災' <-> '災計'``) or
prefix queries (``'市':*``); the GIN index on the index table serves both.
"""

import re

from modelsearch.backends.database.postgres import postgres as base
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.utils import get_content_type_pk

from portal.search.engine import (
    AnalysingBackendMixin,
    DeferredTitleNormsMixin,
    FieldTextsMixin,
    Prefix,
)


class Indexer(FieldTextsMixin, base.ObjectIndexer):
    """Each field read once and analysed once (see FieldTextsMixin); weights from boosts."""

    def _field_values(self):
        for field in self.search_fields:
            yield from self.prepare_field(self.obj, field)


def vector_sql(texts: list[tuple[str, str]], config) -> tuple[str, list]:
    """SQL for the weighted ``tsvector`` of analysed `texts` ((text, weight letter) pairs).

    Written directly rather than through Django's ``SearchVector`` expressions: compiling
    those (output fields, nested ``Value`` and ``Func`` objects) cost ~8 ms of CPU per object
    and made bulk indexing run at ~100 documents a second. Texts of the same weight are joined
    into one ``to_tsvector`` call and the configuration and weights are SQL literals (both
    from a fixed set), so a row has one parameter per weight: the driver's query parsing, which
    grows with the number of placeholders, stays small for 1,000-row inserts.
    """
    by_weight: dict[str, list[str]] = {}
    for text, weight in texts:
        by_weight.setdefault(weight, []).append(text)
    if not by_weight:
        return "''::tsvector", []
    regconfig = _regconfig(config)
    parts = [
        f"setweight(to_tsvector({regconfig}, %s), '{_weight(weight)}')" for weight in by_weight
    ]
    return " || ".join(parts), [" ".join(group) for group in by_weight.values()]


def _regconfig(config) -> str:
    name = str(config or "simple")
    if not re.fullmatch(r"[a-z_]+", name):
        raise ValueError(f"unexpected text search configuration {name!r}")
    return f"'{name}'::regconfig"


def _weight(weight) -> str:
    if weight not in {"A", "B", "C", "D"}:
        raise ValueError(f"unexpected tsvector weight {weight!r}")
    return weight


class Index(DeferredTitleNormsMixin, base.PostgresIndex):
    """modelsearch's PostgreSQL index with the analysing indexer (its add_items' SQL, with the
    vectors written directly: see ``vector_sql``)."""

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [Indexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        configs = {
            "title": self.backend.config,
            "autocomplete": self.backend.autocomplete_config,
            "body": self.backend.config,
        }
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for kind, config in configs.items():
                sql, vector_params = vector_sql(indexer.analysed(kind), config)
                vectors.append(sql)
                params.extend(vector_params)
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


class PostgresAnalysingBackend(AnalysingBackendMixin, base.PostgresSearchBackend):
    index_class = Index
    query_compiler_class = QueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler

    def _compiled_queryset(self, compiler, *, score_field):
        return compiler.search(self.config, None, None, score_field=score_field, backend=self)
