"""The search index on PostgreSQL: one narrow row per (question, language) in
`qa_search_document` with a tsvector, and a GIN index per language (narrow rows keep
broad queries fast). The text is folded and stemmed by qa.search.text and
stored with the `simple` configuration, so PostgreSQL only splits it at spaces and
finds what SQLite finds on a laptop (its own dutch/german/turkish configurations are
an older Snowball that disagrees with PyStemmer: lopen/loopt/gelopen give three stems
there, one here). Weights: title A, sub-questions and labels B, answers C.

Two vectors per row. `document` holds everything and is what a query must match (through
its GIN index). `head` holds the title, sub-questions and labels alone (~660 bytes at
100,000 questions, against 4.4 kB for `document`, which PostgreSQL keeps out of line,
compressed): results are ranked on it, so a broad query does not unpack 2,000 documents
to rank them, and related questions (qa.search.similar, `headings_only`) match on it
through a GIN index of its own. Answer text thus decides whether a question is found,
not where it stands: one that has the words only in its answers ranks below every one
that has them in a title or sub-question, newest first among themselves.

The planner misjudges a broad query: a word in 97% of the rows looks cheapest read by a
sequential scan that stops at the LIMIT, but every row it reads must be unpacked to test
`@@` (44 ms for "train*" at 100,000 questions); the GIN bitmap answers `@@` without
reading `document` at all (10 ms). `match` therefore turns off the other scans for its
one statement (SET LOCAL in a transaction of its own, or put back after it inside another).
"""

from django.db import connection, transaction
from django.db.models.expressions import RawSQL

from qa import languages

from .text import Phrase, Term

RANK_WEIGHTS = "{0.0, 0.01, 0.1, 1.0}"  # D, C (answers), B (sub-questions), A (title)


HEAD = "setweight(to_tsvector('simple', %(title)s), 'A') || setweight(to_tsvector('simple', %(headings)s), 'B')"
VECTOR = f"{HEAD} || setweight(to_tsvector('simple', %(body)s), 'C')"


def write(code, documents):
    """documents: {question id: {field: stemmed text}}; replaces what is stored."""
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO qa_search_document (question_id, language, head, document)"
            f" VALUES (%(pk)s, %(code)s, {HEAD}, {VECTOR}) ON CONFLICT (question_id, language)"
            " DO UPDATE SET head = EXCLUDED.head, document = EXCLUDED.document",
            [{"pk": pk, "code": code, **doc} for pk, doc in documents.items()],
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


def id_set(ids):
    """SQL for a set of question ids in one parameter: a list of 2,000 ids as 2,000
    parameters cost 12-20 ms to send and plan, one array 3 ms."""
    return RawSQL("SELECT unnest(%s::bigint[])", [list(ids)])


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
    # The head indexes' own condition (migration 0010) must be stated to be used.
    matched = "length(head) > 0 AND head @@ q" if query.headings_only else "document @@ q"
    outer = connection.in_atomic_block
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off")
        cursor.execute(
            "SELECT question_id, rank FROM ("
            f" SELECT question_id, ts_rank('{RANK_WEIGHTS}', head, q) AS rank"
            " FROM qa_search_document, to_tsquery('simple', %s) AS q"
            f" WHERE language = %s AND {matched} LIMIT %s) AS candidates"
            " ORDER BY rank DESC, question_id DESC",
            [tsquery(query), code, limit],
        )
        found = cursor.fetchall()
        if outer:  # SET LOCAL lasts until the outer transaction ends: put them back now
            cursor.execute("SET LOCAL enable_seqscan TO DEFAULT; SET LOCAL enable_indexscan TO DEFAULT")
    return found
