"""A paginator whose count stops at a cap, so a list page costs the same at 100,000 rows.

Django's ``Paginator.count`` runs ``SELECT COUNT(*)`` over every matching row: at 100k support
requests that scan (and, for a search, the ranking of every match) grows with the data, while
the page itself reads only 20 rows through an index. Here the count reads at most ``cap + 1``
primary keys (``SELECT COUNT(*) FROM (SELECT id … LIMIT 10001)``, ordering and annotations
dropped), and the page says "more than 10,000" when there are more; nobody pages through 500
pages of 20, they narrow the filters. Pages are still addressed by number (OFFSET): beyond the
cap there are no page links, so the deepest OFFSET is bounded by the cap as well.
"""

from functools import cached_property

from django.core.paginator import Paginator

COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, cap: int = COUNT_CAP, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap

    @cached_property
    def _counted(self) -> int:
        rows = self.object_list
        if hasattr(rows, "values"):
            rows = rows.order_by().values("pk")
        return rows[: self.cap + 1].count() if hasattr(rows, "count") else len(rows[: self.cap + 1])

    @cached_property
    def count(self) -> int:
        return min(self._counted, self.cap)

    @property
    def capped(self) -> bool:
        """True when there are more rows than ``count`` (shown as "more than N")."""
        return self._counted > self.cap
