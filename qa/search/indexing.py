"""Keeping the search index in step with the content: `index(question_ids)` writes what
qa.search.documents reads of them in every language (and removes the languages they no
longer have a title in), `remove(question_ids)` forgets them, `rebuild()` does all.
qa.signals calls these on every change of a question or its answers, inside the
change's transaction, once per change (qa.signals.one_change)."""

from django.db import connection

from qa import languages
from qa.models import Question, SearchWord

from . import documents, postgresql, sqlite
from .text import terms, vocabulary


def backend():
    """The backend module for the database in use: PostgreSQL's tsvector table or
    SQLite's FTS5 tables."""
    return postgresql if connection.vendor == "postgresql" else sqlite


def stemmed(parts, code):
    """The three stored fields: the labels (category and tag names) weigh as much as the
    sub-questions, so they share a field."""
    return {
        "title": " ".join(terms(parts["title"], code)),
        "headings": " ".join(terms(parts["headings"] + "\n" + parts["labels"], code)),
        "body": " ".join(terms(parts["body"], code)),
    }


BATCH_SIZE = 500


def index(question_ids):
    """Index these questions again, BATCH_SIZE at a time (a renamed category may hold
    thousands)."""
    question_ids = list(question_ids)
    for start in range(0, len(question_ids), BATCH_SIZE):
        _index_batch(question_ids[start : start + BATCH_SIZE])


def _index_batch(question_ids):
    store = backend()
    for code, found in documents.texts(question_ids, languages.codes()).items():
        store.delete([pk for pk in question_ids if pk not in found], [code])
        store.write(code, {pk: stemmed(parts, code) for pk, parts in found.items()})
        add_words(code, found.values())


def add_words(code, texts):
    """The words of these texts join the language's vocabulary (qa.search.suggestions,
    qa.search.prefixes); words already there stay as they are."""
    # One call for the whole batch: each word is folded and stemmed once, not once per text.
    found = vocabulary("\n".join(text for parts in texts for text in parts.values()), code)
    SearchWord.objects.bulk_create(
        [
            SearchWord(
                language=code,
                folded=folded,
                word=word,
                stem=stem,
                head=folded[:2],
                tail=folded[-2:],
                length=len(folded),
            )
            for folded, (word, stem) in found.items()
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )


def remove(question_ids):
    backend().delete(list(question_ids))


def rebuild(batch_size=BATCH_SIZE, progress=None):
    """Index every question again, batch by batch; progress(done, total) after each."""
    store = backend()
    store.delete_all()
    SearchWord.objects.all().delete()
    ids = list(Question.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        index(ids[start : start + batch_size])
        if progress:
            progress(min(start + batch_size, len(ids)), len(ids))
    store.analyze()
    return len(ids)
