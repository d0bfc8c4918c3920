"""Keeping the search index in step with the content: `index(question_ids)` writes what
qa.search.documents reads of them in every language (and removes the languages they no
longer have a title in), `remove(question_ids)` forgets them, `rebuild()` does all.
qa.signals calls these on every change of a question or its answers, inside the
change's transaction, once per change (qa.signals.one_change)."""

from django.db import connection

from qa import languages
from qa.models import Question

from . import documents, postgresql, sqlite
from .text import terms


def backend():
    """The backend module for the database in use: PostgreSQL's tsvector table or
    SQLite's FTS5 tables."""
    return postgresql if connection.vendor == "postgresql" else sqlite


def stemmed(parts, code):
    return {field: " ".join(terms(parts[field], code)) for field in documents.FIELDS}


def index(question_ids):
    question_ids = list(question_ids)
    store = backend()
    for code, found in documents.texts(question_ids, languages.codes()).items():
        store.delete([pk for pk in question_ids if pk not in found], [code])
        store.write(code, {pk: stemmed(parts, code) for pk, parts in found.items()})


def remove(question_ids):
    backend().delete(list(question_ids))


def rebuild(batch_size=500, progress=None):
    """Index every question again, batch by batch; progress(done, total) after each."""
    store = backend()
    store.delete_all()
    ids = list(Question.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        index(ids[start : start + batch_size])
        if progress:
            progress(min(start + batch_size, len(ids)), len(ids))
    store.analyze()
    return len(ids)
