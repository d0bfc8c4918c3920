"""Pages of long lists that cost the same on page 1 and page 500.

- The number of items is given (the stored counts of qa.counts), never counted.
- A page's rows are found by their ids first: `pk IN (the ids of this page)` reads the
  ids from a list's partial index alone (qa.models, Question.Meta.indexes), so the rows
  a deep page skips are neither fetched nor joined with their category and asker. A
  page of a few rows does it in one query (a subquery); a big page (a sitemap file of
  thousands) reads the ids first, since PostgreSQL joins a subquery of thousands of
  ids by scanning the whole table (measured: 150 ms against 10 ms).
"""

from django.core.paginator import Paginator
from django.db.models import Subquery

BIG_PAGE = 100


class CountedPaginator(Paginator):
    def __init__(self, object_list, per_page, count, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count = count  # replaces Paginator.count, a cached_property

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = self.object_list.values("pk")[bottom:top]
        ids = Subquery(ids) if self.per_page <= BIG_PAGE else [row["pk"] for row in ids]
        return self._get_page(self.object_list.filter(pk__in=ids), number, self)
