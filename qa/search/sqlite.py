"""The search index on SQLite: FTS5, one table per language (`qa_search_<code>`, the
rowid is the question's id), holding the text qa.search.text folded and stemmed, so
that FTS5's own tokenizer only splits it at spaces. Ranked with bm25(), the title
weighing most, then the sub-questions, then the answers."""

import json

from django.db import connection
from django.db.models.expressions import RawSQL

from qa import languages

from .text import Phrase, Term

WEIGHTS = (100.0, 10.0, 1.0)  # title, headings, body: see qa.search.documents


def table(code):
    assert code in languages.codes()
    return f"qa_search_{code}"


def write(code, documents):
    """documents: {question id: {field: stemmed text}}; replaces what is stored."""
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {table(code)} WHERE rowid = %s", [(pk,) for pk in documents])
        cursor.executemany(
            f"INSERT INTO {table(code)} (rowid, title, headings, body) VALUES (%s, %s, %s, %s)",
            [(pk, doc["title"], doc["headings"], doc["body"]) for pk, doc in documents.items()],
        )


def delete(question_ids, codes=None):
    with connection.cursor() as cursor:
        for code in codes or languages.codes():
            cursor.executemany(f"DELETE FROM {table(code)} WHERE rowid = %s", [(pk,) for pk in question_ids])


def delete_all():
    with connection.cursor() as cursor:
        for code in languages.codes():
            cursor.execute(f"DELETE FROM {table(code)}")


def analyze():
    """FTS5 keeps its own statistics; merging its segments after a rebuild keeps
    queries reading one b-tree instead of one per batch."""
    with connection.cursor() as cursor:
        for code in languages.codes():
            cursor.execute(f"INSERT INTO {table(code)} ({table(code)}) VALUES ('optimize')")


def id_set(ids):
    """SQL for a set of question ids in one parameter (a JSON array), as on PostgreSQL."""
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(list(ids))])


def _quoted(stem):
    return '"' + stem.replace('"', '""') + '"'


def _alternative(item):
    if isinstance(item, Phrase):
        return _quoted(" ".join(item.stems))
    assert isinstance(item, Term)
    return _quoted(item.stem) + ("*" if item.prefix else "")


def match_expression(query):
    """The FTS5 MATCH expression of a parsed query: every group required, each group
    one of its alternatives, the excluded ones left out. Every term is quoted, so no
    reader's text is FTS5 syntax."""
    groups = ["(" + " OR ".join(_alternative(item) for item in group) + ")" for group in query.groups]
    expression = " AND ".join(groups)
    if query.excluded:
        expression += " NOT (" + " OR ".join(_alternative(item) for item in query.excluded) + ")"
    return "{title headings} : (" + expression + ")" if query.headings_only else expression


def match(code, query, limit):
    """[(question id, score)], best first, at most limit of them: the newest `limit`
    matches are ranked, as on PostgreSQL a broad query is not ranked over every row that
    has a word (ORDER BY bm25() scored all 95,000 rows of "training" at 100,000
    questions: 106 ms; the newest `limit` by rowid, then sorted here: 26 ms)."""
    weights = ", ".join(str(weight) for weight in WEIGHTS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, bm25({table(code)}, {weights}) AS score FROM {table(code)} "
            f"WHERE {table(code)} MATCH %s ORDER BY rowid DESC LIMIT %s",
            [match_expression(query), limit],
        )
        found = cursor.fetchall()
    found.sort(key=lambda row: (row[1], -row[0]))  # bm25: lower is better
    return [(pk, -score) for pk, score in found]
