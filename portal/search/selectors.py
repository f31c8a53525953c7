from django.db.models import Case, IntegerField, QuerySet, When

MAX_QUERY_LENGTH = 200


def search(
    queryset: QuerySet, query: str, *, match: str = "all", order_by_relevance: bool = True
) -> QuerySet:
    """`queryset` narrowed to rows matching every term of `query` (Japanese-aware).

    ``match="any"`` finds rows sharing any distinctive token instead ("similar to": a title
    being typed). Returns a QuerySet (chain ``select_related``, paginate, re-order as usual).
    Best matches first, annotated with ``search_rank``, unless ``order_by_relevance=False``,
    which keeps the queryset's own ordering. A blank query, or one with nothing searchable,
    matches nothing. The model must be indexed (see ``portal.search.index``).
    """
    from wagtail.search.backends import get_search_backend

    query = (query or "")[:MAX_QUERY_LENGTH]
    backend = get_search_backend()
    if hasattr(backend, "search_queryset"):
        return backend.search_queryset(
            query, queryset, match=match, order_by_relevance=order_by_relevance
        )
    if match == "any":
        query = " OR ".join(query.split())
    return _search_other_backend(backend, queryset, query, order_by_relevance)


def _search_other_backend(backend, queryset, query, order_by_relevance):
    """Backends without SQL access (Elasticsearch/OpenSearch): ids first, then one query."""
    results = backend.search(query, queryset.model, order_by_relevance=order_by_relevance)
    ids = [obj.pk for obj in results[:1000]]
    narrowed = queryset.filter(pk__in=ids)
    if not order_by_relevance:
        return narrowed
    rank = Case(
        *(When(pk=pk, then=position) for position, pk in enumerate(ids)),
        output_field=IntegerField(),
    )
    return narrowed.annotate(search_rank=rank).order_by("search_rank")
