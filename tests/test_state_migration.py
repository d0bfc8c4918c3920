"""Existing content keeps what readers saw when one status becomes one state per
language (migrations qa 0011-0013): a published question is published in each
language it was available in, on its date; drafts stay drafts; scheduled stays
scheduled."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("qa", "0010_search_head_vector")]
CODES = ("nl", "en", "de", "tr")


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_one_status_becomes_a_state_per_language():
    after = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old = migrate(BEFORE)
    try:
        Asker, Category, Question = (old.get_model("qa", name) for name in ("Asker", "Category", "Question"))
        asker = Asker.objects.create(name="A", slug="a")
        category = Category.objects.create(name_en="C", slug_en="c")
        now = timezone.now()
        rows = {
            "published": ("published", now - timedelta(days=3), {"nl": True, "en": True, "de": False, "tr": False}),
            "scheduled": ("published", now + timedelta(days=3), {"nl": False, "en": True, "de": True, "tr": False}),
            "draft": ("draft", now - timedelta(days=1), {"nl": True, "en": True, "de": True, "tr": True}),
        }
        pks = {}
        for key, (status, date, available) in rows.items():
            pks[key] = Question.objects.create(
                asker=asker,
                category=category,
                status=status,
                published_at=date,
                **{f"title_{code}": f"{key} {code}" for code in CODES},
                **{f"slug_{code}": f"{key}-{code}" for code in CODES},
                **{f"is_available_{code}": flag for code, flag in available.items()},
            ).pk
        new = migrate(after)
        Question = new.get_model("qa", "Question")
        for key, (status, date, available) in rows.items():
            question = Question.objects.get(pk=pks[key])
            for code, was_available in available.items():
                published = status == "published" and was_available
                assert getattr(question, f"state_{code}") == ("published" if published else "draft"), (key, code)
                assert getattr(question, f"publish_at_{code}") == (date if published else None), (key, code)
                assert getattr(question, f"is_complete_{code}") is was_available, (key, code)
                assert getattr(question, f"is_available_{code}") is published, (key, code)
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
