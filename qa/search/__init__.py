"""Search in the site's four languages: one API over SQLite FTS5 and PostgreSQL.

`qa.search.text` is the language part (folding, words, stems, the readers' query syntax and
highlighting), pure Python, shared by both backends so that the laptop and production find
the same things.

- `index(question_ids)`, `remove(question_ids)`, `rebuild()` (qa.search.indexing) keep the
  index in step; qa.signals calls them on every change, `manage.py rebuild_search_index`
  rebuilds it all.
- `search(language, text, page)` (qa.search.results) gives the visible questions that
  match, best first, with their titles and snippets marked.
- The backends, chosen by the database in use: qa.search.sqlite (FTS5, one table per
  language) and qa.search.postgresql (a tsvector per question and language, a GIN index
  per language); qa.search.documents says what of a question is indexed.
- The results page: qa.search.views.
"""

from .indexing import index, rebuild, remove
from .results import search

__all__ = ["index", "rebuild", "remove", "search"]
