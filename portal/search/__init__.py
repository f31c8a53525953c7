"""Japanese full-text search for Django models and Wagtail pages, on SQLite and PostgreSQL.

How to make a model searchable and search it (two declarations and one call)::

    from portal.search import index

    class Startup(index.Indexed, TimeStampedModel):
        search_fields = [
            index.SearchField("name", boost=3),       # field_name "title" gets the title boost
            index.SearchField("description"),
            index.RelatedFields("hq_prefecture", [index.SearchField("name")]),
        ]

    # in a selector (any filters, any joins):
    from portal.search import search
    results = search(Startup.objects.verified(), "農業")   # QuerySet, best match first

    # in a template:
    {% load portal_search %} {{ startup.name|highlight:q }}  {{ startup.description|excerpt:q }}

Indexing: Wagtail pages and models with the default ``search_auto_update`` are indexed by
Wagtail's post-save task. A model whose index depends on several writes (tags, M2M) sets
``search_auto_update = False`` and calls ``index.index_object(obj)`` at the end of its service,
inside the transaction. ``manage.py rebuild_search_index`` rebuilds everything (progress bar).

The analysis (NFKC, kana folding, CJK bigrams, prefix words) lives in ``analysis``; what the
database backends share in ``engine``; ``backends`` picks ``sqlite`` or ``postgres``, which
import ``engine`` (one direction, no loop). This package imports no other portal app except
``portal.core``: site-wide search, which reads cms, community and startups, is
``portal.sitesearch``.
"""

from portal.search.highlight import excerpt, highlight
from portal.search.selectors import search

__all__ = ["excerpt", "highlight", "search"]
