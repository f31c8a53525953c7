"""What the analysing backends share: query analysis, the ``Prefix`` term, the indexer's texts
and ``search_queryset``. Imported by ``portal.search.sqlite`` and ``portal.search.postgres``;
``portal.search.backends`` imports those, so the dependencies run one way (backends → vendor
module → engine → analysis).
"""

from functools import cached_property

from django.db.models import QuerySet
from modelsearch.backends.base import EmptySearchResults
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText, SearchQuery

from portal.search.analysis import index_text, query_terms, similarity_tokens


class DeferredTitleNormsMixin:
    """modelsearch recomputes every title norm (an AVG over the whole index table) after each
    ``add_items``; a bulk rebuild sets ``defer_title_norms`` and recomputes them once at the
    end (the rebuilder's ``finish`` does a full refresh)."""

    defer_title_norms = False

    def _refresh_title_norms(self, full=False):
        if self.defer_title_norms and not full:
            return
        super()._refresh_title_norms(full=full)


class FieldTextsMixin:
    """Reads every search field of the object ONCE and analyses each kind of text once.

    modelsearch's indexers walk the search fields again for every column they fill (title,
    body, autocomplete, and the plain title/body text on PostgreSQL): five calls of every
    field's getter per object. The subclass's ``_field_values()`` yields ``(field, boost,
    value)``; the analysis runs on the joined text of a column, never on a part of it that was
    already analysed (a StreamField body arrives as a list of blocks: analysing each block and
    then the joined list again was the SQLite double analysis that lost phrases).
    """

    @cached_property
    def _texts(self) -> dict[str, list[tuple[str, float]]]:
        texts = {"title": [], "body": [], "autocomplete": []}
        for field, boost, value in self._field_values():
            value = (value or "").strip()
            if not value:
                continue
            if isinstance(field, SearchField):
                texts["title" if field.field_name == "title" else "body"].append((value, boost))
            elif isinstance(field, AutocompleteField):
                texts["autocomplete"].append((value, boost))
        return texts

    def plain(self, kind: str) -> str:
        return " ".join(text for text, _boost in self._texts[kind])

    def analysed(self, kind: str) -> list[tuple[str, float]]:
        return [(index_text(text), boost) for text, boost in self._texts[kind]]

    @cached_property
    def title_text(self) -> str:
        return self.plain("title")

    @cached_property
    def body_text(self) -> str:
        return self.plain("body")


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
