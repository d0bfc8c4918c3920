"""The search index (qa.search): on PostgreSQL one narrow tsvector row per (question,
language) with a GIN index per language; on SQLite one FTS5 table per language. Both are
made here by hand, for the database in use, since neither is a Django model; the rows
are filled by `manage.py rebuild_search_index` (and by every save from now on).

No foreign key to qa_question: Django does not know these tables, and a key would stop
it from emptying qa_question (TRUNCATE in `flush` and the test runner). A deleted
question's rows go with it (qa.signals); a row left by a raw SQL delete is never shown,
since results are only questions readers may see, and a rebuild drops it."""

from django.db import migrations

CODES = ("nl", "en", "de", "tr")


def create(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        if schema_editor.connection.vendor == "postgresql":
            cursor.execute(
                "CREATE TABLE IF NOT EXISTS qa_search_document ("
                " question_id bigint NOT NULL,"
                " language varchar(10) NOT NULL,"
                " document tsvector NOT NULL,"
                " PRIMARY KEY (question_id, language))"
            )
            for code in CODES:
                cursor.execute(
                    f"CREATE INDEX IF NOT EXISTS qa_search_document_{code}_idx ON qa_search_document "
                    f"USING gin (document) WHERE language = '{code}'"
                )
        elif schema_editor.connection.vendor == "sqlite":
            for code in CODES:
                cursor.execute(
                    f"CREATE VIRTUAL TABLE IF NOT EXISTS qa_search_{code} "
                    "USING fts5(title, headings, body, tokenize = 'unicode61 remove_diacritics 0')"
                )


def drop(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        if schema_editor.connection.vendor == "postgresql":
            cursor.execute("DROP TABLE IF EXISTS qa_search_document")
        elif schema_editor.connection.vendor == "sqlite":
            for code in CODES:
                cursor.execute(f"DROP TABLE IF EXISTS qa_search_{code}")


class Migration(migrations.Migration):
    dependencies = [
        ("qa", "0007_asker_slug_from_name"),
    ]

    operations = [migrations.RunPython(create, drop)]
