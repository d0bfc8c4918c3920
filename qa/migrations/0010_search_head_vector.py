"""PostgreSQL's search rows get a second, small vector (title, sub-questions and labels)
to rank on and to find related questions by, filled from the stored document (its
weights A and B), with a GIN index per language (qa.search.postgresql). SQLite's FTS5
tables already keep those fields apart: nothing changes there."""

from django.db import migrations

CODES = ("nl", "en", "de", "tr")


def add_head(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("ALTER TABLE qa_search_document ADD COLUMN IF NOT EXISTS head tsvector NOT NULL DEFAULT ''")
        cursor.execute("UPDATE qa_search_document SET head = ts_filter(document, '{a,b}')")
        # One index per language, as for `document`, with a condition that only the
        # queries on `head` state (qa.search.postgresql.match): without it, the planner
        # read the English head index whole as a way to find the English rows for a
        # query on `document`, then unpacked every document (80 ms); one index for all
        # languages was ANDed with the primary key to find them (15 ms).
        for code in CODES:
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS qa_search_head_{code}_idx ON qa_search_document "
                f"USING gin (head) WHERE language = '{code}' AND length(head) > 0"
            )


def drop_head(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("ALTER TABLE qa_search_document DROP COLUMN IF EXISTS head")


class Migration(migrations.Migration):
    dependencies = [
        ("qa", "0009_search_words"),
    ]

    operations = [migrations.RunPython(add_head, drop_head)]
