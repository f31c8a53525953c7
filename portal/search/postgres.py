"""The analysing backend on PostgreSQL. Imported by ``backends.SearchBackend`` on PostgreSQL only.

Text is analysed into bigram tokens before it becomes a ``tsvector`` (the ``simple`` config
keeps them as they are), queries become phrase queries of bigrams (``'防災' <-> '災計'``) or
prefix queries (``'市':*``); the GIN index on the index table serves both.
"""

from functools import cached_property

from modelsearch.backends.database.postgres import postgres as base
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.utils import get_content_type_pk

from portal.search.engine import AnalysingBackendMixin, FieldTextsMixin, Prefix


class Indexer(FieldTextsMixin, base.ObjectIndexer):
    """Each field read once and analysed once (see FieldTextsMixin); weights from boosts."""

    def _field_values(self):
        for field in self.search_fields:
            yield from self.prepare_field(self.obj, field)

    @cached_property
    def title(self):
        return self.as_vector(self.analysed("title"))

    @cached_property
    def body(self):
        return self.as_vector(self.analysed("body"))

    @cached_property
    def autocomplete(self):
        return self.as_vector(self.analysed("autocomplete"), for_autocomplete=True)


class Index(base.PostgresIndex):
    """modelsearch's PostgreSQL index with the analysing indexer (its add_items, same SQL)."""

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [Indexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = base.InsertQuery(base.IndexEntry).get_compiler(connection=self.write_connection)
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


class PostgresAnalysingBackend(AnalysingBackendMixin, base.PostgresSearchBackend):
    index_class = Index
    query_compiler_class = QueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler

    def _compiled_queryset(self, compiler, *, score_field):
        return compiler.search(self.config, None, None, score_field=score_field, backend=self)
