"""The search index on PostgreSQL: one narrow row per (question, language) in
`qa_search_document` with a tsvector, and a GIN index per language (narrow rows keep
broad queries fast: DESIGN.md). The text is folded and stemmed by qa.search.text and
stored with the `simple` configuration, so PostgreSQL only splits it at spaces and
finds what SQLite finds on a laptop (its own dutch/german/turkish configurations are
an older Snowball that disagrees with PyStemmer: lopen/loopt/gelopen give three stems
there, one here). Weights: title A, sub-questions B, answers C."""

from django.db import connection

from qa import languages

from .text import Phrase, Term

RANK_WEIGHTS = "{0.0, 0.01, 0.1, 1.0}"  # D, C (answers), B (sub-questions), A (title)


VECTOR = (
    "setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B')"
    " || setweight(to_tsvector('simple', %s), 'C')"
)


def write(code, documents):
    """documents: {question id: {field: stemmed text}}; replaces what is stored."""
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO qa_search_document (question_id, language, document) VALUES (%s, %s, {VECTOR}) "
            "ON CONFLICT (question_id, language) DO UPDATE SET document = EXCLUDED.document",
            [(pk, code, doc["title"], doc["headings"], doc["body"]) for pk, doc in documents.items()],
        )


def delete(question_ids, codes=None):
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM qa_search_document WHERE question_id = ANY(%s) AND language = ANY(%s)",
            [list(question_ids), list(codes or languages.codes())],
        )


def delete_all():
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM qa_search_document")


def analyze():
    """Statistics for the planner after a rebuild (without them it guessed 30 rows for a
    word in 98,000 questions)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE qa_search_document")


def _lexeme(stem, prefix=False):
    return "'" + stem.replace("\\", "\\\\").replace("'", "''") + "'" + (":*" if prefix else "")


def _alternative(item):
    if isinstance(item, Phrase):
        return "(" + " <-> ".join(_lexeme(stem) for stem in item.stems) + ")"
    assert isinstance(item, Term)
    return _lexeme(item.stem, item.prefix)


def tsquery(query):
    """The to_tsquery() text of a parsed query; every lexeme quoted, so no reader's
    text is tsquery syntax."""
    expression = " & ".join("(" + " | ".join(_alternative(item) for item in group) + ")" for group in query.groups)
    if query.excluded:
        expression += " & !(" + " | ".join(_alternative(item) for item in query.excluded) + ")"
    return expression


def match(code, query, limit):
    """[(question id, score)], best first, at most limit of them: the first `limit`
    matches are ranked (a broad query is not ranked over every row that has a word)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT question_id, rank FROM ("
            f" SELECT question_id, ts_rank('{RANK_WEIGHTS}', document, q) AS rank"
            " FROM qa_search_document, to_tsquery('simple', %s) AS q"
            " WHERE language = %s AND document @@ q LIMIT %s) AS candidates"
            " ORDER BY rank DESC, question_id DESC",
            [tsquery(query), code, limit],
        )
        return cursor.fetchall()
